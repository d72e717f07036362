// `kubectl describe` text (pkg/describe/describe.go) for Pods, Nodes and
// Namespaces, a generic fallback for other kinds, and the dispatcher that also
// routes the workload, Service and Endpoints describers. Every text ends with
// the Events section.

import { controllerOf } from '../owner-references';
import type { KubeObject, ObjectStore } from '../types';
import { DescribeLines, eventsSection, rfc1123z } from './describe-writer';
import { describeCronJob, describeDaemonSet, describeJob, describeReplicaSet, describeReplicationController } from './describe-workloads';
import { ageSince } from './durations';
import { containersSection, volumesSection } from './pod-template';
import { writeEndpoints, writeService } from './services';
import { nodeRoles } from './tables';

export { rfc1123z } from './describe-writer';

export function describePod(pod: any, evs: readonly any[], now: number): string {
  const l = new DescribeLines();
  const meta = pod.metadata ?? {};
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  l.add(0, 'Name:', meta.name ?? '');
  l.add(0, 'Namespace:', meta.namespace ?? 'default');
  l.add(0, 'Priority:', String(spec.priority ?? 0));
  l.add(0, 'Service Account:', spec.serviceAccountName ?? 'default');
  l.add(0, 'Node:', spec.nodeName ? `${spec.nodeName}/${status.hostIP ?? ''}` : '<none>');
  if (status.startTime) l.add(0, 'Start Time:', rfc1123z(status.startTime));
  l.labels(0, 'Labels', meta.labels);
  l.annotations(0, 'Annotations', meta.annotations);
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
  const owner = controllerOf(pod);
  if (owner) l.add(0, 'Controlled By:', `${owner.kind}/${owner.name}`);
  const place = { space: '', pod };
  if (spec.initContainers?.length) containersSection(l, 'Init Containers', spec.initContainers, status.initContainerStatuses ?? [], place);
  containersSection(l, 'Containers', spec.containers ?? [], status.containerStatuses ?? [], place);
  const conds: any[] = status.conditions ?? [];
  if (conds.length) {
    l.add(0, 'Conditions:');
    l.add(1, 'Type', 'Status');
    for (const c of conds) l.add(1, c.type, `${c.status} `);
  }
  volumesSection(l, spec.volumes ?? [], place);
  l.add(0, 'QoS Class:', status.qosClass ?? '');
  l.labels(0, 'Node-Selectors', spec.nodeSelector);
  l.tolerations(0, 'Tolerations', spec.tolerations ?? []);
  eventsSection(l, evs, now);
  return l.text();
}

export function describeNode(node: any, podsOnNode: readonly any[], evs: readonly any[], now: number): string {
  const l = new DescribeLines();
  const meta = node.metadata ?? {};
  const spec = node.spec ?? {};
  const status = node.status ?? {};
  l.add(0, 'Name:', meta.name ?? '');
  l.add(0, 'Roles:', nodeRoles(node));
  l.labels(0, 'Labels', meta.labels);
  l.annotations(0, 'Annotations', meta.annotations);
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
  eventsSection(l, evs, now);
  return l.text();
}

export function describeNamespace(ns: any, evs: readonly any[], now: number): string {
  const l = new DescribeLines();
  l.add(0, 'Name:', ns.metadata?.name ?? '');
  l.labels(0, 'Labels', ns.metadata?.labels);
  l.annotations(0, 'Annotations', ns.metadata?.annotations);
  l.add(0, 'Status:', ns.status?.phase ?? 'Active');
  l.add(0, '');
  l.add(0, 'No resource quota.');
  l.add(0, '');
  l.add(0, 'No LimitRange resource.');
  if (evs.length) eventsSection(l, evs, now);
  return l.text();
}

/** Kinds without a dedicated describer: identity, labels, annotations, then spec and status as indented fields. */
export function describeGeneric(obj: any, evs: readonly any[], now: number): string {
  const l = new DescribeLines();
  l.add(0, 'Name:', obj.metadata?.name ?? '');
  if (obj.metadata?.namespace) l.add(0, 'Namespace:', obj.metadata.namespace);
  l.labels(0, 'Labels', obj.metadata?.labels);
  l.annotations(0, 'Annotations', obj.metadata?.annotations);
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
  eventsSection(l, evs, now);
  return l.text();
}

export interface DescribeOptions {
  events: readonly any[];
  now: number;
  /** Node: the pods bound to it. */
  podsOnNode?: readonly any[];
  /** ReplicationController, ReplicaSet, DaemonSet: pods of the namespace; those the object controls are counted. */
  ownedPods?: readonly any[];
  /** Service: its Endpoints object, when one exists. */
  endpoints?: KubeObject;
}

/** A describer that writes everything but the Events section, which the dispatcher appends in the same tabwriter pass. */
function withEvents(write: (l: DescribeLines, obj: any, opts: DescribeOptions) => void) {
  return (obj: any, opts: DescribeOptions) => {
    const l = new DescribeLines();
    write(l, obj, opts);
    eventsSection(l, opts.events, opts.now);
    return l.text();
  };
}

const workload = (opts: DescribeOptions) => ({ events: opts.events, now: opts.now, pods: opts.ownedPods ?? [] });

/** One describer per kind kubectl has a dedicated describer for; the rest fall back to describeGeneric. */
const DESCRIBERS: Readonly<Record<string, (obj: any, opts: DescribeOptions) => string>> = {
  Pod: (o, opts) => describePod(o, opts.events, opts.now),
  Node: (o, opts) => describeNode(o, opts.podsOnNode ?? [], opts.events, opts.now),
  Namespace: (o, opts) => describeNamespace(o, opts.events, opts.now),
  ReplicationController: (o, opts) => describeReplicationController(o, workload(opts)),
  ReplicaSet: (o, opts) => describeReplicaSet(o, workload(opts)),
  DaemonSet: (o, opts) => describeDaemonSet(o, workload(opts)),
  Job: (o, opts) => describeJob(o, opts),
  CronJob: (o, opts) => describeCronJob(o, opts),
  Service: withEvents((l, o, opts) => writeService(l, o, opts.endpoints)),
  Endpoints: withEvents((l, o) => writeEndpoints(l, o)),
};

/** Dispatch by kind; the caller passes the object's events and the related objects its kind needs (see `DescribeOptions`). */
export function describe(obj: any, opts: DescribeOptions): string {
  const describer = DESCRIBERS[obj?.kind];
  return describer ? describer(obj, opts) : describeGeneric(obj, opts.events, opts.now);
}

/** The related objects `describe` needs for `obj`, read from a store: what kubectl's describers fetch besides the object. */
export function describeRelated(store: Pick<ObjectStore, 'get' | 'list'>, obj: KubeObject): Omit<DescribeOptions, 'events' | 'now'> {
  const ns = obj.metadata.namespace;
  switch (obj.kind) {
    case 'Node':
      return { podsOnNode: store.list('Pod', { fieldNodeName: obj.metadata.name }) };
    case 'ReplicationController':
    case 'ReplicaSet':
    case 'DaemonSet':
      return { ownedPods: store.list('Pod', { namespace: ns }) };
    case 'Service':
      return { endpoints: store.get('Endpoints', ns, obj.metadata.name) };
    default:
      return {};
  }
}
