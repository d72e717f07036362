// Pieces of pod statuses that many pods repeat, shared between them: pods
// that move in step (created, bound and started at the same instants) show
// equal condition lists and container states (conditions themselves are
// shared by pod-conditions.ts), and stored objects are read-only, so
// one object can stand in every status that shows it. Each kind of piece
// keeps only the one it built last, which is what the next pod of a burst
// asks for; anything else is built afresh, as equal JSON either way. Shared
// pieces are frozen, as shared pod bodies are (pod-body-memo.ts): a write
// through one pod must fail loudly instead of changing its siblings.

import type { PodCondition } from '../pod-conditions';

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
