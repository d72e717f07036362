// Virtual time (runtime-semantics §0): every timer of the simulated cluster is
// registered here and runs only when virtual time is advanced, either by a step
// (`advance 15m` runs every timer due in between, in order) or by the real-time
// pacer below. Timers due at the same instant run in registration order
// (STYLE §19: order by time, then by an insertion sequence number).

import type { Clock } from './types';

/** 2026-01-01T00:00:00Z: a fixed start so runs are reproducible. */
export const DEFAULT_EPOCH_MS = Date.UTC(2026, 0, 1, 0, 0, 0);

interface Timer {
  id: number;
  at: number;
  cb: () => void;
  label?: string;
}

export interface VirtualClock extends Clock {
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

export function createClock(startMs: number = DEFAULT_EPOCH_MS): VirtualClock {
  let now = startMs;
  let seq = 0;
  const heap: Timer[] = [];
  const live = new Map<number, Timer>();

  const before = (x: Timer, y: Timer) => x.at < y.at || (x.at === y.at && x.id < y.id);
  const push = (t: Timer) => {
    heap.push(t);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(heap[i], heap[p])) break;
      [heap[i], heap[p]] = [heap[p], heap[i]];
      i = p;
    }
  };
  const pop = (): Timer | undefined => {
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l], heap[m])) m = l;
        if (r < heap.length && before(heap[r], heap[m])) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
    return top;
  };
  // Cancelled timers stay in the heap and are skipped when they surface.
  const peek = (): Timer | undefined => {
    while (heap.length > 0 && !live.has(heap[0].id)) pop();
    return heap[0];
  };

  const clock: VirtualClock = {
    now: () => now,
    at(timeMs, cb, label) {
      const t: Timer = { id: ++seq, at: Math.max(timeMs, now), cb, label };
      live.set(t.id, t);
      push(t);
      return t.id;
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
    pendingCount: () => live.size,
    pendingLabels: () => [...live.values()].sort((x, y) => (before(x, y) ? -1 : 1)).map((t) => t.label ?? ''),
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

// Most stamps written in one burst fall in the same second: the last one is remembered.
let memoSecond = NaN;
let memoText = '';

/** metav1.Time serialises at second precision (runtime-semantics §0). */
export function rfc3339(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== memoSecond) {
    memoText = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
    memoSecond = second;
  }
  return memoText;
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
