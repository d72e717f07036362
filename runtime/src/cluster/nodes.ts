// Node objects and the operations the CLI offers on them (runtime-semantics §9):
// add, remove, label, cordon, fail (the kubelet stops heartbeating) and restore.
// A failed node turns NotReady/Unknown after the node-monitor grace period,
// with the unreachable taints, as the node lifecycle controller does it.

import { rfc3339 } from './clock';
import type { MemoryStore } from './store/store';
import type { Clock, EventRecorder, KubeObject } from './types';

export interface NodeShape {
  cpu: string;
  memory: string;
  pods: string;
  ephemeralStorage: string;
}

/** The default worker: 2 CPU, 4Gi memory, 110 pods. */
export const DEFAULT_NODE_SHAPE: NodeShape = { cpu: '2', memory: '4Gi', pods: '110', ephemeralStorage: '20Gi' };
export const DEFAULT_NODE_COUNT = 3;
const KUBELET_VERSION = 'v1.33.0';

/** node-monitor-grace-period: 50 s currently (§9). */
export const NODE_MONITOR_GRACE_MS = 50_000;

/** Marks a node whose kubelet stopped heartbeating, with the instant it stopped (survives a restore). */
const KUBELET_STOPPED_ANNOTATION = 'kubelab.io/kubelet-stopped-at';

export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

/** `kubelab-worker`, `kubelab-worker2`, … like a kind cluster's nodes. */
export function defaultNodeName(i: number): string {
  return i === 0 ? 'kubelab-worker' : `kubelab-worker${i + 1}`;
}

function healthyConditions(stamp: string) {
  const c = (type: string, status: string, reason: string, message: string) => ({
    type, status, lastHeartbeatTime: stamp, lastTransitionTime: stamp, reason, message,
  });
  return [
    c('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
    c('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    c('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
    c('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
  ];
}

/** A fresh Node as kubelet registration creates it; `index` gives its podCIDR and address. */
export function buildNode(name: string, index: number, nowMs: number, shape: NodeShape = DEFAULT_NODE_SHAPE, labels: Record<string, string> = {}): KubeObject {
  const capacity = { cpu: shape.cpu, memory: shape.memory, pods: shape.pods, 'ephemeral-storage': shape.ephemeralStorage };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name, uid: '', resourceVersion: '', creationTimestamp: '',
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        ...labels,
      },
    },
    spec: { podCIDR: `10.244.${index}.0/24`, podCIDRs: [`10.244.${index}.0/24`] },
    status: {
      capacity,
      allocatable: { ...capacity },
      conditions: healthyConditions(rfc3339(nowMs)),
      addresses: [
        { type: 'InternalIP', address: `172.18.0.${index + 2}` },
        { type: 'Hostname', address: name },
      ],
      nodeInfo: {
        kubeletVersion: KUBELET_VERSION,
        kubeProxyVersion: KUBELET_VERSION,
        operatingSystem: 'linux',
        architecture: 'amd64',
        containerRuntimeVersion: 'containerd://2.0.0',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        kernelVersion: '6.1.0',
      },
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    },
  };
}

export function isNodeFailed(node: KubeObject): boolean {
  return node.metadata.annotations?.[KUBELET_STOPPED_ANNOTATION] !== undefined;
}

export function isNodeReady(node: KubeObject): boolean {
  const ready = (node.status?.conditions ?? []).find((c: { type: string }) => c.type === 'Ready');
  return ready?.status === 'True';
}

export type NodeResult = { ok: true; node: KubeObject } | { ok: false; message: string };

export interface NodeOps {
  add(name: string, opts?: { shape?: NodeShape; labels?: Record<string, string> }): NodeResult;
  remove(name: string): NodeResult;
  label(name: string, labels: Record<string, string | null>): NodeResult;
  cordon(name: string, unschedulable: boolean): NodeResult;
  fail(name: string): NodeResult;
  restore(name: string): NodeResult;
  /** Re-arms the NotReady transition of failed nodes (after a restore). */
  resync(): void;
}

export function createNodeOps(deps: { store: MemoryStore; clock: Clock; events: EventRecorder }): NodeOps {
  const { store, clock, events } = deps;
  const notFound = (name: string): NodeResult => ({ ok: false, message: `nodes "${name}" not found` });
  const withNode = (name: string, f: (n: KubeObject) => NodeResult): NodeResult => {
    const n = store.get('Node', undefined, name);
    return n ? f(n) : notFound(name);
  };
  const setTaints = (n: KubeObject, key: string, effects: string[], on: boolean) => {
    const rest = (n.spec?.taints ?? []).filter((t: { key: string }) => t.key !== key);
    const added = on ? effects.map((effect) => ({ key, effect, timeAdded: rfc3339(clock.now()) })) : [];
    const taints = [...rest, ...added];
    const spec = { ...n.spec, taints };
    if (taints.length === 0) delete spec.taints;
    return spec;
  };

  // node_lifecycle_controller: after the grace period without heartbeat every condition becomes Unknown.
  const markUnknown = (name: string) => {
    const n = store.get('Node', undefined, name);
    if (!n || !isNodeFailed(n) || !isNodeReady(n)) return;
    const stamp = rfc3339(clock.now());
    const conditions = (n.status.conditions as any[]).map((c) => ({
      ...c, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: stamp,
    }));
    const tainted = store.update({ ...n, spec: setTaints(n, TAINT_UNREACHABLE, ['NoSchedule', 'NoExecute'], true) });
    const updated = store.updateStatus({ ...tainted, status: { ...n.status, conditions } });
    events.record(updated, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`, { component: 'node-controller' });
  };
  const armUnknown = (name: string, stoppedMs: number) =>
    clock.at(stoppedMs + NODE_MONITOR_GRACE_MS, () => markUnknown(name), `node-monitor ${name}`);

  return {
    add(name, opts = {}) {
      if (store.get('Node', undefined, name)) return { ok: false, message: `nodes "${name}" already exists` };
      const index = store.count('Node');
      const node = store.create(buildNode(name, index, clock.now(), opts.shape, opts.labels));
      events.record(node, 'Normal', 'RegisteredNode', `Node ${name} event: Registered Node ${name} in Controller`, { component: 'node-controller' });
      return { ok: true, node };
    },
    remove: (name) =>
      withNode(name, (n) => {
        store.remove('Node', undefined, name);
        return { ok: true, node: n };
      }),
    label: (name, labels) =>
      withNode(name, (n) => {
        const next = { ...n.metadata.labels };
        for (const [k, v] of Object.entries(labels)) {
          if (v === null) delete next[k];
          else next[k] = v;
        }
        return { ok: true, node: store.update({ ...n, metadata: { ...n.metadata, labels: next } }) };
      }),
    cordon: (name, unschedulable) =>
      withNode(name, (n) => {
        const spec = setTaints(n, TAINT_UNSCHEDULABLE, ['NoSchedule'], unschedulable);
        if (unschedulable) spec.unschedulable = true;
        else delete spec.unschedulable;
        return { ok: true, node: store.update({ ...n, spec }) };
      }),
    fail: (name) =>
      withNode(name, (n) => {
        if (isNodeFailed(n)) return { ok: true, node: n };
        const annotations = { ...n.metadata.annotations, [KUBELET_STOPPED_ANNOTATION]: rfc3339(clock.now()) };
        const node = store.update({ ...n, metadata: { ...n.metadata, annotations } });
        armUnknown(name, clock.now());
        return { ok: true, node };
      }),
    restore: (name) =>
      withNode(name, (n) => {
        if (!isNodeFailed(n)) return { ok: true, node: n };
        const annotations = { ...n.metadata.annotations };
        delete annotations[KUBELET_STOPPED_ANNOTATION];
        const wasReady = isNodeReady(n);
        const meta: KubeObject['metadata'] = { ...n.metadata, annotations };
        if (Object.keys(annotations).length === 0) delete meta.annotations;
        const healed = store.update({ ...n, metadata: meta, spec: setTaints(n, TAINT_UNREACHABLE, [], false) });
        if (wasReady) return { ok: true, node: healed };
        const node = store.updateStatus({ ...healed, status: { ...n.status, conditions: healthyConditions(rfc3339(clock.now())) } });
        events.record(node, 'Normal', 'NodeReady', `Node ${name} status is now: NodeReady`, { component: 'kubelet', host: name });
        return { ok: true, node };
      }),
    resync() {
      for (const n of store.list('Node')) {
        const stopped = n.metadata.annotations?.[KUBELET_STOPPED_ANNOTATION];
        if (stopped && isNodeReady(n)) armUnknown(n.metadata.name, Date.parse(stopped));
      }
    },
  };
}
