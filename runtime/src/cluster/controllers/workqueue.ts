// The one work-queue loop every workload controller shares (STYLE §4, §18;
// client-go's workqueue as sample-controller uses it): watch events and timers
// only enqueue `namespace/name` keys; a key waiting in the queue is never
// queued twice; keys are processed one at a time in the order they were first
// queued (STYLE §19), each by a level-triggered `reconcile` that recomputes
// from the store. A reconcile may ask to be run again later (`requeueAfter`,
// client-go AddAfter, which keeps the earliest of several requests).
//
// Processing happens in a clock timer due "now", so the cluster's tick first
// delivers every queued watch event (deduplicating the keys they enqueue) and
// only then runs the reconciles: a controller acts again only after its own
// writes have been observed (the expectations of runtime-semantics §0).

import type { Clock } from '../types';

export interface ReconcileResult {
  /** Run this key again after so many ms of virtual time (even if nothing changes). */
  requeueAfter?: number;
}

export type Reconcile = (key: string) => ReconcileResult | void;

export interface WorkQueue {
  add(key: string): void;
  /** AddAfter: the key is queued once `ms` have passed; an earlier pending request wins. */
  addAfter(key: string, ms: number): void;
  /** Whether the key waits to be processed now (a delayed key does not). */
  has(key: string): boolean;
  /** Keys waiting to be processed now, in processing order (tests and diagnostics). */
  queued(): string[];
  /** Keys whose last reconcile threw, with the error (a controller bug; the key is retried with backoff). */
  failures(): ReadonlyMap<string, unknown>;
  stop(): void;
}

// client-go's default per-item rate limiter: 5 ms doubling to 1000 s.
const FAILURE_BACKOFF_BASE_MS = 5;
const FAILURE_BACKOFF_MAX_MS = 1000_000;

export function createWorkQueue(clock: Clock, name: string, reconcile: Reconcile): WorkQueue {
  // A Set iterates in insertion order: first queued, first processed.
  let pending = new Set<string>();
  let flushTimer: number | undefined;
  const delayed = new Map<string, { id: number; atMs: number }>();
  const failed = new Map<string, { error: unknown; attempts: number }>();
  let stopped = false;

  const flush = () => {
    flushTimer = undefined;
    const batch = pending;
    pending = new Set();
    for (const key of batch) run(key);
  };

  const run = (key: string) => {
    let result: ReconcileResult | void;
    try {
      result = reconcile(key);
    } catch (error) {
      const attempts = (failed.get(key)?.attempts ?? 0) + 1;
      failed.set(key, { error, attempts });
      queue.addAfter(key, Math.min(FAILURE_BACKOFF_BASE_MS * 2 ** (attempts - 1), FAILURE_BACKOFF_MAX_MS));
      return;
    }
    failed.delete(key);
    if (result?.requeueAfter !== undefined) queue.addAfter(key, result.requeueAfter);
  };

  const queue: WorkQueue = {
    add(key) {
      if (stopped || pending.has(key)) return;
      pending.add(key);
      if (flushTimer === undefined) flushTimer = clock.at(clock.now(), flush, `${name} queue`);
    },
    addAfter(key, ms) {
      if (stopped) return;
      if (ms <= 0) return queue.add(key);
      const atMs = clock.now() + ms;
      const existing = delayed.get(key);
      if (existing && existing.atMs <= atMs) return;
      if (existing) clock.cancel(existing.id);
      const id = clock.at(atMs, () => {
        delayed.delete(key);
        queue.add(key);
      }, `${name} requeue ${key}`);
      delayed.set(key, { id, atMs });
    },
    has: (key) => pending.has(key),
    queued: () => [...pending],
    failures: () => new Map([...failed].map(([k, v]) => [k, v.error])),
    stop() {
      stopped = true;
      if (flushTimer !== undefined) clock.cancel(flushTimer);
      for (const d of delayed.values()) clock.cancel(d.id);
      delayed.clear();
      pending.clear();
    },
  };
  return queue;
}

/** `namespace/name`, the key every controller queues. */
export function keyOf(namespace: string | undefined, name: string): string {
  return `${namespace ?? 'default'}/${name}`;
}

export function splitKey(key: string): { namespace: string; name: string } {
  const i = key.indexOf('/');
  return { namespace: key.slice(0, i), name: key.slice(i + 1) };
}
