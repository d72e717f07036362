// The default scheduler (runtime-semantics §6) as a reconciler: unscheduled
// pods wait in a queue ordered by priority, then arrival; each attempt runs the
// filters over every node, scores the feasible ones and binds to the best
// (ties: the seeded Rng if given, else node name). A pod that fits nowhere
// stays Pending with PodScheduled=False/Unschedulable and a FailedScheduling
// event, and is retried when a node appears or changes, a pod goes away, or
// the 5-minute flush comes, after its own backoff (1 s doubling to 10 s).

import { rfc3339 } from '../clock';
import type { Clock, EventRecorder, KubeObject, ObjectStore, Rng } from '../types';
import { FILTERS } from './filters';
import { fitErrorMessage, type NodeVerdict } from './fit-error';
import { nodeInfo, type NodeInfo } from './node-info';
import { scoreNodes } from './score';

export const SCHEDULER_NAME = 'default-scheduler';
const FLUSH_UNSCHEDULABLE_MS = 5 * 60_000;
const BACKOFF_INITIAL_MS = 1_000;
const BACKOFF_MAX_MS = 10_000;

export interface SchedulerDeps {
  store: ObjectStore;
  clock: Clock;
  events: EventRecorder;
  rng?: Rng;
}

export type Placement = { fits: true; node: string } | { fits: false; message: string; verdicts: Map<string, NodeVerdict> };

/** One scheduling cycle for `pod` against `nodes`, pure: where it would go, or why nowhere. */
export function placePod(pod: KubeObject, nodes: readonly KubeObject[], podsOf: (node: string) => KubeObject[], rng?: Rng): Placement {
  const verdicts = new Map<string, NodeVerdict>();
  const feasible: NodeInfo[] = [];
  for (const node of [...nodes].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))) {
    if (node.metadata.deletionTimestamp) continue;
    const info = nodeInfo(node, podsOf(node.metadata.name));
    const failing = FILTERS.map((f) => ({ f, reasons: f.filter(pod, info) })).find((r) => r.reasons.length > 0);
    if (failing) verdicts.set(node.metadata.name, { reasons: failing.reasons, resolvable: failing.f.resolvable });
    else feasible.push(info);
  }
  if (feasible.length === 0) return { fits: false, message: fitErrorMessage([...verdicts.values()]), verdicts };
  const scores = scoreNodes(pod, feasible);
  const best = Math.max(...scores);
  const top = feasible.filter((_, i) => scores[i] === best);
  const chosen = rng && top.length > 1 ? rng.pick(top) : top[0];
  return { fits: true, node: chosen.node.metadata.name };
}

export function needsScheduling(pod: KubeObject): boolean {
  const phase = pod.status?.phase;
  return (
    !pod.spec?.nodeName &&
    (pod.spec?.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME &&
    !pod.metadata.deletionTimestamp &&
    phase !== 'Succeeded' &&
    phase !== 'Failed' &&
    !(pod.spec?.schedulingGates?.length)
  );
}

export interface Scheduler {
  /** Re-queues every unscheduled pod (after start or a restore). */
  resync(): void;
  stop(): void;
}

interface QueuedPod {
  key: string;
  seq: number;
  attempts: number;
  /** Earliest next attempt (backoff). */
  notBeforeMs: number;
  /** Parked after failing, until a cluster change or the flush. */
  parked: boolean;
}

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const { store, clock, events, rng } = deps;
  const queue = new Map<string, QueuedPod>();
  let seq = 0;
  let timer: { id: number; atMs: number } | undefined;

  const keyOf = (p: KubeObject) => `${p.metadata.namespace ?? 'default'}/${p.metadata.name}`;
  const podAt = (key: string) => {
    const [ns, name] = key.split('/');
    return store.get('Pod', ns, name);
  };

  const wakeAt = (atMs: number) => {
    if (timer && timer.atMs <= atMs) return;
    if (timer) clock.cancel(timer.id);
    timer = { atMs, id: clock.at(atMs, () => { timer = undefined; run(); }, 'scheduler') };
  };

  const enqueue = (p: KubeObject) => {
    const key = keyOf(p);
    if (!queue.has(key)) queue.set(key, { key, seq: seq++, attempts: 0, notBeforeMs: clock.now(), parked: false });
    else return;
    wakeAt(clock.now());
  };

  // A cluster change may make parked pods fit: move them back, each after its own backoff.
  const unpark = () => {
    for (const q of queue.values()) {
      if (!q.parked) continue;
      q.parked = false;
      wakeAt(Math.max(clock.now(), q.notBeforeMs));
    }
  };

  const priority = (key: string) => podAt(key)?.spec?.priority ?? 0;

  const run = () => {
    const now = clock.now();
    for (const q of queue.values()) if (q.parked && q.notBeforeMs + FLUSH_UNSCHEDULABLE_MS <= now) q.parked = false;
    const due = [...queue.values()]
      .filter((q) => !q.parked && q.notBeforeMs <= now)
      .sort((a, b) => priority(b.key) - priority(a.key) || a.seq - b.seq);
    for (const q of due) attempt(q, now);
    const next = Math.min(...[...queue.values()].map((q) => (q.parked ? q.notBeforeMs + FLUSH_UNSCHEDULABLE_MS : q.notBeforeMs)));
    if (next !== Infinity) wakeAt(Math.max(next, now));
  };

  const attempt = (q: QueuedPod, now: number) => {
    const pod = podAt(q.key);
    if (!pod || !needsScheduling(pod)) {
      queue.delete(q.key);
      return;
    }
    const placement = placePod(pod, store.list('Node'), (node) => store.list('Pod', { fieldNodeName: node }), rng);
    if (placement.fits) {
      queue.delete(q.key);
      bind(pod, placement.node, now);
      return;
    }
    q.attempts++;
    q.parked = true;
    q.notBeforeMs = now + Math.min(BACKOFF_INITIAL_MS * 2 ** (q.attempts - 1), BACKOFF_MAX_MS);
    events.record(pod, 'Warning', 'FailedScheduling', placement.message, { component: SCHEDULER_NAME });
    setScheduledCondition(pod, { status: 'False', reason: 'Unschedulable', message: placement.message }, now);
  };

  const setScheduledCondition = (pod: KubeObject, c: { status: 'True' | 'False'; reason?: string; message?: string }, now: number) => {
    const conditions: any[] = pod.status?.conditions ?? [];
    const old = conditions.find((x) => x.type === 'PodScheduled');
    if (old && old.status === c.status && old.reason === c.reason && old.message === c.message) return;
    const next = {
      type: 'PodScheduled',
      status: c.status,
      lastProbeTime: null,
      lastTransitionTime: old && old.status === c.status ? old.lastTransitionTime : rfc3339(now),
      ...(c.reason ? { reason: c.reason } : {}),
      ...(c.message ? { message: c.message } : {}),
    };
    const rest = conditions.filter((x) => x.type !== 'PodScheduled');
    store.updateStatus({ ...pod, status: { ...pod.status, phase: pod.status?.phase ?? 'Pending', conditions: [...rest, next] } });
  };

  // The Binding subresource: set nodeName, then PodScheduled=True and the Scheduled event.
  const bind = (pod: KubeObject, node: string, now: number) => {
    const bound = store.update({ ...pod, spec: { ...pod.spec, nodeName: node } });
    setScheduledCondition(bound, { status: 'True' }, now);
    events.record(bound, 'Normal', 'Scheduled', `Successfully assigned ${bound.metadata.namespace ?? 'default'}/${bound.metadata.name} to ${node}`, { component: SCHEDULER_NAME });
  };

  const resync = () => {
    for (const p of store.list('Pod')) if (needsScheduling(p)) enqueue(p);
  };

  const unwatch = store.watch((e) => {
    if (e.object.kind === 'Node') {
      if (e.type !== 'DELETED') unpark();
      return;
    }
    if (e.type === 'DELETED') {
      queue.delete(keyOf(e.object));
      if (e.object.spec?.nodeName) unpark();
      return;
    }
    if (needsScheduling(e.object)) enqueue(e.object);
    else if (e.object.status?.phase === 'Succeeded' || e.object.status?.phase === 'Failed') unpark();
  }, ['Pod', 'Node']);

  return {
    resync,
    stop() {
      unwatch();
      if (timer) clock.cancel(timer.id);
    },
  };
}
