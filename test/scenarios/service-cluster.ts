// The cluster the Service and node-failure scenarios run on (the default
// composition, controllers included), the kubectl-shaped views the scenarios
// assert on, and the book's kubia RC and Service they all start from.

import { createCluster, type Cluster } from '../../runtime/src/cluster/cluster';
import { printTable } from '../../runtime/src/cluster/printers/tables';
import type { ProxyDeps } from '../../runtime/src/cluster/services/requests';

export function serviceCluster(seed = 'services'): Cluster {
  return createCluster({ seed });
}

export const proxyDeps = (c: Cluster): ProxyDeps => ({ store: c.store, rng: c.rng, clock: c.clock, kubelets: c.kubelets });

/** `kubectl get <kind>` in the default namespace (cluster-scoped kinds ignore it). */
export function kubectlGet(c: Cluster, kind: string, opts: { wide?: boolean } = {}): string {
  const namespaced = kind !== 'Node';
  return printTable(kind, c.store.list(kind, namespaced ? { namespace: 'default' } : {}), { now: c.clock.now(), wide: opts.wide });
}

/** The rows of a printed table as cells, header first. */
export function rows(table: string): string[][] {
  return table.trimEnd().split('\n').map((l) => l.split(/\s{2,}/));
}

export function created<T extends { ok: boolean }>(r: T): T {
  if (!r.ok) throw new Error(`not created: ${JSON.stringify(r)}`);
  return r;
}

export const KUBIA_RC = {
  apiVersion: 'v1',
  kind: 'ReplicationController',
  metadata: { name: 'kubia' },
  spec: {
    replicas: 3,
    selector: { app: 'kubia' },
    template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia', ports: [{ containerPort: 8080 }] }] } },
  },
};

export const KUBIA_SVC = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'kubia' },
  spec: { ports: [{ port: 80, targetPort: 8080 }], selector: { app: 'kubia' } },
};
