// `kubectl describe` text (pkg/describe/describe.go) for Pods, Nodes and
// Namespaces, a generic fallback for other kinds, and the Events section every
// one ends with. Lines are built with tabs and aligned by one tabwriter pass
// (padding 2), as describe's PrefixWriter does.

import { describeProbe, readProbe } from '../kubelet/probes';
import { ageSince } from './durations';
import { nodeRoles } from './tables';
import { tabwrite } from './tabwriter';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 1123 with a numeric zone, in UTC: `Thu, 01 Jan 2026 00:00:00 +0000`. */
export function rfc1123z(timestamp: string | undefined): string {
  const t = timestamp ? Date.parse(timestamp) : Number.NaN;
  if (Number.isNaN(t)) return '<unknown>';
  const d = new Date(t);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

/** Collects `indent + cells.join('\t')` lines. */
class Lines {
  readonly out: string[] = [];
  add(level: number, ...cells: string[]): void {
    this.out.push('  '.repeat(level) + cells.join('\t'));
  }
  /** A map as describe prints labels/annotations: first entry beside the title, the rest under it. */
  map(level: number, title: string, m: Record<string, string> | undefined, sep = '='): void {
    const entries = Object.entries(m ?? {}).sort(([a], [b]) => a.localeCompare(b));
    if (!entries.length) return this.add(level, `${title}:`, '<none>');
    entries.forEach(([k, v], i) => this.add(level, i === 0 ? `${title}:` : '', `${k}${sep}${v}`));
  }
  text(): string {
    return tabwrite(this.out.join('\n'), 2) + '\n';
  }
}

/** The Events section (DescribeEvents): `(xN over T)` for repeats, `<none>` when empty. */
function events(l: Lines, evs: readonly any[], now: number): void {
  if (!evs.length) return l.add(0, 'Events:', '<none>');
  l.add(0, 'Events:');
  l.add(1, 'Type', 'Reason', 'Age', 'From', 'Message');
  l.add(1, '----', '------', '----', '----', '-------');
  const sorted = [...evs].sort((a, b) => String(a.lastTimestamp).localeCompare(String(b.lastTimestamp)));
  for (const e of sorted) {
    const count = Number(e.count ?? 1);
    const interval = count > 1 ? `${ageSince(e.lastTimestamp, now)} (x${count} over ${ageSince(e.firstTimestamp, now)})` : ageSince(e.firstTimestamp, now);
    l.add(1, String(e.type ?? ''), String(e.reason ?? ''), interval, e.source?.component || e.reportingComponent || '', String(e.message ?? '').trim());
  }
}

function containerState(l: Lines, title: string, s: any): void {
  if (s?.running) {
    l.add(2, `${title}:`, 'Running');
    l.add(3, 'Started:', rfc1123z(s.running.startedAt));
  } else if (s?.waiting) {
    l.add(2, `${title}:`, 'Waiting');
    l.add(3, 'Reason:', s.waiting.reason ?? '');
  } else if (s?.terminated) {
    const t = s.terminated;
    l.add(2, `${title}:`, 'Terminated');
    l.add(3, 'Reason:', t.reason ?? '');
    l.add(3, 'Exit Code:', String(t.exitCode));
    l.add(3, 'Started:', rfc1123z(t.startedAt));
    l.add(3, 'Finished:', rfc1123z(t.finishedAt));
  } else l.add(2, `${title}:`, 'Waiting');
}

function ports(c: any, field: 'containerPort' | 'hostPort'): string {
  const ps: any[] = (c.ports ?? []).filter((p: any) => p[field] !== undefined);
  return ps.length ? ps.map((p) => `${p[field]}/${p.protocol ?? 'TCP'}`).join(', ') : '<none>';
}

function containers(l: Lines, title: string, specs: any[], statuses: any[]): void {
  if (!specs.length) return;
  l.add(0, `${title}:`);
  for (const c of specs) {
    const st = statuses.find((s) => s.name === c.name);
    l.add(1, `${c.name}:`);
    if (st?.containerID) l.add(2, 'Container ID:', st.containerID);
    l.add(2, 'Image:', c.image ?? '');
    l.add(2, 'Image ID:', st?.imageID ?? '');
    l.add(2, 'Port:', ports(c, 'containerPort'));
    l.add(2, 'Host Port:', ports(c, 'hostPort'));
    if (c.command?.length) {
      l.add(2, 'Command:');
      for (const a of c.command) l.add(3, a);
    }
    if (c.args?.length) {
      l.add(2, 'Args:');
      for (const a of c.args) l.add(3, a);
    }
    containerState(l, 'State', st?.state);
    if (st?.lastState?.terminated) containerState(l, 'Last State', st.lastState);
    l.add(2, 'Ready:', st?.ready ? 'True' : 'False');
    l.add(2, 'Restart Count:', String(st?.restartCount ?? 0));
    for (const kind of ['Liveness', 'Readiness', 'Startup']) {
      const probe = readProbe(c[`${kind.toLowerCase()}Probe`], c.ports);
      if (probe) l.add(2, `${kind}:`, describeProbe(probe));
    }
    const env: any[] = c.env ?? [];
    if (!env.length) l.add(2, 'Environment:', '<none>');
    else {
      l.add(2, 'Environment:');
      for (const e of env) l.add(3, `${e.name}:`, e.value ?? (e.valueFrom ? '<set from source>' : ''));
    }
    const mounts: any[] = c.volumeMounts ?? [];
    if (!mounts.length) l.add(2, 'Mounts:', '<none>');
    else {
      l.add(2, 'Mounts:');
      for (const m of mounts) l.add(3, `${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'})`);
    }
  }
}

function tolerations(l: Lines, ts: any[]): void {
  if (!ts.length) return l.add(0, 'Tolerations:', '<none>');
  ts.forEach((t, i) => {
    let text = t.key ?? '';
    if (t.value) text += `=${t.value}`;
    if (t.effect) text += `:${t.effect}`;
    if (t.operator === 'Exists') text += ' op=Exists';
    if (t.tolerationSeconds !== undefined) text += ` for ${t.tolerationSeconds}s`;
    l.add(0, i === 0 ? 'Tolerations:' : '', text);
  });
}

export function describePod(pod: any, evs: readonly any[], now: number): string {
  const l = new Lines();
  const meta = pod.metadata ?? {};
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  l.add(0, 'Name:', meta.name ?? '');
  l.add(0, 'Namespace:', meta.namespace ?? 'default');
  l.add(0, 'Priority:', String(spec.priority ?? 0));
  l.add(0, 'Service Account:', spec.serviceAccountName ?? 'default');
  l.add(0, 'Node:', spec.nodeName ? `${spec.nodeName}/${status.hostIP ?? ''}` : '<none>');
  if (status.startTime) l.add(0, 'Start Time:', rfc1123z(status.startTime));
  l.map(0, 'Labels', meta.labels);
  l.map(0, 'Annotations', meta.annotations, ': ');
  if (meta.deletionTimestamp) {
    l.add(0, 'Status:', `Terminating (lasts ${ageSince(meta.deletionTimestamp, now)})`);
    l.add(0, 'Termination Grace Period:', `${meta.deletionGracePeriodSeconds ?? 30}s`);
  } else l.add(0, 'Status:', status.phase ?? 'Pending');
  if (status.reason) l.add(0, 'Reason:', status.reason);
  if (status.message) l.add(0, 'Message:', status.message);
  l.add(0, 'IP:', status.podIP ?? '');
  if (status.podIPs?.length) l.add(0, 'IPs:');
  else l.add(0, 'IPs:', '<none>');
  for (const ip of status.podIPs ?? []) l.add(1, 'IP:', ip.ip);
  const owner = (meta.ownerReferences ?? []).find((o: any) => o.controller);
  if (owner) l.add(0, 'Controlled By:', `${owner.kind}/${owner.name}`);
  containers(l, 'Init Containers', spec.initContainers ?? [], status.initContainerStatuses ?? []);
  containers(l, 'Containers', spec.containers ?? [], status.containerStatuses ?? []);
  const conds: any[] = status.conditions ?? [];
  if (conds.length) {
    l.add(0, 'Conditions:');
    l.add(1, 'Type', 'Status');
    for (const c of conds) l.add(1, c.type, `${c.status} `);
  }
  const vols: any[] = spec.volumes ?? [];
  if (!vols.length) l.add(0, 'Volumes:', '<none>');
  else {
    l.add(0, 'Volumes:');
    for (const v of vols) {
      l.add(1, `${v.name}:`);
      const type = Object.keys(v).find((k) => k !== 'name');
      l.add(2, 'Type:', type ?? '<unknown>');
    }
  }
  l.add(0, 'QoS Class:', status.qosClass ?? '');
  l.map(0, 'Node-Selectors', spec.nodeSelector);
  tolerations(l, spec.tolerations ?? []);
  events(l, evs, now);
  return l.text();
}

export function describeNode(node: any, podsOnNode: readonly any[], evs: readonly any[], now: number): string {
  const l = new Lines();
  const meta = node.metadata ?? {};
  const spec = node.spec ?? {};
  const status = node.status ?? {};
  l.add(0, 'Name:', meta.name ?? '');
  l.add(0, 'Roles:', nodeRoles(node));
  l.map(0, 'Labels', meta.labels);
  l.map(0, 'Annotations', meta.annotations, ': ');
  l.add(0, 'CreationTimestamp:', rfc1123z(meta.creationTimestamp));
  const taints: any[] = spec.taints ?? [];
  if (!taints.length) l.add(0, 'Taints:', '<none>');
  else taints.forEach((t, i) => l.add(0, i === 0 ? 'Taints:' : '', `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`));
  l.add(0, 'Unschedulable:', spec.unschedulable ? 'true' : 'false');
  l.add(0, 'Conditions:');
  l.add(1, 'Type', 'Status', 'LastHeartbeatTime', 'LastTransitionTime', 'Reason', 'Message');
  l.add(1, '----', '------', '-----------------', '------------------', '------', '-------');
  for (const c of status.conditions ?? [])
    l.add(1, c.type, c.status, rfc1123z(c.lastHeartbeatTime), rfc1123z(c.lastTransitionTime), c.reason ?? '', c.message ?? '');
  l.add(0, 'Addresses:');
  for (const a of status.addresses ?? []) l.add(1, `${a.type}:`, a.address);
  for (const [title, res] of [['Capacity', status.capacity], ['Allocatable', status.allocatable]] as const) {
    l.add(0, `${title}:`);
    for (const [k, v] of Object.entries<string>(res ?? {})) l.add(1, `${k}:`, String(v));
  }
  const info = status.nodeInfo ?? {};
  l.add(0, 'System Info:');
  l.add(1, 'Kernel Version:', info.kernelVersion ?? '');
  l.add(1, 'OS Image:', info.osImage ?? '');
  l.add(1, 'Operating System:', info.operatingSystem ?? '');
  l.add(1, 'Architecture:', info.architecture ?? '');
  l.add(1, 'Container Runtime Version:', info.containerRuntimeVersion ?? '');
  l.add(1, 'Kubelet Version:', info.kubeletVersion ?? '');
  if (spec.podCIDR) l.add(0, 'PodCIDR:', spec.podCIDR);
  const active = podsOnNode.filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  l.add(0, 'Non-terminated Pods:', `(${active.length} in total)`);
  if (active.length) {
    l.add(1, 'Namespace', 'Name', 'Age');
    l.add(1, '---------', '----', '---');
    for (const p of active) l.add(1, p.metadata?.namespace ?? '', p.metadata?.name ?? '', ageSince(p.metadata?.creationTimestamp, now));
  }
  events(l, evs, now);
  return l.text();
}

export function describeNamespace(ns: any, evs: readonly any[], now: number): string {
  const l = new Lines();
  l.add(0, 'Name:', ns.metadata?.name ?? '');
  l.map(0, 'Labels', ns.metadata?.labels);
  l.map(0, 'Annotations', ns.metadata?.annotations, ': ');
  l.add(0, 'Status:', ns.status?.phase ?? 'Active');
  l.add(0, '');
  l.add(0, 'No resource quota.');
  l.add(0, '');
  l.add(0, 'No LimitRange resource.');
  if (evs.length) events(l, evs, now);
  return l.text();
}

/** Kinds without a dedicated describer: identity, labels, annotations, then spec and status as indented fields. */
export function describeGeneric(obj: any, evs: readonly any[], now: number): string {
  const l = new Lines();
  l.add(0, 'Name:', obj.metadata?.name ?? '');
  if (obj.metadata?.namespace) l.add(0, 'Namespace:', obj.metadata.namespace);
  l.map(0, 'Labels', obj.metadata?.labels);
  l.map(0, 'Annotations', obj.metadata?.annotations, ': ');
  l.add(0, 'API Version:', obj.apiVersion ?? '');
  l.add(0, 'Kind:', obj.kind ?? '');
  const walk = (level: number, key: string, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      l.add(level, `${key}:`);
      for (const [k, x] of Object.entries(v)) walk(level + 1, k, x);
    } else if (Array.isArray(v)) {
      l.add(level, `${key}:`);
      for (const x of v) (x !== null && typeof x === 'object' ? walk(level + 1, '-', x) : l.add(level + 1, String(x)));
    } else l.add(level, `${key}:`, String(v));
  };
  for (const top of ['spec', 'status'] as const) if (obj[top] !== undefined) walk(0, top[0].toUpperCase() + top.slice(1), obj[top]);
  events(l, evs, now);
  return l.text();
}

/** Dispatch by kind; the caller passes the object's events and, for nodes, the pods bound there. */
export function describe(obj: any, opts: { events: readonly any[]; now: number; podsOnNode?: readonly any[] }): string {
  switch (obj?.kind) {
    case 'Pod':
      return describePod(obj, opts.events, opts.now);
    case 'Node':
      return describeNode(obj, opts.podsOnNode ?? [], opts.events, opts.now);
    case 'Namespace':
      return describeNamespace(obj, opts.events, opts.now);
    default:
      return describeGeneric(obj, opts.events, opts.now);
  }
}
