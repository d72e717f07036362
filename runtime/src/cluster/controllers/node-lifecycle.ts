// What the control plane does about a node that stopped reporting
// (runtime-semantics §9, §13): once nodes.ts has turned it NotReady (after the
// 50 s grace period, with the `unreachable` NoExecute taint), the node
// lifecycle controller marks its pods not Ready (MarkPodsNotReady, so they
// leave their Services' endpoints), and the taint-eviction controller deletes
// each pod when its NoExecute toleration runs out — 300 s with the default
// tolerations admission adds (pod-admission.ts), at once without one, never
// for a toleration without seconds (DaemonSet pods). A restored node loses its taints, so nothing more is
// evicted; its kubelet then finishes the pods already deleted.
//
// One reconcile per node name (level-triggered): it recomputes every pod's
// eviction time from the taints' `timeAdded`, so it survives a restore.

import { parseRfc3339, rfc3339 } from '../clock';
import { deleteObject } from '../deletion';
import { isNodeReady } from '../nodes';
import { resourceForKind } from '../resources';
import { tolerates } from '../scheduler/filters';
import type { ClusterComponent, ClusterCore } from '../cluster';
import type { KubeObject, WatchEvent } from '../types';
import { isTerminal } from './pod-state';
import { createWorkQueue, type ReconcileResult } from './workqueue';

const NODE_CONTROLLER = { component: 'node-controller' };
const TAINT_EVICTION = { component: 'taint-eviction-controller' };

interface Taint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

/**
 * The seconds a pod may stay on a node with these NoExecute taints
 * (GetMatchingTolerations + getMinTolerationTime): 0 when one taint is not
 * tolerated, Infinity when every matching toleration has no tolerationSeconds.
 */
export function tolerationSeconds(tolerations: readonly any[] | undefined, taints: readonly Taint[]): number {
  let min = Infinity;
  for (const taint of taints) {
    const used = (tolerations ?? []).find((t) => tolerates([t], taint));
    if (!used) return 0;
    if (typeof used.tolerationSeconds === 'number') min = Math.min(min, Math.max(0, used.tolerationSeconds));
  }
  return min;
}

/** When a pod on a node with these taints is to be evicted (epoch ms); Infinity = never. */
export function evictionDueMs(pod: KubeObject, taints: readonly Taint[], nowMs: number): number {
  const noExecute = taints.filter((t) => t.effect === 'NoExecute');
  if (noExecute.length === 0) return Infinity;
  const seconds = tolerationSeconds(pod.spec?.tolerations, noExecute);
  if (seconds === Infinity) return Infinity;
  // The clock starts when the newest NoExecute taint appeared (the controller saw the node change then).
  const since = Math.max(...noExecute.map((t) => parseRfc3339(t.timeAdded) ?? nowMs));
  return since + seconds * 1000;
}

function readyCondition(pod: KubeObject): { status: string } | undefined {
  return (pod.status?.conditions ?? []).find((c: { type: string }) => c.type === 'Ready');
}

function withCondition(pod: KubeObject, condition: Record<string, string>): KubeObject {
  const others = (pod.status?.conditions ?? []).filter((c: { type: string }) => c.type !== condition.type);
  return { ...pod, status: { ...pod.status, conditions: [...others, condition] } };
}

export function startNodeLifecycleController(core: ClusterCore): ClusterComponent {
  const { store, clock, events } = core;
  const podResource = resourceForKind('Pod')!;

  // controller.MarkPodsNotReady: only the Ready condition changes; the containers' own readiness stays as the kubelet last posted it.
  const markNotReady = (pod: KubeObject) => {
    const ready = readyCondition(pod);
    if (!ready || ready.status === 'False' || isTerminal(pod)) return;
    const now = rfc3339(clock.now());
    const conditions = (pod.status.conditions as any[]).map((c) => (c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: now } : c));
    const updated = store.updateStatus({ ...pod, status: { ...pod.status, conditions } });
    events.record(updated, 'Warning', 'NodeNotReady', 'Node is not ready', NODE_CONTROLLER);
  };

  // tainteviction addConditionAndDeletePod: DisruptionTarget first, then a graceful delete.
  const evict = (pod: KubeObject) => {
    const ns = pod.metadata.namespace ?? 'default';
    events.record(pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${ns}/${pod.metadata.name}`, TAINT_EVICTION);
    store.updateStatus(withCondition(pod, {
      type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint', lastTransitionTime: rfc3339(clock.now()),
    }));
    deleteObject({ store, clock }, podResource, ns, pod.metadata.name);
  };

  const reconcile = (nodeName: string): ReconcileResult | void => {
    const node = store.get('Node', undefined, nodeName);
    if (!node) return;
    const pods = store.list('Pod', { fieldNodeName: nodeName });
    if (!isNodeReady(node)) for (const p of pods) markNotReady(p);
    const taints: Taint[] = node.spec?.taints ?? [];
    const now = clock.now();
    let next = Infinity;
    for (const p of pods) {
      if (p.metadata.deletionTimestamp || isTerminal(p)) continue;
      const due = evictionDueMs(p, taints, now);
      const current = store.get('Pod', p.metadata.namespace, p.metadata.name) ?? p;
      if (due <= now) evict(current);
      else next = Math.min(next, due);
    }
    return next === Infinity ? undefined : { requeueAfter: next - now };
  };

  // A pod on a Ready node without NoExecute taints needs nothing from either controller, so its
  // events are not worth a reconcile of the whole node; the node's own change enqueues it. The
  // nodes that do need attention are kept from the Node events, so a pod write on a healthy
  // node costs one set lookup.
  const needingAttention = new Set<string>();
  const noteNode = (node: KubeObject, gone = false) => {
    const needs = !gone && (!isNodeReady(node) || (node.spec?.taints ?? []).some((t: Taint) => t.effect === 'NoExecute'));
    if (needs) needingAttention.add(node.metadata.name);
    else needingAttention.delete(node.metadata.name);
  };
  const noteAll = () => {
    needingAttention.clear();
    for (const n of store.list('Node')) noteNode(n);
  };

  const queue = createWorkQueue(clock, 'node-lifecycle-controller', reconcile);
  noteAll();
  const unwatch = store.watch((e: WatchEvent) => {
    const o = e.object;
    if (o.kind === 'Node') {
      noteNode(o, e.type === 'DELETED');
      queue.add(o.metadata.name);
    } else if (needingAttention.size > 0 && e.type !== 'DELETED' && needingAttention.has(o.spec?.nodeName)) queue.add(o.spec.nodeName);
  }, ['Node', 'Pod']);
  return {
    resync() {
      noteAll();
      for (const n of store.list('Node')) queue.add(n.metadata.name);
    },
    stop() {
      unwatch();
      queue.stop();
    },
  };
}
