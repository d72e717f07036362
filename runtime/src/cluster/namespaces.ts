// Namespaces (runtime-semantics §1): the four built in, and the namespace
// controller that empties a terminating namespace (pods gracefully), then
// drops the `kubernetes` finalizer so the namespace itself goes.

import { deleteObject } from './deletion';
import { resourceForKind } from './resources';
import type { MemoryStore } from './store/store';
import type { Clock, KubeObject, WatchEvent } from './types';

export const BUILTIN_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'] as const;

export function buildNamespace(name: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, uid: '', resourceVersion: '', creationTimestamp: '', labels: { 'kubernetes.io/metadata.name': name } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

export interface NamespaceController {
  stop(): void;
  resync(): void;
}

export function startNamespaceController(deps: { store: MemoryStore; clock: Clock }): NamespaceController {
  const { store } = deps;
  const namespacedKinds = () => store.kinds().filter((k) => resourceForKind(k)?.namespaced ?? (k !== 'Namespace' && k !== 'Node'));

  const reconcile = (name: string) => {
    const ns = store.get('Namespace', undefined, name);
    if (!ns?.metadata.deletionTimestamp) return;
    let remaining = 0;
    for (const kind of namespacedKinds()) {
      for (const o of store.list(kind, { namespace: name })) {
        remaining++;
        const info = resourceForKind(kind);
        if (info && !o.metadata.deletionTimestamp) deleteObject(deps, info, name, o.metadata.name, { propagationPolicy: 'Background' });
        else if (!info) store.remove(kind, name, o.metadata.name);
      }
    }
    if (remaining === 0 || namespacedKinds().every((k) => store.list(k, { namespace: name }).length === 0)) store.remove('Namespace', undefined, name);
  };

  const onEvent = (e: WatchEvent) => {
    if (e.object.kind === 'Namespace') {
      if (e.type !== 'DELETED') reconcile(e.object.metadata.name);
    } else if (e.type === 'DELETED' && e.object.metadata.namespace) {
      const ns = store.get('Namespace', undefined, e.object.metadata.namespace);
      if (ns?.metadata.deletionTimestamp) reconcile(ns.metadata.name);
    }
  };
  const stop = store.watch(onEvent);
  return {
    stop,
    resync: () => {
      for (const ns of store.list('Namespace')) reconcile(ns.metadata.name);
    },
  };
}
