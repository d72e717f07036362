// Virtual time (runtime-semantics §0): every timer of the simulated cluster is
// registered here and runs only when virtual time is advanced, either by a step
// (`advance 15m` runs every timer due in between, in order) or by the real-time
// pacer below. Timers due at the same instant run in registration order
// (STYLE §19: order by time, then by an insertion sequence number).

import { TimersById } from './timers-by-id';
import type { Clock } from './types';

/** 2026-01-01T00:00:00Z: a fixed start so runs are reproducible. */
export const DEFAULT_EPOCH_MS = Date.UTC(2026, 0, 1, 0, 0, 0);

interface Timer {
  id: number;
  at: number;
  cb: () => void;
  label?: string;
}

/**
 * Timers that share one callback and are mostly armed in due order (a fixed
 * delay from the advancing clock, like event expiry). Each costs three array
 * slots instead of a timer, a closure and a cancellation entry; it runs at the
 * same instant and in the same order among all timers as `clock.at(timeMs)`
 * called at that moment would. Queued items cannot be cancelled: the callback
 * decides whether an item still applies.
 */
export interface TimerQueue<T> {
  at(timeMs: number, item: T): void;
}

export interface VirtualClock extends Clock {
  /** A queue whose timers each run `run(item)`; `label` names them in pendingLabels. */
  queue<T>(run: (item: T) => void, label: string): TimerQueue<T>;
  /** Time of the earliest pending timer, or undefined. */
  nextDueAt(): number | undefined;
  /** Runs the earliest timer if it is due at or before `limitMs` (virtual time moves to it); false if none. */
  runNext(limitMs: number): boolean;
  /** Moves time forward without running timers (callers run them first with runNext). */
  setNow(ms: number): void;
  /** Runs every timer due up to now + ms, in order, then sets now to that instant. */
  advance(ms: number): void;
  pendingCount(): number;
  /** Labels of pending timers in due order (diagnostics and tests). */
  pendingLabels(): string[];
}

/** Entries of one TimerQueue in due order, from `head` on: three parallel arrays so an entry allocates nothing. */
class QueuedTimers<T> {
  ats: number[] = [];
  seqs: number[] = [];
  items: T[] = [];
  head = 0;

  get size(): number {
    return this.ats.length - this.head;
  }

  /** Inserts in (at, seq) order; `seq` is always the newest, so an entry due no earlier than the last appends. */
  insert(at: number, seq: number, item: T): void {
    let i = this.ats.length;
    if (i === this.head || this.ats[i - 1] <= at) {
      this.ats.push(at);
      this.seqs.push(seq);
      this.items.push(item);
      return;
    }
    for (let lo = this.head; lo < i; ) {
      const mid = (lo + i) >> 1;
      if (this.ats[mid] <= at) lo = mid + 1;
      else i = mid;
    }
    this.ats.splice(i, 0, at);
    this.seqs.splice(i, 0, seq);
    this.items.splice(i, 0, item);
  }

  shift(): T {
    const item = this.items[this.head];
    this.items[this.head] = undefined as T;
    this.head++;
    // Drop the spent prefix once it is most of the arrays, so the arrays stay as long as what is pending.
    if (this.head >= 1024 && this.head * 2 >= this.ats.length) {
      this.ats.splice(0, this.head);
      this.seqs.splice(0, this.head);
      this.items.splice(0, this.head);
      this.head = 0;
    }
    return item;
  }
}

export function createClock(startMs: number = DEFAULT_EPOCH_MS): VirtualClock {
  let now = startMs;
  let seq = 0;
  const heap: Timer[] = [];
  const live = new TimersById<Timer>();
  const queues: { entries: QueuedTimers<unknown>; label: string }[] = [];

  const before = (x: Pick<Timer, 'at' | 'id'>, y: Pick<Timer, 'at' | 'id'>) => x.at < y.at || (x.at === y.at && x.id < y.id);
  // A binary min-heap; sifting moves the hole rather than swapping pairs.
  const push = (t: Timer) => {
    let i = heap.length;
    heap.push(t);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(t, heap[p])) break;
      heap[i] = heap[p];
      i = p;
    }
    heap[i] = t;
  };
  const pop = (): Timer | undefined => {
    const top = heap[0];
    const last = heap.pop();
    const n = heap.length;
    if (n > 0 && last) {
      let i = 0;
      for (;;) {
        let m = 2 * i + 1;
        if (m >= n) break;
        if (m + 1 < n && before(heap[m + 1], heap[m])) m++;
        if (!before(heap[m], last)) break;
        heap[i] = heap[m];
        i = m;
      }
      heap[i] = last;
    }
    return top;
  };
  // Cancelled timers stay in the heap and are skipped when they surface (a
  // queue may re-arm an id it withdrew, so the check is for this very timer).
  const peek = (): Timer | undefined => {
    while (heap.length > 0 && live.get(heap[0].id) !== heap[0]) pop();
    return heap[0];
  };

  const arm = (t: Timer) => {
    live.set(t.id, t);
    push(t);
  };

  const clock: VirtualClock = {
    now: () => now,
    at(timeMs, cb, label) {
      const t: Timer = { id: ++seq, at: Math.max(timeMs, now), cb, label };
      arm(t);
      return t.id;
    },
    queue<T>(run: (item: T) => void, label: string): TimerQueue<T> {
      const entries = new QueuedTimers<T>();
      queues.push({ entries, label });
      // Only the earliest entry is a timer, under the sequence number it drew when queued, so it sorts as its own `at` would have.
      const armHead = () => arm({ id: entries.seqs[entries.head], at: entries.ats[entries.head], cb: fire, label });
      const fire = () => {
        const item = entries.shift();
        if (entries.size > 0) armHead();
        run(item);
      };
      return {
        at(timeMs, item) {
          const at = Math.max(timeMs, now);
          const id = ++seq;
          const wasEarliest = entries.size === 0 || at < entries.ats[entries.head];
          if (wasEarliest && entries.size > 0) live.delete(entries.seqs[entries.head]);
          entries.insert(at, id, item);
          if (wasEarliest) armHead();
        },
      };
    },
    after: (ms, cb, label) => clock.at(now + Math.max(0, ms), cb, label),
    cancel(id) {
      live.delete(id);
    },
    nextDueAt: () => peek()?.at,
    runNext(limitMs) {
      const t = peek();
      if (!t || t.at > limitMs) return false;
      pop();
      live.delete(t.id);
      now = Math.max(now, t.at);
      t.cb();
      return true;
    },
    setNow(ms) {
      now = Math.max(now, ms);
    },
    advance(ms) {
      const target = now + Math.max(0, ms);
      while (clock.runNext(target));
      now = target;
    },
    // A queue's earliest entry is also in `live`; the rest are counted and listed from the queue.
    pendingCount: () => queues.reduce((n, q) => n + Math.max(0, q.entries.size - 1), live.size),
    pendingLabels: () => {
      const queued: Pick<Timer, 'id' | 'at' | 'label'>[] = [];
      for (const { entries, label } of queues) for (let i = entries.head + 1; i < entries.ats.length; i++) queued.push({ id: entries.seqs[i], at: entries.ats[i], label });
      return [...live.values(), ...queued].sort((x, y) => (before(x, y) ? -1 : 1)).map((t) => t.label ?? '');
    },
  };
  return clock;
}

export interface Pacer {
  setSpeed(factor: number): void;
  speed(): number;
  stop(): void;
}

/**
 * Paces virtual time against the wall clock: every `intervalMs` of real time,
 * `advanceBy` receives the elapsed real time times the speed factor. This is
 * the only place in runtime/src/cluster allowed to read the real clock.
 */
export function startPacer(advanceBy: (virtualMs: number) => void, opts: { speed?: number; intervalMs?: number } = {}): Pacer {
  let factor = opts.speed ?? 1;
  let last = Date.now();
  const handle = setInterval(() => {
    const real = Date.now();
    const elapsed = real - last;
    last = real;
    if (factor > 0 && elapsed > 0) advanceBy(elapsed * factor);
  }, opts.intervalMs ?? 100);
  handle.unref?.();
  return {
    setSpeed(f) {
      last = Date.now();
      factor = Math.max(0, f);
    },
    speed: () => factor,
    stop: () => clearInterval(handle),
  };
}

// Stamps come in bursts over a few recent seconds at once (a pod's start time
// beside its conditions' transition times, an event beside its object's), so a
// small table of recent seconds gives each second one shared string; a single
// remembered second was evicted back and forth.
const STAMP_SLOTS = 64;
const stampSeconds: number[] = new Array(STAMP_SLOTS).fill(NaN);
const stampTexts: string[] = new Array(STAMP_SLOTS).fill('');

/** metav1.Time serialises at second precision (runtime-semantics §0). */
export function rfc3339(ms: number): string {
  const second = Math.floor(ms / 1000);
  const slot = second & (STAMP_SLOTS - 1);
  if (stampSeconds[slot] !== second) {
    // join builds one flat string; `.replace` would keep a slice of the ISO text plus a "Z" piece.
    stampTexts[slot] = [new Date(second * 1000).toISOString().slice(0, -'.000Z'.length), 'Z'].join('');
    stampSeconds[slot] = second;
  }
  return stampTexts[slot];
}

/** Go's time.RFC1123Z in UTC: `Thu, 01 Jan 2026 00:15:00 +0000` (event messages, describe texts). */
export function formatRfc1123z(ms: number): string {
  return new Date(ms).toUTCString().replace('GMT', '+0000');
}

export function parseRfc3339(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}
