// The default score plugins that matter for a small cluster, each 0–100 and
// weighted as default_plugins.go weights them: TaintToleration 3 (fewer
// untolerated PreferNoSchedule taints), NodeAffinity 2 (preferred terms),
// PodTopologySpread 2 (fewer pods of the same owner), NodeResourcesFit 1
// (LeastAllocated) and BalancedAllocation 1, both over the non-zero requests.
//
// Scoring runs for hundreds of nodes per pod in a large cluster, so each
// plugin's raw values go into one typed array per cycle, and a plugin with
// nothing to look at for this pod (no preferred terms, no owner, no tainted
// node) is skipped, as upstream's PreScore Skip does; a skipped plugin's raw
// values are all 0, which normalizes to the same constant on every node.

import type { KubeObject } from '../types';
import { termMatches, tolerates } from './filters';
import type { NodeInfo, PodDemand } from './node-info';

/** The fraction of one scored resource requested once the pod is placed. */
const fraction = (requested: number, wanted: number, alloc: number) => (alloc > 0 ? Math.min(1, (requested + wanted) / alloc) : 1);

/** LeastAllocated and BalancedAllocation over cpu and memory. */
function resourceScores(demand: PodDemand, info: NodeInfo): { least: number; balanced: number } {
  const cpu = fraction(info.nonZeroRequested.milliCPU, demand.nonZero.milliCPU, info.allocatable.milliCPU);
  const memory = fraction(info.nonZeroRequested.memory, demand.nonZero.memory, info.allocatable.memory);
  const mean = (cpu + memory) / 2;
  const std = Math.sqrt(((cpu - mean) ** 2 + (memory - mean) ** 2) / 2);
  return { least: ((1 - cpu) * 100 + (1 - memory) * 100) / 2, balanced: (1 - std) * 100 };
}

const untoleratedPreferNoSchedule = (pod: KubeObject, info: NodeInfo): number => {
  const taints: any[] | undefined = info.node.spec?.taints;
  if (!taints) return 0;
  let n = 0;
  for (const t of taints) if (t.effect === 'PreferNoSchedule' && !tolerates(pod.spec?.tolerations, t)) n++;
  return n;
};

const preferredAffinity = (preferred: readonly any[], info: NodeInfo): number => {
  let sum = 0;
  for (const p of preferred) if (termMatches(p.preference, info.node)) sum += p.weight ?? 0;
  return sum;
};

/** NormalizeScore: scales a raw value to 0–100 by the best (or, reversed, the worst) node's. */
function normalized(v: number, top: number, reverse: boolean): number {
  if (top === 0) return reverse ? 100 : 0;
  return reverse ? ((top - v) * 100) / top : (v * 100) / top;
}

/** Total weighted score per feasible node, in the order given. */
export function scoreNodes(pod: KubeObject, demand: PodDemand, infos: readonly NodeInfo[]): number[] {
  const n = infos.length;
  const preferred: readonly any[] = pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  const taints = new Float64Array(n);
  const affinity = new Float64Array(n);
  const spread = new Float64Array(n);
  let topTaints = 0;
  let topAffinity = 0;
  let topSpread = 0;
  for (let i = 0; i < n; i++) {
    const info = infos[i];
    taints[i] = untoleratedPreferNoSchedule(pod, info);
    if (preferred.length) affinity[i] = preferredAffinity(preferred, info);
    if (demand.owner) spread[i] = info.owners.get(demand.owner) ?? 0;
    topTaints = Math.max(topTaints, taints[i]);
    topAffinity = Math.max(topAffinity, affinity[i]);
    topSpread = Math.max(topSpread, spread[i]);
  }
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const { least, balanced } = resourceScores(demand, infos[i]);
    out[i] = 3 * normalized(taints[i], topTaints, true) + 2 * normalized(affinity[i], topAffinity, false) + 2 * normalized(spread[i], topSpread, true) + least + balanced;
  }
  return out;
}
