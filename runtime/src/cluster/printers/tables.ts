// kubectl's `get` tables, one column table per kind (the printers'
// TableColumnDefinitions), shared by the CLI, the tree views and the REST
// facade. `wide` adds the -o wide columns, `allNamespaces` a leading
// NAMESPACE, `labelColumns` the -L columns, `showLabels` a trailing LABELS.

import { ageSince } from './durations';
import { formatLabelSelector, formatLabels } from './label-text';
import { podColumns } from './pod-status';
import { tabwrite } from './tabwriter';

export interface TableOptions {
  now: number;
  wide?: boolean;
  showLabels?: boolean;
  labelColumns?: string[];
  allNamespaces?: boolean;
}

interface Column {
  header: string;
  wide?: boolean;
  cell(o: any, now: number): string;
}

const none = (v: unknown) => (v === undefined || v === null || v === '' ? '<none>' : String(v));
const age: Column = { header: 'AGE', cell: (o, now) => ageSince(o.metadata?.creationTimestamp, now) };
const name: Column = { header: 'NAME', cell: (o) => o.metadata?.name ?? '' };
const containerField = (tpl: any, field: 'name' | 'image') => (tpl?.spec?.containers ?? []).map((c: any) => c[field]).join(',');

/** The -o wide CONTAINERS, IMAGES and SELECTOR columns every workload printer ends with. */
const templateColumns = (template: (o: any) => any, selector: (o: any) => string): Column[] => [
  { header: 'CONTAINERS', wide: true, cell: (o) => containerField(template(o), 'name') },
  { header: 'IMAGES', wide: true, cell: (o) => containerField(template(o), 'image') },
  { header: 'SELECTOR', wide: true, cell: selector },
];
const podTemplate = (o: any) => o.spec?.template;
const labelSelectorColumn = (o: any) => formatLabelSelector(o.spec?.selector);

/** ReplicationController and ReplicaSet print the same replica counters. */
const replicaColumns: readonly Column[] = [
  name,
  { header: 'DESIRED', cell: (o) => String(o.spec?.replicas ?? 0) },
  { header: 'CURRENT', cell: (o) => String(o.status?.replicas ?? 0) },
  { header: 'READY', cell: (o) => String(o.status?.readyReplicas ?? 0) },
  age,
];

function nodeStatus(n: any): string {
  const ready = (n.status?.conditions ?? []).find((c: any) => c.type === 'Ready');
  const s = ready?.status === 'True' ? 'Ready' : ready ? 'NotReady' : 'Unknown';
  return n.spec?.unschedulable ? `${s},SchedulingDisabled` : s;
}

/** Roles from `node-role.kubernetes.io/<role>` and `kubernetes.io/role` labels. */
export function nodeRoles(n: any): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries<string>(n.metadata?.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/') && k.length > 'node-role.kubernetes.io/'.length) roles.add(k.slice('node-role.kubernetes.io/'.length));
    else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return roles.size ? [...roles].sort().join(',') : '<none>';
}

const address = (n: any, type: string) => none((n.status?.addresses ?? []).find((a: any) => a.type === type)?.address);

function servicePorts(s: any): string {
  const ports: any[] = s.spec?.ports ?? [];
  if (!ports.length) return '<none>';
  return ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',');
}

function externalIP(s: any): string {
  const type = s.spec?.type ?? 'ClusterIP';
  if (type === 'ExternalName') return none(s.spec?.externalName);
  const ips = [...(s.spec?.externalIPs ?? []), ...(s.status?.loadBalancer?.ingress ?? []).map((i: any) => i.ip ?? i.hostname)];
  if (ips.length) return ips.join(',');
  return type === 'LoadBalancer' ? '<pending>' : '<none>';
}

/** Ready `ip:port` pairs, at most three, then "+ N more..."; `<none>` with no subsets. */
function endpointsText(e: any): string {
  const subsets: any[] = e.subsets ?? [];
  if (!subsets.length) return '<none>';
  const pairs = subsets.flatMap((s) => (s.addresses ?? []).flatMap((a: any) => ((s.ports ?? []).length ? s.ports.map((p: any) => `${a.ip}:${p.port}`) : [a.ip])));
  return pairs.length > 3 ? `${pairs.slice(0, 3).join(',')} + ${pairs.length - 3} more...` : pairs.join(',');
}

function jobStatus(j: any): string {
  const conds: any[] = j.status?.conditions ?? [];
  const has = (t: string) => conds.some((c) => c.type === t && c.status === 'True');
  if (has('Complete')) return 'Complete';
  if (has('Failed')) return 'Failed';
  if (j.metadata?.deletionTimestamp) return 'Terminating';
  // printJob (1.33) checks Suspended before the interim FailureTarget / SuccessCriteriaMet.
  if (has('Suspended')) return 'Suspended';
  if (has('FailureTarget')) return 'FailureTarget';
  if (has('SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

function jobCompletions(j: any): string {
  const s = j.status?.succeeded ?? 0;
  if (j.spec?.completions !== undefined && j.spec?.completions !== null) return `${s}/${j.spec.completions}`;
  const p = j.spec?.parallelism ?? 1;
  return p > 1 ? `${s}/1 of ${p}` : `${s}/1`;
}

function jobDuration(j: any, now: number): string {
  const start = j.status?.startTime;
  if (!start) return '';
  return ageSince(start, j.status?.completionTime ? Date.parse(j.status.completionTime) : now);
}

const COLUMNS: Readonly<Record<string, readonly Column[]>> = {
  Pod: [
    name,
    { header: 'READY', cell: (o, now) => podColumns(o, now).ready },
    { header: 'STATUS', cell: (o, now) => podColumns(o, now).status },
    { header: 'RESTARTS', cell: (o, now) => podColumns(o, now).restarts },
    age,
    { header: 'IP', wide: true, cell: (o) => none(o.status?.podIP) },
    { header: 'NODE', wide: true, cell: (o) => none(o.spec?.nodeName) },
    { header: 'NOMINATED NODE', wide: true, cell: (o) => none(o.status?.nominatedNodeName) },
    {
      header: 'READINESS GATES',
      wide: true,
      cell: (o) => {
        const gates: any[] = o.spec?.readinessGates ?? [];
        if (!gates.length) return '<none>';
        const ok = gates.filter((g) => (o.status?.conditions ?? []).some((c: any) => c.type === g.conditionType && c.status === 'True')).length;
        return `${ok}/${gates.length}`;
      },
    },
  ],
  Node: [
    name,
    { header: 'STATUS', cell: nodeStatus },
    { header: 'ROLES', cell: nodeRoles },
    age,
    { header: 'VERSION', cell: (o) => o.status?.nodeInfo?.kubeletVersion ?? '' },
    { header: 'INTERNAL-IP', wide: true, cell: (o) => address(o, 'InternalIP') },
    { header: 'EXTERNAL-IP', wide: true, cell: (o) => address(o, 'ExternalIP') },
    { header: 'OS-IMAGE', wide: true, cell: (o) => o.status?.nodeInfo?.osImage ?? '' },
    { header: 'KERNEL-VERSION', wide: true, cell: (o) => o.status?.nodeInfo?.kernelVersion ?? '' },
    { header: 'CONTAINER-RUNTIME', wide: true, cell: (o) => o.status?.nodeInfo?.containerRuntimeVersion ?? '' },
  ],
  Namespace: [name, { header: 'STATUS', cell: (o) => o.status?.phase ?? 'Active' }, age],
  Event: [
    { header: 'LAST SEEN', cell: (o, now) => ageSince(o.lastTimestamp ?? o.firstTimestamp, now) },
    { header: 'TYPE', cell: (o) => o.type ?? '' },
    { header: 'REASON', cell: (o) => o.reason ?? '' },
    { header: 'OBJECT', cell: (o) => `${String(o.involvedObject?.kind ?? '').toLowerCase()}/${o.involvedObject?.name ?? ''}` },
    { header: 'MESSAGE', cell: (o) => String(o.message ?? '').trim() },
  ],
  Service: [
    name,
    { header: 'TYPE', cell: (o) => o.spec?.type ?? 'ClusterIP' },
    { header: 'CLUSTER-IP', cell: (o) => none(o.spec?.clusterIP) },
    { header: 'EXTERNAL-IP', cell: externalIP },
    { header: 'PORT(S)', cell: servicePorts },
    age,
    { header: 'SELECTOR', wide: true, cell: (o) => formatLabels(o.spec?.selector) },
  ],
  Endpoints: [name, { header: 'ENDPOINTS', cell: endpointsText }, age],
  ReplicationController: [...replicaColumns, ...templateColumns(podTemplate, (o) => formatLabels(o.spec?.selector))],
  ReplicaSet: [...replicaColumns, ...templateColumns(podTemplate, labelSelectorColumn)],
  DaemonSet: [
    name,
    { header: 'DESIRED', cell: (o) => String(o.status?.desiredNumberScheduled ?? 0) },
    { header: 'CURRENT', cell: (o) => String(o.status?.currentNumberScheduled ?? 0) },
    { header: 'READY', cell: (o) => String(o.status?.numberReady ?? 0) },
    { header: 'UP-TO-DATE', cell: (o) => String(o.status?.updatedNumberScheduled ?? 0) },
    { header: 'AVAILABLE', cell: (o) => String(o.status?.numberAvailable ?? 0) },
    { header: 'NODE SELECTOR', cell: (o) => formatLabels(o.spec?.template?.spec?.nodeSelector) },
    age,
    ...templateColumns(podTemplate, labelSelectorColumn),
  ],
  Job: [
    name,
    { header: 'STATUS', cell: jobStatus },
    { header: 'COMPLETIONS', cell: jobCompletions },
    { header: 'DURATION', cell: jobDuration },
    age,
    ...templateColumns(podTemplate, labelSelectorColumn),
  ],
  CronJob: [
    name,
    { header: 'SCHEDULE', cell: (o) => o.spec?.schedule ?? '' },
    { header: 'TIMEZONE', cell: (o) => none(o.spec?.timeZone) },
    { header: 'SUSPEND', cell: (o) => (o.spec?.suspend ? 'True' : 'False') },
    { header: 'ACTIVE', cell: (o) => String((o.status?.active ?? []).length) },
    { header: 'LAST SCHEDULE', cell: (o, now) => (o.status?.lastScheduleTime ? ageSince(o.status.lastScheduleTime, now) : '<none>') },
    age,
    ...templateColumns((o) => o.spec?.jobTemplate?.spec?.template, (o) => formatLabelSelector(o.spec?.jobTemplate?.spec?.selector)),
  ],
};

/** Kinds without their own table get NAME and AGE, as kubectl's default table does. */
const GENERIC: readonly Column[] = [name, age];

/** `-L kubernetes.io/hostname` → HOSTNAME (the key's last path segment, uppercased). */
const labelHeader = (key: string) => (key.split('/').pop() ?? key).toUpperCase();

export function columnsFor(kind: string, opts: TableOptions): Column[] {
  const cols = (COLUMNS[kind] ?? GENERIC).filter((c) => opts.wide || !c.wide);
  const out: Column[] = [];
  if (opts.allNamespaces) out.push({ header: 'NAMESPACE', cell: (o) => o.metadata?.namespace ?? '' });
  out.push(...cols);
  for (const key of opts.labelColumns ?? []) out.push({ header: labelHeader(key), cell: (o) => o.metadata?.labels?.[key] ?? '' });
  if (opts.showLabels) out.push({ header: 'LABELS', cell: (o) => formatLabels(o.metadata?.labels) });
  return out;
}

/** The rows as strings, header first (tree views and the REST Table use the cells). */
export function tableRows(kind: string, objects: readonly unknown[], opts: TableOptions): string[][] {
  const cols = columnsFor(kind, opts);
  return [cols.map((c) => c.header), ...objects.map((o) => cols.map((c) => c.cell(o, opts.now)))];
}

/** The table as `kubectl get` prints it; empty string for no objects (the caller says "No resources found"). */
export function printTable(kind: string, objects: readonly unknown[], opts: TableOptions): string {
  if (objects.length === 0) return '';
  return tabwrite(tableRows(kind, objects, opts).map((r) => r.join('\t')).join('\n'), 3) + '\n';
}
