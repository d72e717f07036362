// The cluster the workload scenarios run in (the default composition: scheduler,
// kubelets and every controller), plus the small queries the book's kubectl
// sessions make (pods of an app, events of an object).

import { createCluster, type Cluster } from '../../runtime/src/cluster/cluster';
import { resolveResource } from '../../runtime/src/cluster/resources';
import type { KubeObject } from '../../runtime/src/cluster/types';

export function workloadCluster(opts: { nodes?: number | string[]; seed?: string } = {}): Cluster {
  return createCluster({ seed: opts.seed ?? 'scenario', nodes: opts.nodes });
}

export function mustCreate(c: Cluster, manifest: unknown): KubeObject {
  const r = c.create(manifest);
  if (!r.ok) throw new Error(r.error.message);
  return r.object;
}

export function pods(c: Cluster, namespace = 'default'): KubeObject[] {
  return c.store.list('Pod', { namespace });
}

/** Pods kubectl lists, without the ones whose deletion is in progress (they show as Terminating). */
export function livePods(c: Cluster, namespace = 'default'): KubeObject[] {
  return pods(c, namespace).filter((p) => !p.metadata.deletionTimestamp);
}

export function eventsOf(c: Cluster, kind: string, name: string, namespace = 'default'): { reason: string; message: string; count: number; type: string; component: string }[] {
  const o = c.store.get(kind, namespace, name);
  return (o ? c.events.eventsFor(o) : []).map((e: any) => ({ reason: e.reason, message: e.message, count: e.count, type: e.type, component: e.source.component }));
}

export function labelPod(c: Cluster, name: string, labels: Record<string, string>): void {
  const p = c.store.get('Pod', 'default', name)!;
  c.store.update({ ...p, metadata: { ...p.metadata, labels: { ...p.metadata.labels, ...labels } } });
  c.tick();
}

export function remove(c: Cluster, resource: string, name: string, propagationPolicy?: 'Background' | 'Foreground' | 'Orphan') {
  const r = c.delete(resolveResource(resource)!, 'default', name, { propagationPolicy });
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

/** `kubectl scale`: a write of spec.replicas (bumps generation). */
export function scale(c: Cluster, kind: string, name: string, replicas: number): void {
  const o = c.store.get(kind, 'default', name)!;
  c.store.update({ ...o, spec: { ...o.spec, replicas } });
  c.tick();
}
