// The scheduling queue (pkg/scheduler/backend/queue): pods waiting for an
// attempt, each either backing off until `notBeforeMs` or parked as
// unschedulable until a cluster change moves every parked pod back
// (MoveAllToActiveOrBackoffQueue) or the 5-minute flush. Two heaps keep the
// next due instant at hand, so a run costs the pods it attempts, not the
// length of the queue; a heap entry whose pod has moved on since (its stamp
// changed) is dropped when it surfaces.

import { MinHeap } from './heap';

/** podMaxInUnschedulablePodsDuration: a parked pod is retried after 5 minutes at the latest. */
export const FLUSH_UNSCHEDULABLE_MS = 5 * 60_000;

/** A pod's key in the queue. */
export const podKey = (namespace: string, name: string) => `${namespace}/${name}`;

export interface QueuedPod {
  key: string;
  /** What the key is made of, kept so that an attempt looks the pod up without taking the key apart. */
  namespace: string;
  name: string;
  /** Arrival order, the tie-break after priority. */
  seq: number;
  /** spec.priority, fixed at admission. */
  priority: number;
  attempts: number;
  /** Earliest next attempt (backoff). */
  notBeforeMs: number;
  parked: boolean;
  /** Bumped on every move, so older heap entries can be recognised. */
  stamp: number;
}

interface Entry {
  q: QueuedPod;
  stamp: number;
}

export class SchedulingQueue {
  private readonly pods = new Map<string, QueuedPod>();
  /** Backing-off pods by notBeforeMs. */
  private readonly waiting = new MinHeap<Entry>();
  /** Parked pods by their flush instant. */
  private readonly flushes = new MinHeap<Entry>();
  private readonly parked = new Set<QueuedPod>();
  private seq = 0;

  /** Queues a pod not queued yet, due at once; false if it already was. */
  add(namespace: string, name: string, priority: number, nowMs: number): boolean {
    const key = podKey(namespace, name);
    if (this.pods.has(key)) return false;
    const q: QueuedPod = { key, namespace, name, seq: this.seq++, priority, attempts: 0, notBeforeMs: nowMs, parked: false, stamp: 0 };
    this.pods.set(key, q);
    this.waiting.push(nowMs, { q, stamp: q.stamp });
    return true;
  }

  delete(key: string): void {
    const q = this.pods.get(key);
    if (!q) return;
    this.pods.delete(key);
    this.parked.delete(q);
  }

  /** Pods due at `nowMs` (backoff over, or parked past the flush), by priority, then arrival. */
  takeDue(nowMs: number): QueuedPod[] {
    const due: QueuedPod[] = [];
    for (const [heap, flushed] of [[this.flushes, true], [this.waiting, false]] as const) {
      for (let at = this.validAt(heap); at !== undefined && at <= nowMs; at = this.validAt(heap)) {
        const { q } = heap.pop()!;
        if (flushed) this.parked.delete(q);
        q.parked = false;
        q.stamp++;
        due.push(q);
      }
    }
    return due.sort((a, b) => b.priority - a.priority || a.seq - b.seq);
  }

  /** After a failed attempt: unschedulable until a change or the flush, and not before `notBeforeMs`. */
  park(q: QueuedPod, notBeforeMs: number): void {
    q.notBeforeMs = notBeforeMs;
    q.parked = true;
    q.stamp++;
    this.parked.add(q);
    this.flushes.push(notBeforeMs + FLUSH_UNSCHEDULABLE_MS, { q, stamp: q.stamp });
  }

  /** A cluster change: every parked pod goes back to waiting out its own backoff. False if none was parked. */
  unparkAll(): boolean {
    if (this.parked.size === 0) return false;
    for (const q of this.parked) {
      q.parked = false;
      q.stamp++;
      this.waiting.push(q.notBeforeMs, { q, stamp: q.stamp });
    }
    this.parked.clear();
    return true;
  }

  /** When the next pod falls due, if any is queued. */
  nextDueAt(): number | undefined {
    const w = this.validAt(this.waiting);
    const f = this.validAt(this.flushes);
    return w === undefined ? f : f === undefined ? w : Math.min(w, f);
  }

  /** The key of the heap's first entry still describing its pod, dropping stale ones. */
  private validAt(heap: MinHeap<Entry>): number | undefined {
    for (let e = heap.peek(); e; e = heap.peek()) {
      if (this.pods.get(e.q.key) === e.q && e.q.stamp === e.stamp) return heap.peekAt();
      heap.pop();
    }
    return undefined;
  }
}
