// `kubectl describe` for the workload kinds (describe.go describeReplicationController,
// describeReplicaSet, describeDaemonSet, describeJob, describeCronJob). The pod
// counts come from the pods the caller passes: as getPodStatusForController
// does, only pods matching the selector whose controller reference is this
// object count, by phase.

import { formatSelector, matches, selectorFromLabelSelector, selectorFromMap, type Selector } from '../../api/selectors';
import { DescribeLines, eventsSection, rfc1123z } from './describe-writer';
import { controllerOf } from '../owner-references';
import { humanDuration } from './durations';
import { formatLabelSelector, formatLabels } from './label-text';
import { podTemplateSection } from './pod-template';

export interface WorkloadDescribeInput {
  events: readonly any[];
  now: number;
  /** Pods of the object's namespace (or just its own); the describer picks the ones it controls. */
  pods: readonly any[];
}

/** `3 Running / 0 Waiting / 0 Succeeded / 0 Failed`: Pending pods count as Waiting. */
function podsStatus(owner: any, selector: Selector | undefined, pods: readonly any[]): string {
  const counts: Record<string, number> = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const p of pods) {
    const ref = controllerOf(p);
    if (!selector || !matches(selector, p.metadata?.labels) || ref?.uid !== owner.metadata?.uid) continue;
    const phase = p.status?.phase ?? 'Pending';
    if (phase in counts) counts[phase]++;
  }
  return `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`;
}

/** labels.Selector String() of a LabelSelector (empty for an empty or null one). */
const selectorString = (ls: unknown) => {
  const sel = selectorFromLabelSelector(ls);
  return sel ? formatSelector(sel) : '';
};

function header(l: DescribeLines, o: any): void {
  l.add(0, 'Name:', o.metadata?.name ?? '');
  l.add(0, 'Namespace:', o.metadata?.namespace ?? 'default');
}

function metadataMaps(l: DescribeLines, o: any): void {
  l.labels(0, 'Labels', o.metadata?.labels);
  l.annotations(0, 'Annotations', o.metadata?.annotations);
}

/** printController: `Kind/name` of the controller reference, when there is one. */
function controlledBy(l: DescribeLines, o: any): void {
  const ref = controllerOf(o);
  if (ref) l.add(0, 'Controlled By:', `${ref.kind}/${ref.name}`);
}

/** The replica controllers' Conditions table; absent without conditions. */
function conditions(l: DescribeLines, conds: readonly any[] | undefined): void {
  if (!conds?.length) return;
  l.add(0, 'Conditions:');
  l.add(1, 'Type', 'Status', 'Reason');
  l.add(1, '----', '------', '------');
  for (const c of conds) l.add(1, `${c.type} `, String(c.status ?? ''), c.reason ?? '');
}

/** What the ReplicationController and ReplicaSet texts share after their headers. */
function replicaSections(l: DescribeLines, o: any, selector: Selector | undefined, input: WorkloadDescribeInput): string {
  l.add(0, 'Replicas:', `${o.status?.replicas ?? 0} current / ${o.spec?.replicas ?? 1} desired`);
  l.add(0, 'Pods Status:', podsStatus(o, selector, input.pods));
  podTemplateSection(l, o.spec?.template);
  conditions(l, o.status?.conditions);
  eventsSection(l, input.events, input.now);
  return l.text();
}

export function describeReplicationController(rc: any, input: WorkloadDescribeInput): string {
  const l = new DescribeLines();
  header(l, rc);
  l.add(0, 'Selector:', formatLabels(rc.spec?.selector));
  metadataMaps(l, rc);
  return replicaSections(l, rc, selectorFromMap(rc.spec?.selector), input);
}

export function describeReplicaSet(rs: any, input: WorkloadDescribeInput): string {
  const l = new DescribeLines();
  header(l, rs);
  l.add(0, 'Selector:', formatLabelSelector(rs.spec?.selector));
  metadataMaps(l, rs);
  controlledBy(l, rs);
  return replicaSections(l, rs, selectorFromLabelSelector(rs.spec?.selector), input);
}

/** The DaemonSet counters; kubectl writes them with a space, not a tab, so they stay unaligned. */
const DAEMON_SET_COUNTERS: readonly [string, string][] = [
  ['Desired Number of Nodes Scheduled', 'desiredNumberScheduled'],
  ['Current Number of Nodes Scheduled', 'currentNumberScheduled'],
  ['Number of Nodes Scheduled with Up-to-date Pods', 'updatedNumberScheduled'],
  ['Number of Nodes Scheduled with Available Pods', 'numberAvailable'],
  ['Number of Nodes Misscheduled', 'numberMisscheduled'],
];

export function describeDaemonSet(ds: any, input: WorkloadDescribeInput): string {
  const l = new DescribeLines();
  header(l, ds);
  l.add(0, 'Selector:', selectorString(ds.spec?.selector));
  l.add(0, 'Node-Selector:', formatLabels(ds.spec?.template?.spec?.nodeSelector));
  metadataMaps(l, ds);
  for (const [title, field] of DAEMON_SET_COUNTERS) l.add(0, `${title}: ${ds.status?.[field] ?? 0}`);
  l.add(0, 'Pods Status:', podsStatus(ds, selectorFromLabelSelector(ds.spec?.selector), input.pods));
  podTemplateSection(l, ds.spec?.template);
  eventsSection(l, input.events, input.now);
  return l.text();
}

/** capIndexesListOrNone: the completed indexes, cut after the first comma past 50 characters. */
function completedIndexes(indexes: string | undefined): string {
  if (!indexes) return '<none>';
  const comma = indexes.indexOf(',', 50);
  return comma < 0 ? indexes : `${indexes.slice(0, comma + 1)}...`;
}

export function describeJob(job: any, input: Omit<WorkloadDescribeInput, 'pods'>): string {
  const l = new DescribeLines();
  const spec = job.spec ?? {};
  const status = job.status ?? {};
  header(l, job);
  l.add(0, 'Selector:', selectorString(spec.selector));
  metadataMaps(l, job);
  controlledBy(l, job);
  if (spec.parallelism !== undefined) l.add(0, 'Parallelism:', String(spec.parallelism));
  l.add(0, 'Completions:', spec.completions !== undefined ? String(spec.completions) : '<unset>');
  if (spec.completionMode !== undefined) l.add(0, 'Completion Mode:', spec.completionMode);
  if (spec.suspend !== undefined) l.add(0, 'Suspend:', String(spec.suspend));
  if (spec.backoffLimit !== undefined) l.add(0, 'Backoff Limit:', String(spec.backoffLimit));
  if (spec.ttlSecondsAfterFinished !== undefined) l.add(0, 'TTL Seconds After Finished:', String(spec.ttlSecondsAfterFinished));
  if (status.startTime) l.add(0, 'Start Time:', rfc1123z(status.startTime));
  if (status.completionTime) l.add(0, 'Completed At:', rfc1123z(status.completionTime));
  if (status.startTime && status.completionTime) l.add(0, 'Duration:', humanDuration(Date.parse(status.completionTime) - Date.parse(status.startTime)));
  if (spec.activeDeadlineSeconds !== undefined) l.add(0, 'Active Deadline Seconds:', `${spec.activeDeadlineSeconds}s`);
  const ready = status.ready === undefined ? '' : ` (${status.ready} Ready)`;
  l.add(0, 'Pods Statuses:', `${status.active ?? 0} Active${ready} / ${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed`);
  if (spec.completionMode === 'Indexed') l.add(0, 'Completed Indexes:', completedIndexes(status.completedIndexes));
  podTemplateSection(l, spec.template);
  eventsSection(l, input.events, input.now);
  return l.text();
}

/** printBoolPtr. */
const boolPtr = (v: unknown) => (v === undefined || v === null ? '<unset>' : v ? 'True' : 'False');
const orUnset = (v: unknown, suffix = '') => (v === undefined || v === null ? '<unset>' : `${v}${suffix}`);

export function describeCronJob(cj: any, input: Omit<WorkloadDescribeInput, 'pods'>): string {
  const l = new DescribeLines();
  const spec = cj.spec ?? {};
  const jobSpec = spec.jobTemplate?.spec ?? {};
  header(l, cj);
  metadataMaps(l, cj);
  l.add(0, 'Schedule:', spec.schedule ?? '');
  l.add(0, 'Concurrency Policy:', spec.concurrencyPolicy ?? '');
  l.add(0, 'Suspend:', boolPtr(spec.suspend));
  l.add(0, 'Successful Job History Limit:', orUnset(spec.successfulJobsHistoryLimit));
  l.add(0, 'Failed Job History Limit:', orUnset(spec.failedJobsHistoryLimit));
  l.add(0, 'Starting Deadline Seconds:', orUnset(spec.startingDeadlineSeconds, 's'));
  // describeJobTemplate
  l.add(0, 'Selector:', jobSpec.selector ? selectorString(jobSpec.selector) : '<unset>');
  l.add(0, 'Parallelism:', orUnset(jobSpec.parallelism));
  l.add(0, 'Completions:', orUnset(jobSpec.completions));
  if (jobSpec.activeDeadlineSeconds !== undefined) l.add(0, 'Active Deadline Seconds:', `${jobSpec.activeDeadlineSeconds}s`);
  podTemplateSection(l, jobSpec.template);
  l.add(0, 'Last Schedule Time:', cj.status?.lastScheduleTime ? rfc1123z(cj.status.lastScheduleTime) : '<unset>');
  const active: any[] = cj.status?.active ?? [];
  l.add(0, 'Active Jobs:', active.length ? active.map((j) => j.name).join(', ') : '<none>');
  eventsSection(l, input.events, input.now);
  return l.text();
}
