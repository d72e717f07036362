// The default/kubernetes Service the API server maintains
// (pkg/controlplane/controller/kubernetesservice; runtime-semantics §8, §10):
// created at bootstrap and created again whenever it is deleted, which is why
// `kubectl delete all --all` lists it and it is back a moment later.

import type { MemoryStore } from './store/store';
import type { KubeObject, WatchEvent } from './types';

const KUBERNETES_SERVICE_IP = '10.96.0.1';

export function kubernetesService(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      type: 'ClusterIP', clusterIP: KUBERNETES_SERVICE_IP, clusterIPs: [KUBERNETES_SERVICE_IP], sessionAffinity: 'None', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', internalTrafficPolicy: 'Cluster',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
    },
    status: { loadBalancer: {} },
  };
}

export function startKubernetesServiceController(deps: { store: MemoryStore }): { stop(): void; resync(): void } {
  const { store } = deps;
  const ensure = () => {
    // Only while default exists and is not going away (it cannot be deleted, but a restored state may lack it).
    if (!store.get('Namespace', undefined, 'default') || store.get('Service', 'default', 'kubernetes')) return;
    store.create(kubernetesService());
  };
  const stop = store.watch((e: WatchEvent) => {
    if (e.type === 'DELETED' && e.object.metadata.namespace === 'default' && e.object.metadata.name === 'kubernetes') ensure();
  }, ['Service']);
  return { stop, resync: ensure };
}
