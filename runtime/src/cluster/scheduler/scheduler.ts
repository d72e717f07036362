// The default scheduler (runtime-semantics §6) as a reconciler: unscheduled
// pods wait in a queue (queue.ts) ordered by priority, then arrival; each
// attempt is one cycle (cycle.ts) over the cache's node infos (cache.ts):
// filter, score the feasible nodes, bind to the best (ties: the seeded Rng if
// given, else node name). A pod that fits nowhere stays Pending with
// PodScheduled=False/Unschedulable and a FailedScheduling event, and is
// retried when a node appears or changes, a pod goes away, or the 5-minute
// flush comes, after its own backoff (1 s doubling to 10 s).

import type { Clock, EventRecorder, KubeObject, ObjectStore, Rng } from '../types';
import { boundSpec } from './bound-spec';
import { createSchedulerCache } from './cache';
import { runCycle, type Placement } from './cycle';
import { nodeInfo } from './node-info';
import { NodeList } from './node-list';
import type { PodDemand } from './pod-demand';
import { podKey, SchedulingQueue, type QueuedPod } from './queue';
import { withScheduledCondition } from './scheduled-condition';

export type { Placement } from './cycle';

const SCHEDULER_NAME = 'default-scheduler';
const BACKOFF_INITIAL_MS = 1_000;
const BACKOFF_MAX_MS = 10_000;

export interface SchedulerDeps {
  store: ObjectStore;
  clock: Clock;
  events: EventRecorder;
  rng?: Rng;
}

/** One scheduling cycle for `pod` against `nodes`, pure: where it would go, or why nowhere. */
export function placePod(pod: KubeObject, nodes: readonly KubeObject[], podsOf: (node: string) => KubeObject[], rng?: Rng): Placement {
  const infos = nodes.map((n) => nodeInfo(n, podsOf(n.metadata.name)));
  return runCycle(pod, new NodeList(infos), { rng }).placement;
}

function needsScheduling(pod: KubeObject): boolean {
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

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const { store, clock, events, rng } = deps;
  const queue = new SchedulingQueue();
  let timer: { id: number; atMs: number } | undefined;
  // Built from what the store already holds: a scheduler started by hand (unit tests) gets no resync.
  const cache = createSchedulerCache(store);
  cache.resync();
  let nextStartNodeIndex = 0;

  const namespaceOf = (p: KubeObject): string => p.metadata.namespace ?? 'default';

  const wakeAt = (atMs: number) => {
    if (timer && timer.atMs <= atMs) return;
    if (timer) clock.cancel(timer.id);
    timer = { atMs, id: clock.at(atMs, () => { timer = undefined; run(); }, 'scheduler') };
  };

  const wakeForNext = () => {
    const next = queue.nextDueAt();
    if (next !== undefined) wakeAt(Math.max(next, clock.now()));
  };

  const enqueue = (p: KubeObject) => {
    if (queue.add(namespaceOf(p), p.metadata.name, p.spec?.priority ?? 0, clock.now())) wakeAt(clock.now());
  };

  // A cluster change may make parked pods fit: move them back, each after its own backoff.
  const unpark = () => {
    if (queue.unparkAll()) wakeForNext();
  };

  const run = () => {
    const now = clock.now();
    for (const q of queue.takeDue(now)) attempt(q, now);
    wakeForNext();
  };

  const attempt = (q: QueuedPod, now: number) => {
    const pod = store.get('Pod', q.namespace, q.name);
    if (!pod || !needsScheduling(pod)) {
      queue.delete(q.key);
      return;
    }
    const nodes = cache.nodes();
    const { placement, processed, demand } = runCycle(pod, nodes, { rng, start: nextStartNodeIndex });
    nextStartNodeIndex = nodes.infos.length ? (nextStartNodeIndex + processed) % nodes.infos.length : 0;
    if (placement.fits) {
      queue.delete(q.key);
      bind(pod, placement.node, demand, now);
      return;
    }
    q.attempts++;
    queue.park(q, now + Math.min(BACKOFF_INITIAL_MS * 2 ** (q.attempts - 1), BACKOFF_MAX_MS));
    events.record(pod, 'Warning', 'FailedScheduling', placement.message, { component: SCHEDULER_NAME });
    const status = withScheduledCondition(pod, { status: 'False', reason: 'Unschedulable', message: placement.message }, now);
    if (status) store.updateStatus({ ...pod, status });
  };

  // The Binding subresource (registry/core/pod/storage assignPod): spec.nodeName
  // and PodScheduled=True in one write, then the Scheduled event.
  const bind = (pod: KubeObject, node: string, demand: PodDemand, now: number) => {
    const status = withScheduledCondition(pod, { status: 'True' }, now) ?? pod.status;
    const bound = store.update({ ...pod, spec: boundSpec(pod.spec, node), status });
    // AssumePod: later cycles of this run count the pod before its watch event arrives.
    cache.updatePod(bound, demand);
    // join builds one flat string; a template literal's chain of pieces would stay in the stored event for an hour.
    const message = ['Successfully assigned ', namespaceOf(bound), '/', bound.metadata.name, ' to ', node].join('');
    events.record(bound, 'Normal', 'Scheduled', message, { component: SCHEDULER_NAME });
  };

  const resync = () => {
    cache.resync();
    for (const p of store.list('Pod')) if (needsScheduling(p)) enqueue(p);
  };

  // Every Pod write in the cluster comes through here; most are status writes of bound pods, which change nothing here.
  const unwatch = store.watch((e) => {
    const obj = e.object;
    if (obj.kind === 'Node') {
      if (e.type === 'DELETED') cache.removeNode(obj);
      else {
        cache.updateNode(obj);
        unpark();
      }
      return;
    }
    if (e.type === 'DELETED') {
      cache.removePod(obj);
      queue.delete(podKey(namespaceOf(obj), obj.metadata.name));
      if (obj.spec?.nodeName) unpark();
      return;
    }
    cache.updatePod(obj);
    if (needsScheduling(obj)) enqueue(obj);
    else if (obj.status?.phase === 'Succeeded' || obj.status?.phase === 'Failed') unpark();
  }, ['Pod', 'Node']);

  return {
    resync,
    stop() {
      unwatch();
      if (timer) clock.cancel(timer.id);
    },
  };
}
