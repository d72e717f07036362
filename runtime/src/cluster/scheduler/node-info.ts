// What the scheduler knows about a node (framework.NodeInfo): its allocatable
// resources, what it restricts (cordon, taints), and what the pods already
// bound to it request. The cache (cache.ts) keeps one per node and changes it
// only through addDemand and setNode.

import type { KubeObject } from '../types';
import { occupies, podDemand, type PodDemand } from './pod-demand';
import { addResource, emptyResource, resourceOf, type Resource } from './resource';

/** A node without `pods` in its allocatable list takes 110 (the kubelet's --max-pods default). */
const DEFAULT_MAX_PODS = 110;

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

export interface NodeInfo {
  node: KubeObject;
  allocatable: Resource;
  allowedPods: number;
  /** spec.unschedulable (the NodeUnschedulable filter). */
  unschedulable: boolean;
  /** The NoSchedule and NoExecute taints in the node's order (the TaintToleration filter). */
  hardTaints: readonly Taint[];
  /** The PreferNoSchedule taints (the TaintToleration score). */
  softTaints: readonly Taint[];
  requested: Resource;
  /** Requested with the non-zero defaults (scoring). */
  nonZeroRequested: Resource;
  podCount: number;
  /** `protocol/port` → how many pods hold it. */
  hostPorts: Map<string, number>;
  /** Controller uid → how many of its pods are here. */
  owners: Map<string, number>;
}

/** Allocatable resources and pod slots as the node reports them. */
function nodeCapacity(node: KubeObject): { allocatable: Resource; allowedPods: number } {
  const allocatable = resourceOf(node.status?.allocatable);
  return { allocatable, allowedPods: allocatable.scalar.pods ?? DEFAULT_MAX_PODS };
}

/** What the filters and scores read of the node's spec, sorted out once per change of the node, not once per cycle. */
function nodeRestrictions(node: KubeObject): Pick<NodeInfo, 'unschedulable' | 'hardTaints' | 'softTaints'> {
  const taints: Taint[] = node.spec?.taints ?? [];
  return {
    unschedulable: Boolean(node.spec?.unschedulable),
    hardTaints: taints.filter((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute'),
    softTaints: taints.filter((t) => t.effect === 'PreferNoSchedule'),
  };
}

export function emptyNodeInfo(node: KubeObject): NodeInfo {
  const { allocatable, allowedPods } = nodeCapacity(node);
  const { unschedulable, hardTaints, softTaints } = nodeRestrictions(node);
  return {
    node,
    allocatable,
    allowedPods,
    unschedulable,
    hardTaints,
    softTaints,
    requested: emptyResource(),
    nonZeroRequested: emptyResource(),
    podCount: 0,
    hostPorts: new Map(),
    owners: new Map(),
  };
}

/** A newer version of the node: re-reads what it reports and restricts, if that changed. */
export function setNode(info: NodeInfo, node: KubeObject): void {
  if (info.node.status?.allocatable !== node.status?.allocatable) Object.assign(info, nodeCapacity(node));
  if (info.node.spec !== node.spec) Object.assign(info, nodeRestrictions(node));
  info.node = node;
}

const bump = (m: Map<string, number>, k: string, by: number) => {
  const n = (m.get(k) ?? 0) + by;
  if (n > 0) m.set(k, n);
  else m.delete(k);
};

/** NodeInfo.AddPod / RemovePod (sign -1). */
export function addDemand(info: NodeInfo, d: PodDemand, sign: 1 | -1 = 1): void {
  addResource(info.requested, d.requests, sign);
  addResource(info.nonZeroRequested, d.nonZero, sign);
  info.podCount += sign;
  for (const p of d.hostPorts) bump(info.hostPorts, p, sign);
  if (d.owner) bump(info.owners, d.owner, sign);
}

/** A node's info built from scratch from the pods bound to it. */
export function nodeInfo(node: KubeObject, podsOnNode: readonly KubeObject[]): NodeInfo {
  const info = emptyNodeInfo(node);
  for (const p of podsOnNode) if (occupies(p)) addDemand(info, podDemand(p));
  return info;
}
