// The text of a FitError (framework/types.go FitError.Error) with the
// preemption postfilter's summary appended, exactly as `kubectl describe`
// shows it under FailedScheduling and in the PodScheduled condition.

export interface NodeVerdict {
  reasons: string[];
  /** Whether preemption could help on this node (the failing plugin was resolvable). */
  resolvable: boolean;
}

/** "<count> <reason>" entries, sorted as strings, joined with ", ". */
function histogram(items: string[]): string {
  const counts = new Map<string, number>();
  for (const r of items) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].map(([r, n]) => `${n} ${r}`).sort().join(', ');
}

const NO_NODES_MESSAGE = 'no nodes available to schedule pods';

export function fitErrorMessage(verdicts: readonly NodeVerdict[]): string {
  const n = verdicts.length;
  if (n === 0) return NO_NODES_MESSAGE;
  const reasons = histogram(verdicts.flatMap((v) => v.reasons));
  // Every pod is priority 0 here, so preemption never finds victims on a resolvable node.
  const preemption = histogram(verdicts.map((v) => (v.resolvable ? 'No preemption victims found for incoming pod' : 'Preemption is not helpful for scheduling')));
  return `0/${n} nodes are available: ${reasons}. preemption: 0/${n} nodes are available: ${preemption}.`;
}
