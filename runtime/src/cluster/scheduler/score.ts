// The default score plugins that matter for a small cluster, each 0–100 and
// weighted as default_plugins.go weights them: TaintToleration 3 (fewer
// untolerated PreferNoSchedule taints), NodeAffinity 2 (preferred terms),
// PodTopologySpread 2 (fewer pods of the same owner), NodeResourcesFit 1
// (LeastAllocated) and BalancedAllocation 1, both over the non-zero requests.
//
// Scoring runs for hundreds of nodes per pod in a large cluster. A plugin
// with nothing to look at (no preferred terms, no owner, no PreferNoSchedule
// taint on any node) is not asked, as upstream's PreScore Skip does: its raw
// values are all 0, which normalizes to the same constant on every node. The
// resource scores read the node list's columns and are kept there until the
// node changes or a pod asks for other amounts (node-list.ts); when they
// alone tell the nodes apart, their totals are also kept in a tree that
// finds the best without scoring each node (resourceScoreTree).

import type { KubeObject } from '../types';
import { termMatches, tolerates } from './filters';
import type { NodeInfo } from './node-info';
import type { KeptScores, NodeList } from './node-list';
import type { PodDemand } from './pod-demand';
import type { Resource } from './resource';
import type { ScoreTree } from './score-tree';

/** The fraction of one scored resource requested once the pod is placed. */
const fraction = (requested: number, wanted: number, alloc: number) => (alloc > 0 ? Math.min(1, (requested + wanted) / alloc) : 1);

/** LeastAllocated over the cpu and memory fractions. */
const leastAllocated = (cpu: number, memory: number) => ((1 - cpu) * 100 + (1 - memory) * 100) / 2;

/**
 * BalancedAllocation: the closer the two fractions, the higher. Squares by
 * multiplying: `d ** 2` gives the same bits but is a call into pow().
 */
function balancedAllocation(cpu: number, memory: number): number {
  const mean = (cpu + memory) / 2;
  const dCpu = cpu - mean;
  const dMemory = memory - mean;
  const std = Math.sqrt((dCpu * dCpu + dMemory * dMemory) / 2);
  return (1 - std) * 100;
}

/** The node list's kept resource scores for `wanted` (the pod's non-zero requests): those kept for other amounts are dropped. */
function keptScoresFor(nodes: NodeList, wanted: Resource): KeptScores {
  const kept = nodes.kept;
  if (kept.milliCPU !== wanted.milliCPU || kept.memory !== wanted.memory) {
    kept.current.fill(0);
    kept.tree.invalidateAll();
    kept.milliCPU = wanted.milliCPU;
    kept.memory = wanted.memory;
  }
  return kept;
}

/** Works out and keeps the row's LeastAllocated and BalancedAllocation for `wanted`. */
function scoreResources(nodes: NodeList, kept: KeptScores, row: number, wanted: Resource): void {
  const { allocatable, nonZeroRequested } = nodes;
  const cpu = fraction(nonZeroRequested.milliCPU[row], wanted.milliCPU, allocatable.milliCPU[row]);
  const memory = fraction(nonZeroRequested.memory[row], wanted.memory, allocatable.memory[row]);
  kept.least[row] = leastAllocated(cpu, memory);
  kept.balanced[row] = balancedAllocation(cpu, memory);
  kept.current[row] = 1;
}

function untoleratedPreferNoSchedule(tolerations: readonly any[] | undefined, info: NodeInfo): number {
  let n = 0;
  for (const t of info.softTaints) if (!tolerates(tolerations, t)) n++;
  return n;
}

function preferredAffinity(preferred: readonly any[], info: NodeInfo): number {
  let sum = 0;
  for (const p of preferred) if (termMatches(p.preference, info.node)) sum += p.weight ?? 0;
  return sum;
}

/** NormalizeScore: scales a raw value to 0–100 by the best (or, reversed, the worst) node's. */
function normalized(v: number, top: number, reverse: boolean): number {
  if (top === 0) return reverse ? 100 : 0;
  return reverse ? ((top - v) * 100) / top : (v * 100) / top;
}

// Per-node buffers reused by every cycle (a cycle never runs inside another),
// grown to the largest feasible set seen: fresh typed arrays of hundreds of
// entries per pod were a measurable share of the garbage.
let taints = new Float64Array(0);
let affinity = new Float64Array(0);
let spread = new Float64Array(0);
let totals = new Float64Array(0);

function reserve(n: number): void {
  if (totals.length >= n) return;
  taints = new Float64Array(n);
  affinity = new Float64Array(n);
  spread = new Float64Array(n);
  totals = new Float64Array(n);
}

/** Fills `raw` with one plugin's raw value for each of the first `n` rows and returns the largest. */
function rawValues(raw: Float64Array, nodes: NodeList, rows: Int32Array, n: number, value: (info: NodeInfo) => number): number {
  let top = 0;
  for (let i = 0; i < n; i++) top = Math.max(top, (raw[i] = value(nodes.infos[rows[i]])));
  return top;
}

/**
 * Total weighted score of the nodes at each of the first `n` of `rows`, in
 * their order. The array is reused: it holds these scores until the next call.
 */
export function scoreNodes(pod: KubeObject, demand: PodDemand, nodes: NodeList, rows: Int32Array, n: number): Float64Array {
  reserve(n);
  const tolerations: readonly any[] | undefined = pod.spec?.tolerations;
  const preferred: readonly any[] = pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  const owner = demand.owner;
  const topTaints = nodes.softTainted > 0 ? rawValues(taints, nodes, rows, n, (info) => untoleratedPreferNoSchedule(tolerations, info)) : 0;
  const topAffinity = preferred.length > 0 ? rawValues(affinity, nodes, rows, n, (info) => preferredAffinity(preferred, info)) : 0;
  const topSpread = owner ? rawValues(spread, nodes, rows, n, (info) => info.owners.get(owner) ?? 0) : 0;
  const kept = keptScoresFor(nodes, demand.nonZero);
  const { current, least, balanced } = kept;
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (!current[row]) scoreResources(nodes, kept, row, demand.nonZero);
    // A skipped plugin's buffer was not filled: every node gets what raw values of 0 normalize to.
    totals[i] =
      3 * (topTaints > 0 ? normalized(taints[i], topTaints, true) : normalized(0, 0, true)) +
      2 * (topAffinity > 0 ? normalized(affinity[i], topAffinity, false) : normalized(0, 0, false)) +
      2 * (topSpread > 0 ? normalized(spread[i], topSpread, true) : normalized(0, 0, true)) +
      least[row] +
      balanced[row];
  }
  return totals;
}

/** What the three plugins other than the resource ones add when skipped: scoreNodes' sum up to them, in its order. */
const SKIPPED_PLUGINS = 3 * normalized(0, 0, true) + 2 * normalized(0, 0, false) + 2 * normalized(0, 0, true);

/**
 * When only the resource scores tell the nodes apart for this pod, and the
 * kept ones are for its requests, the node list's score tree brought up to
 * date: each row's total is the one scoreNodes gives it, so the tree's best
 * and ties are selectHost's. Undefined otherwise: a pod asking for other
 * amounts than the last one takes the walk, so pods of alternating shapes do
 * not rebuild the tree every cycle.
 */
export function resourceScoreTree(pod: KubeObject, demand: PodDemand, nodes: NodeList): ScoreTree | undefined {
  if (nodes.softTainted > 0 || demand.owner || pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.length) return undefined;
  const kept = nodes.kept;
  const wanted = demand.nonZero;
  if (kept.milliCPU !== wanted.milliCPU || kept.memory !== wanted.memory) return undefined;
  kept.tree.update((row) => {
    if (!kept.current[row]) scoreResources(nodes, kept, row, wanted);
    return SKIPPED_PLUGINS + kept.least[row] + kept.balanced[row];
  });
  return kept.tree;
}
