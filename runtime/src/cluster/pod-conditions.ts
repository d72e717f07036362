// Pod conditions as the scheduler (PodScheduled) and the kubelet (the other
// four) write them. Pods that move in step — bound and started in the same
// second — show equal conditions, and stored objects are read-only, so one
// frozen object stands in every status that shows it: each (type, status)
// keeps the one made last, which is what the next pod of a burst asks for;
// anything else is made afresh, as equal JSON either way. Frozen, as shared
// pod bodies are (pod-body-memo.ts): a write through one pod must fail loudly
// instead of changing its siblings.

/** A condition without a probe time. */
export interface PodCondition {
  type: string;
  status: 'True' | 'False';
  lastProbeTime: null;
  lastTransitionTime: string;
  reason?: string;
  message?: string;
}

// Keyed by type: the kubelet's four and PodScheduled, five entries per map at most.
const lastTrue = new Map<string, PodCondition>();
const lastFalse = new Map<string, PodCondition>();

export function podCondition(type: string, status: 'True' | 'False', lastTransitionTime: string, reason?: string, message?: string): PodCondition {
  const last = status === 'True' ? lastTrue : lastFalse;
  const c = last.get(type);
  if (c !== undefined && c.lastTransitionTime === lastTransitionTime && c.reason === reason && c.message === message) return c;
  const made: PodCondition = { type, status, lastProbeTime: null, lastTransitionTime };
  if (reason) made.reason = reason;
  if (message) made.message = message;
  last.set(type, Object.freeze(made));
  return made;
}
