// The default score plugins that matter for a small cluster, each 0–100 and
// weighted as default_plugins.go weights them: TaintToleration 3 (fewer
// untolerated PreferNoSchedule taints), NodeAffinity 2 (preferred terms),
// PodTopologySpread 2 (fewer pods of the same owner), NodeResourcesFit 1
// (LeastAllocated) and BalancedAllocation 1, both over the non-zero requests.

import type { KubeObject } from '../types';
import { termMatches, tolerates } from './filters';
import { podRequests, type NodeInfo } from './node-info';

const RESOURCES = ['cpu', 'memory'];

function fractions(pod: KubeObject, info: NodeInfo): number[] {
  const want = podRequests(pod, true);
  return RESOURCES.map((r) => {
    const alloc = info.allocatable[r] ?? 0;
    return alloc > 0 ? Math.min(1, ((info.nonZeroRequested[r] ?? 0) + (want[r] ?? 0)) / alloc) : 1;
  });
}

function leastAllocated(pod: KubeObject, info: NodeInfo): number {
  const f = fractions(pod, info);
  return f.reduce((s, x) => s + (1 - x) * 100, 0) / f.length;
}

function balanced(pod: KubeObject, info: NodeInfo): number {
  const f = fractions(pod, info);
  const mean = f.reduce((s, x) => s + x, 0) / f.length;
  const std = Math.sqrt(f.reduce((s, x) => s + (x - mean) ** 2, 0) / f.length);
  return (1 - std) * 100;
}

const untoleratedPreferNoSchedule = (pod: KubeObject, info: NodeInfo) =>
  (info.node.spec?.taints ?? []).filter((t: any) => t.effect === 'PreferNoSchedule' && !tolerates(pod.spec?.tolerations, t)).length;

const preferredAffinity = (pod: KubeObject, info: NodeInfo) =>
  (pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [])
    .filter((p: any) => termMatches(p.preference, info.node))
    .reduce((s: number, p: any) => s + (p.weight ?? 0), 0);

function ownerUid(pod: KubeObject): string | undefined {
  return pod.metadata.ownerReferences?.find((o) => o.controller)?.uid;
}

const siblings = (pod: KubeObject, info: NodeInfo) => {
  const owner = ownerUid(pod);
  return owner ? info.pods.filter((p) => ownerUid(p) === owner).length : 0;
};

/** Scales raw values to 0–100 by the best (or, reversed, the worst) node, as NormalizeScore does. */
function normalize(raw: number[], reverse: boolean): number[] {
  const top = Math.max(0, ...raw);
  if (top === 0) return raw.map(() => (reverse ? 100 : 0));
  return raw.map((v) => (reverse ? ((top - v) * 100) / top : (v * 100) / top));
}

/** Total weighted score per feasible node, in the order given. */
export function scoreNodes(pod: KubeObject, infos: readonly NodeInfo[]): number[] {
  const taints = normalize(infos.map((i) => untoleratedPreferNoSchedule(pod, i)), true);
  const affinity = normalize(infos.map((i) => preferredAffinity(pod, i)), false);
  const spread = normalize(infos.map((i) => siblings(pod, i)), true);
  return infos.map((info, i) => 3 * taints[i] + 2 * affinity[i] + 2 * spread[i] + leastAllocated(pod, info) + balanced(pod, info));
}
