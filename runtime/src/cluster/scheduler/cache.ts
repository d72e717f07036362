// The scheduler's cache (pkg/scheduler/backend/cache): one NodeInfo per node,
// kept current by deltas instead of being rebuilt for every node on every
// scheduling cycle. Watch events name the pod or node that changed; the cache
// re-reads it from the store and moves that one pod's demand (parsed once per
// pod) between nodes. The scheduler refreshes a pod right after binding it,
// as upstream's AssumePod does, so the next cycle of the same run already
// counts it although the bind's watch event is still queued.

import type { KubeObject, ObjectStore } from '../types';
import { addDemand, emptyNodeInfo, nodeCapacity, occupies, podDemand, type NodeInfo, type PodDemand } from './node-info';

export interface SchedulerCache {
  /** Nodes not being deleted, in name order (the order every cycle walks them in). */
  nodes(): readonly NodeInfo[];
  /** Re-reads one pod and counts its demand on the node the stored pod now occupies, if any. */
  refreshPod(namespace: string, name: string): void;
  /** Re-reads one node (added, changed or gone). */
  refreshNode(name: string): void;
  /** Rebuilds everything from the store (start, restore). */
  resync(): void;
}

interface Placed {
  uid: string;
  node: string;
  demand: PodDemand;
}

export function createSchedulerCache(store: ObjectStore): SchedulerCache {
  const infos = new Map<string, NodeInfo>();
  const placed = new Map<string, Placed>();
  // Pod keys per node name, also for a node that is gone or not yet seen, so a node that appears starts with its pods.
  const podsOn = new Map<string, Set<string>>();
  let ordered: NodeInfo[] | undefined;

  const place = (key: string, p: Placed, sign: 1 | -1) => {
    const info = infos.get(p.node);
    if (info) addDemand(info, p.demand, sign);
    let keys = podsOn.get(p.node);
    if (sign === 1) {
      if (!keys) podsOn.set(p.node, (keys = new Set()));
      keys.add(key);
      placed.set(key, p);
    } else {
      keys?.delete(key);
      if (keys?.size === 0) podsOn.delete(p.node);
      placed.delete(key);
    }
  };

  const refreshPod = (namespace: string, name: string) => {
    const key = `${namespace}/${name}`;
    const pod = store.get('Pod', namespace, name);
    const node: string | undefined = pod && occupies(pod) ? pod.spec?.nodeName || undefined : undefined;
    const prev = placed.get(key);
    const samePod = prev !== undefined && prev.uid === pod?.metadata.uid;
    if (samePod && prev.node === node) return;
    if (prev) place(key, prev, -1);
    // A pod's requests do not change while it lives (the spec is immutable here), so its demand is reused.
    if (pod && node) place(key, { uid: pod.metadata.uid, node, demand: samePod ? prev.demand : podDemand(pod) }, 1);
  };

  const buildInfo = (node: KubeObject): NodeInfo => {
    const info = emptyNodeInfo(node);
    for (const key of podsOn.get(node.metadata.name) ?? []) addDemand(info, placed.get(key)!.demand);
    return info;
  };

  const refreshNode = (name: string) => {
    const node = store.get('Node', undefined, name);
    const info = infos.get(name);
    if (!node) {
      if (info) infos.delete(name);
      ordered = undefined;
      return;
    }
    if (!info) {
      infos.set(name, buildInfo(node));
      ordered = undefined;
      return;
    }
    if (info.node === node) return;
    if (Boolean(info.node.metadata.deletionTimestamp) !== Boolean(node.metadata.deletionTimestamp)) ordered = undefined;
    if (info.node.status?.allocatable !== node.status?.allocatable) Object.assign(info, nodeCapacity(node));
    info.node = node;
  };

  return {
    nodes() {
      ordered ??= [...infos.values()]
        .filter((i) => !i.node.metadata.deletionTimestamp)
        .sort((a, b) => a.node.metadata.name.localeCompare(b.node.metadata.name));
      return ordered;
    },
    refreshPod,
    refreshNode,
    resync() {
      infos.clear();
      placed.clear();
      podsOn.clear();
      ordered = undefined;
      for (const p of store.list('Pod')) refreshPod(p.metadata.namespace ?? 'default', p.metadata.name);
      for (const n of store.list('Node')) refreshNode(n.metadata.name);
    },
  };
}
