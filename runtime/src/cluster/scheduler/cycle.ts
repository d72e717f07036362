// One scheduling cycle (schedule_one.go schedulePod): filter nodes until
// enough feasible ones are found, score those, bind to the best. In clusters
// of 100 nodes or more upstream stops filtering once it has found
// numFeasibleNodesToFind nodes, and the next cycle starts where this one
// stopped (nextStartNodeIndex), so a cycle costs a bounded share of the
// cluster; smaller clusters are always searched and scored whole.

import type { KubeObject, Rng } from '../types';
import { FILTERS, type FilterPlugin } from './filters';
import { fitErrorMessage, type NodeVerdict } from './fit-error';
import { podDemand, type NodeInfo, type PodDemand } from './node-info';
import { scoreNodes } from './score';

export type Placement = { fits: true; node: string } | { fits: false; message: string; verdicts: Map<string, NodeVerdict> };

/** minFeasibleNodesToFind and minFeasibleNodesPercentageToFind. */
const MIN_FEASIBLE_NODES = 100;
const MIN_FEASIBLE_PERCENTAGE = 5;

/** numFeasibleNodesToFind with the default (adaptive) percentageOfNodesToScore. */
export function feasibleNodesToFind(allNodes: number): number {
  if (allNodes < MIN_FEASIBLE_NODES) return allNodes;
  const percentage = Math.max(MIN_FEASIBLE_PERCENTAGE, 50 - Math.trunc(allNodes / 125));
  return Math.max(MIN_FEASIBLE_NODES, Math.trunc((allNodes * percentage) / 100));
}

/** The first filter a node fails, or undefined when it fits. */
function firstFailure(filters: readonly FilterPlugin[], pod: KubeObject, info: NodeInfo, demand: PodDemand): NodeVerdict | undefined {
  for (const f of filters) {
    const reasons = f.filter(pod, info, demand);
    if (reasons.length > 0) return { reasons: [...reasons], resolvable: f.resolvable };
  }
  return undefined;
}

export interface CycleResult {
  placement: Placement;
  /** How many nodes were filtered (the next cycle's start moves on by this many). */
  processed: number;
}

/** Filters `nodes` (name order) from index `start` round the ring, scores the feasible ones and picks the best. */
export function runCycle(pod: KubeObject, nodes: readonly NodeInfo[], opts: { rng?: Rng; start?: number } = {}): CycleResult {
  const demand = podDemand(pod);
  const filters = FILTERS.filter((f) => !f.skip?.(pod, demand));
  const n = nodes.length;
  const wanted = feasibleNodesToFind(n);
  const start = n > 0 ? (opts.start ?? 0) % n : 0;
  const verdicts = new Map<string, NodeVerdict>();
  const feasible: NodeInfo[] = [];
  let processed = 0;
  while (processed < n && feasible.length < wanted) {
    const info = nodes[(start + processed) % n];
    processed++;
    const failure = firstFailure(filters, pod, info, demand);
    if (failure) verdicts.set(info.node.metadata.name, failure);
    else feasible.push(info);
  }
  if (feasible.length === 0) return { placement: { fits: false, message: fitErrorMessage([...verdicts.values()]), verdicts }, processed };
  const scores = scoreNodes(pod, demand, feasible);
  let best = -Infinity;
  for (const s of scores) best = Math.max(best, s);
  const top = feasible.filter((_, i) => scores[i] === best);
  const chosen = opts.rng && top.length > 1 ? opts.rng.pick(top) : top[0];
  return { placement: { fits: true, node: chosen.node.metadata.name }, processed };
}
