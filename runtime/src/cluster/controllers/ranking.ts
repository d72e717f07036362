// Which pods a ReplicaSet deletes first when scaling down
// (pkg/controller/controller_utils.go ActivePodsWithRanks.Less with the
// LogarithmicScaleDown gate on, runtime-semantics §2): the first rule that
// tells two pods apart decides; earlier in the sort = deleted first.

import type { KubeObject } from '../types';
import { creationMs, isReady, podPhase, readySinceMs, restartCounts } from './pod-state';

const DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';

const PHASE_ORDER: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };

function deletionCost(pod: KubeObject): number {
  const v = Number(pod.metadata.annotations?.[DELETION_COST_ANNOTATION] ?? 0);
  return Number.isInteger(v) ? v : 0;
}

/** floor(log2(age in ns)), -1 for a zero or future age: time compared in doubling buckets. */
function logBucket(tMs: number, nowMs: number): number {
  const ns = (nowMs - tMs) * 1e6;
  return ns > 0 ? Math.floor(Math.log2(ns)) : -1;
}

/**
 * Newer first, bucketed: a negative result puts `a` first. Equal instants
 * fall through to the next rule; different instants in one bucket are told
 * apart by uid string order.
 */
function newerFirst(a: KubeObject, ta: number, b: KubeObject, tb: number, nowMs: number): number {
  if (ta === tb) return 0;
  if (ta === 0 || tb === 0) return ta === 0 ? -1 : 1; // afterOrZero: a zero time sorts first
  const diff = logBucket(ta, nowMs) - logBucket(tb, nowMs);
  if (diff !== 0) return diff;
  return a.metadata.uid < b.metadata.uid ? -1 : 1;
}

export interface RankedPod {
  pod: KubeObject;
  /** Active pods of the same controller on the pod's node. */
  rank: number;
}

function compareForDeletion(a: RankedPod, b: RankedPod, nowMs: number): number {
  const p = a.pod, q = b.pod;
  const scheduled = (x: KubeObject) => (x.spec?.nodeName ? 1 : 0);
  if (scheduled(p) !== scheduled(q)) return scheduled(p) - scheduled(q);
  const phase = (x: KubeObject) => PHASE_ORDER[podPhase(x)] ?? 1;
  if (phase(p) !== phase(q)) return phase(p) - phase(q);
  if (isReady(p) !== isReady(q)) return isReady(p) ? 1 : -1;
  if (deletionCost(p) !== deletionCost(q)) return deletionCost(p) - deletionCost(q);
  if (a.rank !== b.rank) return b.rank - a.rank;
  if (isReady(p) && isReady(q)) {
    const byReady = newerFirst(p, readySinceMs(p) ?? 0, q, readySinceMs(q) ?? 0, nowMs);
    if (byReady !== 0) return byReady;
  }
  const maxRestarts = (x: KubeObject) => Math.max(0, ...restartCounts(x));
  if (maxRestarts(p) !== maxRestarts(q)) return maxRestarts(q) - maxRestarts(p);
  return newerFirst(p, creationMs(p), q, creationMs(q), nowMs);
}

/** The `count` pods to delete: ranked by how many of `related` share their node, then sorted. */
export function podsToDelete(pods: readonly KubeObject[], related: readonly KubeObject[], count: number, nowMs: number): KubeObject[] {
  if (count >= pods.length) return [...pods];
  const perNode = new Map<string, number>();
  for (const r of related) {
    const node = r.spec?.nodeName;
    if (node) perNode.set(node, (perNode.get(node) ?? 0) + 1);
  }
  const ranked = pods.map((pod) => ({ pod, rank: pod.spec?.nodeName ? perNode.get(pod.spec.nodeName) ?? 0 : 0 }));
  return ranked.sort((a, b) => compareForDeletion(a, b, nowMs)).slice(0, count).map((r) => r.pod);
}
