// The scheduler's cache (pkg/scheduler/backend/cache): one NodeInfo per node,
// kept current by deltas instead of being rebuilt for every node on every
// scheduling cycle, and the node list the cycles walk (node-list.ts), whose
// rows follow the infos. Each Pod and Node write is handed over as written
// (the watch event's object); the cache moves that one pod's demand (parsed
// once per pod) between nodes. Most Pod writes are status updates of bound
// pods that change nothing here: one lookup by uid tells. The scheduler
// hands over a pod right after binding it, as upstream's AssumePod does, so
// the next cycle of the same run already counts it although the bind's watch
// event is still queued.

import type { KubeObject, ObjectStore } from '../types';
import { addDemand, emptyNodeInfo, setNode, type NodeInfo } from './node-info';
import { NodeList } from './node-list';
import { occupies, podDemand, type PodDemand } from './pod-demand';

export interface SchedulerCache {
  /** Nodes not being deleted, in name order (the order every cycle walks them in). */
  nodes(): NodeList;
  /** A pod as written: its demand counts on the node it now occupies, if any. `demand` saves parsing it again. */
  updatePod(pod: KubeObject, demand?: PodDemand): void;
  removePod(pod: KubeObject): void;
  /** A node as written (added or changed). */
  updateNode(node: KubeObject): void;
  removeNode(node: KubeObject): void;
  /** Rebuilds everything from the store (start, restore). */
  resync(): void;
}

const deleting = (n: KubeObject) => Boolean(n.metadata.deletionTimestamp);

interface Placed {
  node: string;
  demand: PodDemand;
}

export function createSchedulerCache(store: ObjectStore): SchedulerCache {
  const infos = new Map<string, NodeInfo>();
  // By pod uid: a pod deleted and created again under its name is another pod.
  // Also pods bound to a node that is gone or not yet seen: a node that appears starts with its pods.
  const placed = new Map<string, Placed>();
  // Rebuilt when a node comes, goes, starts being deleted or changes its spec (cordon, taints): rare.
  let list: NodeList | undefined;

  // NodeInfo.AddPod / RemovePod (sign -1) on the pod's node, if the cache knows it.
  const count = (p: Placed, sign: 1 | -1) => {
    const info = infos.get(p.node);
    if (!info) return;
    addDemand(info, p.demand, sign);
    list?.refresh(info);
  };

  const place = (uid: string, p: Placed) => {
    count(p, 1);
    placed.set(uid, p);
  };

  const unplace = (uid: string, p: Placed) => {
    count(p, -1);
    placed.delete(uid);
  };

  const updatePod = (pod: KubeObject, demand?: PodDemand) => {
    const uid = pod.metadata.uid;
    const node: string | undefined = occupies(pod) ? pod.spec?.nodeName || undefined : undefined;
    const prev = placed.get(uid);
    if (prev?.node === node) return;
    if (prev) unplace(uid, prev);
    // A pod's requests do not change while it lives (the spec is immutable here), so its demand is reused.
    if (node) place(uid, { node, demand: prev?.demand ?? demand ?? podDemand(pod) });
  };

  const removePod = (pod: KubeObject) => {
    const prev = placed.get(pod.metadata.uid);
    if (prev) unplace(pod.metadata.uid, prev);
  };

  // A node appears at start (before any pod, see resync) or when added, rarely: a walk over every pod is fine.
  const buildInfo = (node: KubeObject): NodeInfo => {
    const info = emptyNodeInfo(node);
    for (const p of placed.values()) if (p.node === node.metadata.name) addDemand(info, p.demand);
    return info;
  };

  const updateNode = (node: KubeObject) => {
    const name = node.metadata.name;
    const info = infos.get(name);
    if (!info) {
      infos.set(name, buildInfo(node));
      list = undefined;
      return;
    }
    if (info.node === node) return;
    if (deleting(info.node) !== deleting(node) || info.node.spec !== node.spec) list = undefined;
    setNode(info, node);
    list?.refresh(info);
  };

  const removeNode = (node: KubeObject) => {
    if (infos.delete(node.metadata.name)) list = undefined;
  };

  return {
    nodes: () => (list ??= new NodeList(infos.values())),
    updatePod,
    removePod,
    updateNode,
    removeNode,
    resync() {
      infos.clear();
      placed.clear();
      list = undefined;
      for (const n of store.list('Node')) updateNode(n);
      for (const p of store.list('Pod')) updatePod(p);
    },
  };
}
