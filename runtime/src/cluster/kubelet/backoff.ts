// client-go/util/flowcontrol/backoff.go as the kubelet uses it for crash loops
// and image pulls (kuberuntime_manager.go doBackOff): the first failure has no
// entry, so the restart is immediate and the entry starts at 10 s; each later
// restart that has waited out its window doubles it, up to 5 min; an entry not
// touched for 2 × max starts over.

import { TIMINGS } from './timings';

export interface BackoffEntry {
  backoffMs: number;
  lastUpdateMs: number;
}

export interface Backoff {
  /** Still waiting: `now − eventTime < backoff` (IsInBackOffSince). */
  inBackOffSince(key: string, eventMs: number, nowMs: number): boolean;
  /** The current window, for messages ("back-off 20s restarting…"). */
  current(key: string): number | undefined;
  /** Records a restart at eventTime (Next): starts at the initial window or doubles it. */
  next(key: string, eventMs: number): void;
  forget(prefix: string): void;
  /** The entries by key, for the kubelet's saved state. */
  entries(): Record<string, BackoffEntry>;
}

export function createBackoff(
  initialMs: number = TIMINGS.backoffInitialMs,
  maxMs: number = TIMINGS.backoffMaxMs,
  saved: Record<string, BackoffEntry> = {},
): Backoff {
  const entries = new Map<string, BackoffEntry>(Object.entries(saved).map(([k, e]) => [k, { ...e }]));
  const expired = (e: BackoffEntry, eventMs: number) => eventMs - e.lastUpdateMs > 2 * maxMs;
  return {
    inBackOffSince(key, eventMs, nowMs) {
      const e = entries.get(key);
      if (!e || expired(e, eventMs)) return false;
      return nowMs - eventMs < e.backoffMs;
    },
    current: (key) => entries.get(key)?.backoffMs,
    next(key, eventMs) {
      const e = entries.get(key);
      if (!e || expired(e, eventMs)) entries.set(key, { backoffMs: initialMs, lastUpdateMs: eventMs });
      else entries.set(key, { backoffMs: Math.min(e.backoffMs * 2, maxMs), lastUpdateMs: eventMs });
    },
    forget(prefix) {
      for (const k of [...entries.keys()]) if (k.startsWith(prefix)) entries.delete(k);
    },
    entries: () => Object.fromEntries([...entries].map(([k, e]) => [k, { ...e }])),
  };
}
