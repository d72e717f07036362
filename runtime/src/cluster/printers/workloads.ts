// kubectl's table columns for the workload kinds (pkg/printers/internalversion
// printers.go printReplicationController, printReplicaSet, printDaemonSet,
// printJob, printCronJob), as data: one header and one cell function per column.

import { formatSelector, selectorFromMap } from '../../api/selectors';
import type { KubeObject } from '../types';
import { ageSince, humanDuration } from './durations';

export interface Column {
  header: string;
  cell(o: KubeObject, nowMs: number): string;
}

const num = (v: unknown) => String(Number(v ?? 0));
const age: Column = { header: 'AGE', cell: (o, now) => ageSince(o.metadata.creationTimestamp, now) };
const name: Column = { header: 'NAME', cell: (o) => o.metadata.name };

const replicated: Column[] = [
  name,
  { header: 'DESIRED', cell: (o) => num(o.spec?.replicas) },
  { header: 'CURRENT', cell: (o) => num(o.status?.replicas) },
  { header: 'READY', cell: (o) => num(o.status?.readyReplicas) },
  age,
];

const hasJobCondition = (o: KubeObject, type: string) => (o.status?.conditions ?? []).some((c: any) => c.type === type && c.status === 'True');

/** printJob's STATUS (1.33): the first that applies. */
function jobStatus(o: KubeObject): string {
  if (hasJobCondition(o, 'Complete')) return 'Complete';
  if (hasJobCondition(o, 'Failed')) return 'Failed';
  if (o.metadata.deletionTimestamp) return 'Terminating';
  if (hasJobCondition(o, 'Suspended')) return 'Suspended';
  if (hasJobCondition(o, 'FailureTarget')) return 'FailureTarget';
  if (hasJobCondition(o, 'SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

/** `s/c`, or in work-queue mode `s/1 of p` when p > 1. */
function jobCompletions(o: KubeObject): string {
  const succeeded = num(o.status?.succeeded);
  if (o.spec?.completions != null) return `${succeeded}/${o.spec.completions}`;
  const p = Number(o.spec?.parallelism ?? 1);
  return p > 1 ? `${succeeded}/1 of ${p}` : `${succeeded}/1`;
}

function jobDuration(o: KubeObject, now: number): string {
  const start = Date.parse(o.status?.startTime ?? '');
  if (Number.isNaN(start)) return '';
  const end = o.status?.completionTime ? Date.parse(o.status.completionTime) : now;
  return humanDuration(end - start);
}

export const WORKLOAD_COLUMNS: Readonly<Record<string, readonly Column[]>> = {
  ReplicationController: replicated,
  ReplicaSet: replicated,
  DaemonSet: [
    name,
    { header: 'DESIRED', cell: (o) => num(o.status?.desiredNumberScheduled) },
    { header: 'CURRENT', cell: (o) => num(o.status?.currentNumberScheduled) },
    { header: 'READY', cell: (o) => num(o.status?.numberReady) },
    { header: 'UP-TO-DATE', cell: (o) => num(o.status?.updatedNumberScheduled) },
    { header: 'AVAILABLE', cell: (o) => num(o.status?.numberAvailable) },
    { header: 'NODE SELECTOR', cell: (o) => formatSelector(selectorFromMap(o.spec?.template?.spec?.nodeSelector)) || '<none>' },
    age,
  ],
  Job: [
    name,
    { header: 'STATUS', cell: jobStatus },
    { header: 'COMPLETIONS', cell: jobCompletions },
    { header: 'DURATION', cell: jobDuration },
    age,
  ],
  CronJob: [
    name,
    { header: 'SCHEDULE', cell: (o) => String(o.spec?.schedule ?? '') },
    { header: 'TIMEZONE', cell: (o) => o.spec?.timeZone ?? '<none>' },
    { header: 'SUSPEND', cell: (o) => (o.spec?.suspend ? 'True' : 'False') },
    { header: 'ACTIVE', cell: (o) => String((o.status?.active ?? []).length) },
    { header: 'LAST SCHEDULE', cell: (o, now) => (o.status?.lastScheduleTime ? ageSince(o.status.lastScheduleTime, now) : '<none>') },
    age,
  ],
};

/** The header and one row per object, cells unpadded (the CLI aligns them). */
export function workloadTable(kind: string, objects: readonly KubeObject[], nowMs: number): string[][] | undefined {
  const cols = WORKLOAD_COLUMNS[kind];
  if (!cols) return undefined;
  return [cols.map((c) => c.header), ...objects.map((o) => cols.map((c) => c.cell(o, nowMs)))];
}
