// Pieces of pod statuses that many pods repeat, shared between them: pods
// that move in step (created, bound and started at the same instants) show
// equal conditions and container states, and stored objects are read-only, so
// one object can stand in every status that shows it. Each kind of piece
// keeps only the one it built last, which is what the next pod of a burst
// asks for; anything else is built afresh, as equal JSON either way. Shared
// pieces are frozen, as shared pod bodies are (pod-body-memo.ts): a write
// through one pod must fail loudly instead of changing its siblings.

/** A condition without a probe time, as the kubelet writes its own four. */
export interface PodCondition {
  type: string;
  status: 'True' | 'False';
  lastProbeTime: null;
  lastTransitionTime: string;
  reason?: string;
  message?: string;
}

const lastTrue = new Map<string, PodCondition>();
const lastFalse = new Map<string, PodCondition>();

export function condition(type: string, status: 'True' | 'False', lastTransitionTime: string, reason?: string, message?: string): PodCondition {
  // Keyed by type: the kubelet's four and PodScheduled, five entries per map at most.
  const last = status === 'True' ? lastTrue : lastFalse;
  const c = last.get(type);
  if (c !== undefined && c.lastTransitionTime === lastTransitionTime && c.reason === reason && c.message === message) return c;
  const made: PodCondition = { type, status, lastProbeTime: null, lastTransitionTime };
  if (reason) made.reason = reason;
  if (message) made.message = message;
  last.set(type, Object.freeze(made));
  return made;
}

/** The fields `condition` makes, in its order; the last two only when set. */
const CONDITION_KEYS = ['type', 'status', 'lastProbeTime', 'lastTransitionTime', 'reason', 'message'];

/**
 * `c` itself, or the shared condition of the same JSON when `c` has exactly
 * the fields `condition` makes (the scheduler's PodScheduled, say), so that
 * pods in step can share whole condition lists.
 */
export function sharedCondition(c: any): any {
  let next = 0;
  for (const k in c) {
    // reason and message are each optional, but in this order and only as non-empty strings.
    while (next >= 4 && next < CONDITION_KEYS.length && CONDITION_KEYS[next] !== k) next++;
    if (CONDITION_KEYS[next] !== k) return c;
    next++;
  }
  if (next < 4 || typeof c.type !== 'string' || (c.status !== 'True' && c.status !== 'False') || c.lastProbeTime !== null) return c;
  if (typeof c.lastTransitionTime !== 'string' || ('reason' in c && (typeof c.reason !== 'string' || !c.reason))) return c;
  if ('message' in c && (typeof c.message !== 'string' || !c.message)) return c;
  return condition(c.type, c.status, c.lastTransitionTime, c.reason, c.message);
}

let lastList: readonly PodCondition[] | undefined;

/** The five conditions of a status, as the list made last when it holds the very same ones. */
export function conditionList(a: PodCondition, b: PodCondition, c: PodCondition, d: PodCondition, e: PodCondition): readonly PodCondition[] {
  const l = lastList;
  if (l !== undefined && l[0] === a && l[1] === b && l[2] === c && l[3] === d && l[4] === e) return l;
  return (lastList = Object.freeze([a, b, c, d, e]));
}

let lastRunning: { running: { startedAt: string } } | undefined;

export function runningState(startedAt: string): { running: { startedAt: string } } {
  if (lastRunning?.running.startedAt !== startedAt) lastRunning = Object.freeze({ running: Object.freeze({ startedAt }) });
  return lastRunning;
}

type WaitingState = { waiting: { reason: string; message?: string } };
/** By reason: the kubelet's handful of waiting reasons. */
const lastWaiting = new Map<string, WaitingState>();

export function waitingState(reason: string, message: string | undefined): WaitingState {
  const w = lastWaiting.get(reason);
  if (w !== undefined && w.waiting.message === message) return w;
  const made = Object.freeze({ waiting: Object.freeze(message ? { reason, message } : { reason }) });
  lastWaiting.set(reason, made);
  return made;
}

/** The lastState of a container that has not terminated yet. */
export const NO_LAST_STATE = Object.freeze({});
