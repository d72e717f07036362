// The seeds' cluster for scenario tests: the composed cluster (admission,
// scheduler, one kubelet per node) and what kubectl would print about it.

import { createCluster } from '../../runtime/src/cluster/cluster';
import { describe, printTable } from '../../runtime/src/cluster/printers/index';

export function seedCluster(nodes = 3) {
  const cluster = createCluster({ nodes });
  const pod = (name: string, ns = 'default') => cluster.store.get('Pod', ns, name);
  const kubeletOf = (name: string) => cluster.kubelets.get(pod(name)?.spec?.nodeName ?? '');
  const getPods = (opts: { wide?: boolean } = {}) => printTable('Pod', cluster.store.list('Pod', { namespace: 'default' }), { now: cluster.clock.now(), ...opts });
  const describePod = (name: string) => {
    const p = pod(name)!;
    return describe(p, { events: cluster.events.eventsFor(p), now: cluster.clock.now() });
  };
  /** The row of `kubectl get pods` for one pod, as column → cell (columns found from the header). */
  const row = (name: string, opts: { wide?: boolean } = {}) => {
    const lines = getPods(opts).trimEnd().split('\n');
    const heads = [...lines[0].matchAll(/\S+(?: \S+)*/g)];
    const line = lines.find((l) => l.startsWith(`${name} `)) ?? '';
    return Object.fromEntries(heads.map((h, i) => [h[0], line.slice(h.index, heads[i + 1]?.index).trim()]));
  };
  return { cluster, pod, kubeletOf, getPods, describePod, row };
}
