// One scheduling cycle (schedule_one.go schedulePod): filter nodes until
// enough feasible ones are found, score those, bind to the best. In clusters
// of 100 nodes or more upstream stops filtering once it has found
// numFeasibleNodesToFind nodes, and the next cycle starts where this one
// stopped (nextStartNodeIndex), so a cycle costs a bounded share of the
// cluster; smaller clusters are always searched and scored whole.
//
// Most cycles of a large cluster need no walk: when no node can fail the
// filters left for the pod (filters.ts fitsEveryNode), the walk would take
// the `wanted` nodes from the start index on, and when only the resource scores
// tell them apart, the node list's score tree (score-tree.ts) gives the best
// of those and the ties in ring order, so the tie-break draws and picks as
// selectHost would.

import type { KubeObject, Rng } from '../types';
import { FILTERS, fitsEveryNode, type FilterPlugin } from './filters';
import { fitErrorMessage, type NodeVerdict } from './fit-error';
import type { NodeList } from './node-list';
import { podDemand, type PodDemand } from './pod-demand';
import { resourceScoreTree, scoreNodes } from './score';

export type Placement = { fits: true; node: string } | { fits: false; message: string };

/** minFeasibleNodesToFind and minFeasibleNodesPercentageToFind. */
const MIN_FEASIBLE_NODES = 100;
const MIN_FEASIBLE_PERCENTAGE = 5;

/** numFeasibleNodesToFind with the default (adaptive) percentageOfNodesToScore. */
export function feasibleNodesToFind(allNodes: number): number {
  if (allNodes < MIN_FEASIBLE_NODES) return allNodes;
  const percentage = Math.max(MIN_FEASIBLE_PERCENTAGE, 50 - Math.trunc(allNodes / 125));
  return Math.max(MIN_FEASIBLE_NODES, Math.trunc((allNodes * percentage) / 100));
}

/** Whether the node at `row` passes every filter of the cycle. */
function feasible(filters: readonly FilterPlugin[], pod: KubeObject, nodes: NodeList, row: number, demand: PodDemand): boolean {
  for (let f = 0; f < filters.length; f++) if (filters[f].fails(pod, nodes, row, demand)) return false;
  return true;
}

/** The first filter a node fails and why (the node is known to fail one). */
function verdict(filters: readonly FilterPlugin[], pod: KubeObject, nodes: NodeList, row: number, demand: PodDemand): NodeVerdict {
  const f = filters.find((p) => p.fails(pod, nodes, row, demand))!;
  return { reasons: f.reasons(pod, nodes, row, demand), resolvable: f.resolvable };
}

// The rows of the current cycle's feasible nodes and of the best-scoring
// ones among them, reused by every cycle (a cycle never runs inside another)
// and grown to the most nodes seen.
let found = new Int32Array(0);
let best = new Int32Array(0);

/** Which of `ties` equally best nodes wins: the seeded Rng's one draw (the one `rng.pick` over them makes), else the first. */
const tieBreak = (ties: number, rng: Rng | undefined) => (rng && ties > 1 ? rng.int(ties) : 0);

/** selectHost: the best-scoring of the first `n` of `rows`; among equal scores the tie-break's. */
function selectHost(rows: Int32Array, scores: Float64Array, n: number, rng: Rng | undefined): number {
  let top = -Infinity;
  let ties = 0;
  for (let k = 0; k < n; k++) {
    if (scores[k] > top) {
      top = scores[k];
      ties = 0;
    }
    if (scores[k] === top) best[ties++] = rows[k];
  }
  return best[tieBreak(ties, rng)];
}

export interface CycleResult {
  placement: Placement;
  /** How many nodes were filtered (the next cycle's start moves on by this many). */
  processed: number;
  /** The pod's demand as the cycle parsed it (the cache counts it on the chosen node). */
  demand: PodDemand;
}

/** Filters the nodes (name order) from index `start` round the ring, scores the feasible ones and picks the best. */
export function runCycle(pod: KubeObject, nodes: NodeList, opts: { rng?: Rng; start?: number } = {}): CycleResult {
  const demand = podDemand(pod);
  const filters = FILTERS.filter((f) => !f.skip?.(pod, demand, nodes));
  const n = nodes.infos.length;
  if (found.length < n) {
    found = new Int32Array(n);
    best = new Int32Array(n);
  }
  const wanted = feasibleNodesToFind(n);
  let row = n > 0 ? (opts.start ?? 0) % n : 0;
  if (n > 0 && fitsEveryNode(filters, demand, nodes)) {
    const tree = resourceScoreTree(pod, demand, nodes);
    if (tree?.window(row, wanted)) {
      const chosen = tree.nth(tieBreak(tree.windowTies, opts.rng));
      return { placement: { fits: true, node: nodes.names[chosen] }, processed: wanted, demand };
    }
  }
  let processed = 0;
  let count = 0;
  while (processed < n && count < wanted) {
    if (feasible(filters, pod, nodes, row, demand)) found[count++] = row;
    if (++row === n) row = 0;
    processed++;
  }
  if (count === 0) {
    // Nothing fits, so every node was filtered and failed: a second pass tells why.
    const message = fitErrorMessage(nodes.infos.map((_, r) => verdict(filters, pod, nodes, r, demand)));
    return { placement: { fits: false, message }, processed, demand };
  }
  const chosen = selectHost(found, scoreNodes(pod, demand, nodes, found, count), count, opts.rng);
  return { placement: { fits: true, node: nodes.names[chosen] }, processed, demand };
}
