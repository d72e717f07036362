// The nodes a scheduling cycle walks: those not being deleted, in name order,
// each at a row (its index in `infos`). A cycle reads the same few numbers of
// hundreds of nodes, and between two cycles the rest of the cluster's work
// has pushed every NodeInfo out of the CPU caches; so those numbers are also
// kept here, one typed array per quantity, and a cycle streams through a few
// kilobytes instead of chasing several objects per node. What is free is
// kept rather than allocatable and requested, so the filter reads one array
// per resource the pod asks for. The NodeInfo stays what the numbers are
// worked out from: whoever changes one calls `refresh`.
//
// A node's resource scores only change when the node does or a pod asks for
// other amounts, and replicas of a workload, scheduled one after another,
// ask for the same: the list keeps the last ones scored (score.ts) per row.
//
// The list also counts the nodes that restrict pods at all: most clusters
// have no cordoned or tainted node, and a plugin with nothing to check on
// any node is skipped; and it keeps lower bounds of what is free on every
// node, so that a pod asking for less is known to fit on each (filters.ts).

import type { NodeInfo } from './node-info';
import { ScoreTree } from './score-tree';

/** The three resources every pod and node has, one array each. */
export interface ResourceColumns {
  milliCPU: Float64Array;
  memory: Float64Array;
  ephemeralStorage: Float64Array;
}

/** The two resources the scores weigh. */
export type ScoredColumns = Omit<ResourceColumns, 'ephemeralStorage'>;

/** LeastAllocated and BalancedAllocation per row as score.ts last worked them out. */
export interface KeptScores {
  /** The pod's non-zero requests they are for. */
  milliCPU: number;
  memory: number;
  /** 1 where the row's scores are current: a row that changes is cleared. */
  current: Uint8Array;
  least: Float64Array;
  balanced: Float64Array;
  /** The rows' totals when only these scores count (score.ts); a row that changes is re-totalled. */
  tree: ScoreTree;
}

/** Lower bounds of the free amounts over every row. */
export interface LowestFree {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  pods: number;
}

export class NodeList {
  readonly infos: readonly NodeInfo[];
  /** The node names by row: the chosen node's is read here, not through three objects that have left the CPU caches. */
  readonly names: readonly string[];
  readonly unschedulable: number;
  readonly hardTainted: number;
  readonly softTainted: number;
  /** Allocatable minus requested (NodeResourcesFit). */
  readonly free: ResourceColumns;
  /** Pod slots minus pods. */
  readonly freePods: Float64Array;
  readonly allocatable: ScoredColumns;
  /** Requested with the non-zero defaults (scoring). */
  readonly nonZeroRequested: ScoredColumns;
  readonly kept: KeptScores;
  /**
   * Never above any row's free amounts: lowered with a row's, not raised when
   * they grow back (that would take a walk over every row; the list's next
   * rebuild makes them exact again).
   */
  readonly lowestFree: LowestFree = { milliCPU: Infinity, memory: Infinity, ephemeralStorage: Infinity, pods: Infinity };
  private readonly rows = new Map<NodeInfo, number>();

  constructor(infos: Iterable<NodeInfo>) {
    const walked = [...infos]
      .filter((i) => !i.node.metadata.deletionTimestamp)
      .sort((a, b) => a.node.metadata.name.localeCompare(b.node.metadata.name));
    const count = (restricts: (i: NodeInfo) => boolean) => walked.filter(restricts).length;
    this.infos = walked;
    this.names = walked.map((i) => i.node.metadata.name);
    this.unschedulable = count((i) => i.unschedulable);
    this.hardTainted = count((i) => i.hardTaints.length > 0);
    this.softTainted = count((i) => i.softTaints.length > 0);
    const n = walked.length;
    const column = () => new Float64Array(n);
    this.free = { milliCPU: column(), memory: column(), ephemeralStorage: column() };
    this.freePods = column();
    this.allocatable = { milliCPU: column(), memory: column() };
    this.nonZeroRequested = { milliCPU: column(), memory: column() };
    this.kept = { milliCPU: NaN, memory: NaN, current: new Uint8Array(n), least: column(), balanced: column(), tree: new ScoreTree(n) };
    walked.forEach((info, row) => {
      this.rows.set(info, row);
      this.copy(row, info);
    });
  }

  /** Copies the numbers of a node whose info changed (a node not in the list is ignored). */
  refresh(info: NodeInfo): void {
    const row = this.rows.get(info);
    if (row !== undefined) this.copy(row, info);
  }

  private copy(row: number, { allocatable, requested, nonZeroRequested, allowedPods, podCount }: NodeInfo): void {
    this.free.milliCPU[row] = allocatable.milliCPU - requested.milliCPU;
    this.free.memory[row] = allocatable.memory - requested.memory;
    this.free.ephemeralStorage[row] = allocatable.ephemeralStorage - requested.ephemeralStorage;
    this.freePods[row] = allowedPods - podCount;
    this.allocatable.milliCPU[row] = allocatable.milliCPU;
    this.allocatable.memory[row] = allocatable.memory;
    this.nonZeroRequested.milliCPU[row] = nonZeroRequested.milliCPU;
    this.nonZeroRequested.memory[row] = nonZeroRequested.memory;
    this.kept.current[row] = 0;
    this.kept.tree.invalidate(row);
    const lowest = this.lowestFree;
    lowest.milliCPU = Math.min(lowest.milliCPU, this.free.milliCPU[row]);
    lowest.memory = Math.min(lowest.memory, this.free.memory[row]);
    lowest.ephemeralStorage = Math.min(lowest.ephemeralStorage, this.free.ephemeralStorage[row]);
    lowest.pods = Math.min(lowest.pods, this.freePods[row]);
  }
}
