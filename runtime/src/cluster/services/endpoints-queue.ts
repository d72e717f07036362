// The endpoints controller's work queue. A pod event used to queue every
// Service of the pod's namespace, in name order, at the point the event
// arrived; the Services the pod does not concern then recomputed nothing. This
// queue keeps that order of Endpoints writes while recomputing only the
// Services a pod concerns: the first pod event of a namespace in a batch
// queues the namespace's sweep, and the sweep, when its turn comes,
// recomputes in name order the Services that this batch's pod events — or
// Service events for Services that already existed then — asked for. A
// Service queued on its own before the sweep, or created after it, keeps its
// own place, as it did in the namespace-wide queueing. A sweep is queued (and
// the queue's timer armed) exactly when that queueing would have queued
// something, so this controller also keeps its turn among the others.

import { createWorkQueue, keyOf, splitKey } from '../controllers/workqueue';
import type { Clock } from '../types';

export interface EndpointsQueue {
  /** A Service event (or a resync) for this Service; `created` = an ADDED event. */
  service(namespace: string, name: string, created: boolean): void;
  /** A pod event in this namespace, which concerns these Services. */
  pod(namespace: string, services: readonly string[]): void;
  stop(): void;
}

export function createEndpointsQueue(clock: Clock, sync: (namespace: string, name: string) => void): EndpointsQueue {
  // The queue key of a namespace's sweep (no Service has an empty name), built once per namespace:
  // every pod event asks for it, and a new string would be hashed anew each time.
  const sweepKeys = new Map<string, string>();
  const sweepKey = (namespace: string) => {
    let key = sweepKeys.get(namespace);
    if (key === undefined) sweepKeys.set(namespace, (key = keyOf(namespace, '')));
    return key;
  };
  /** Per namespace with a sweep to run: the Services it is to recompute. */
  const swept = new Map<string, Set<string>>();

  const sweep = (namespace: string) => {
    const names = [...(swept.get(namespace) ?? [])].sort();
    swept.delete(namespace);
    names.forEach((name, i) => {
      try {
        sync(namespace, name);
      } catch (error) {
        // The work queue retries the sweep with backoff: it must still hold what this run did not finish.
        swept.set(namespace, new Set(names.slice(i)));
        throw error;
      }
    });
  };
  const queue = createWorkQueue(clock, 'endpoint-controller', (key) => {
    const { namespace, name } = splitKey(key);
    if (name === '') sweep(namespace);
    else sync(namespace, name);
  });

  const sweepOf = (namespace: string) => {
    let names = swept.get(namespace);
    if (!names) swept.set(namespace, (names = new Set()));
    return names;
  };
  const waiting = (namespace: string, name: string) => queue.has(keyOf(namespace, name)) || swept.get(namespace)?.has(name) === true;

  return {
    service(namespace, name, created) {
      if (waiting(namespace, name)) return;
      if (!created && queue.has(sweepKey(namespace))) sweepOf(namespace).add(name);
      else queue.add(keyOf(namespace, name));
    },
    pod(namespace, services) {
      queue.add(sweepKey(namespace));
      for (const name of services) if (!waiting(namespace, name)) sweepOf(namespace).add(name);
    },
    stop: () => queue.stop(),
  };
}
