// A small cluster for the scheduler and kubelet unit tests, over the real
// store, clock, events and node operations but without admission: pods are
// written as given, so each test controls exactly what the kubelet sees.

import { createClock } from '../../../runtime/src/cluster/clock';
import { createEventRecorder } from '../../../runtime/src/cluster/events';
import { createNodeOps, defaultNodeName } from '../../../runtime/src/cluster/nodes';
import { createRng } from '../../../runtime/src/cluster/random';
import { createStore } from '../../../runtime/src/cluster/store/store';
import type { KubeObject } from '../../../runtime/src/cluster/types';

export function harness(opts: { nodes?: number } = {}) {
  const clock = createClock();
  const rng = createRng('harness');
  const store = createStore({ clock, rng });
  const events = createEventRecorder({ store, clock });
  const nodes = createNodeOps({ store, clock, events });
  const nodeNames = Array.from({ length: opts.nodes ?? 1 }, (_, i) => defaultNodeName(i));
  for (const n of nodeNames) nodes.add(n);
  const start = clock.now();

  const tick = () => {
    for (;;) {
      const delivered = store.drain();
      const ran = clock.runNext(clock.now());
      if (!delivered && !ran) return;
    }
  };
  const advance = (ms: number) => {
    const target = clock.now() + ms;
    tick();
    while (clock.runNext(target)) tick();
    clock.setNow(target);
    tick();
  };
  /** Seconds of virtual time since the harness started. */
  const elapsed = () => (clock.now() - start) / 1000;

  const pod = (name: string, spec: any, meta: Partial<KubeObject['metadata']> = {}): KubeObject => {
    const created = store.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '', ...meta },
      spec: { restartPolicy: 'Always', terminationGracePeriodSeconds: 30, ...spec },
      status: { phase: 'Pending', qosClass: 'BestEffort' },
    });
    tick();
    return created;
  };
  const get = (name: string) => store.get('Pod', 'default', name);
  const eventsOf = (name: string) => {
    const p = get(name);
    return p ? events.eventsFor(p) : [];
  };
  return { clock, rng, store, events, nodes, nodeNames, tick, advance, elapsed, pod, get, eventsOf };
}
