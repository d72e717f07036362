// DELETE as the API server handles it (runtime-semantics §1, §10): graceful
// pod deletion, finalizers, propagation policies and the protected namespaces.
// Removing dependents is the garbage collector's job (garbage-collector.ts);
// here the owner only gets its deletionTimestamp and finalizers.

import { parseRfc3339, rfc3339 } from './clock';
import * as errors from './api-error';
import type { ApiError } from './api-error';
import { qualifiedResource, type ResourceInfo } from './resources';
import type { Clock, KubeObject, ObjectStore } from './types';

export type Propagation = 'Background' | 'Foreground' | 'Orphan';

export interface DeleteOptions {
  /** kubectl always sends one (`--cascade`, default background); absent means the kind's default. */
  propagationPolicy?: Propagation;
  gracePeriodSeconds?: number;
}

export type DeleteResult = { ok: true; object: KubeObject; removed: boolean; warnings: string[] } | { ok: false; error: ApiError };

/** The three namespaces the API server refuses to delete. */
const PROTECTED_NAMESPACES = new Set(['default', 'kube-system', 'kube-public']);
const DEFAULT_GRACE_SECONDS = 30;

export const FINALIZER_FOREGROUND = 'foregroundDeletion';
export const FINALIZER_ORPHAN = 'orphan';

const JOB_ORPHAN_WARNING =
  'child pods are preserved by default when jobs are deleted; set propagationPolicy=Background to remove them or set propagationPolicy=Orphan to suppress this warning';

/** DefaultGarbageCollectionPolicy: batch/v1 Job orphans, everything else cascades in the background. */
function defaultPropagation(kind: string): Propagation {
  return kind === 'Job' ? 'Orphan' : 'Background';
}

/** pod/strategy.go CheckGracefulDelete. */
function podGracePeriod(pod: KubeObject, requested: number | undefined): number {
  let grace = requested ?? pod.spec?.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS;
  const phase = pod.status?.phase;
  if (!pod.spec?.nodeName || phase === 'Succeeded' || phase === 'Failed') grace = 0;
  if (grace < 0) grace = 1;
  return grace;
}

export function deleteObject(
  deps: { store: ObjectStore; clock: Clock },
  info: ResourceInfo,
  namespace: string | undefined,
  name: string,
  opts: DeleteOptions = {},
): DeleteResult {
  const { store, clock } = deps;
  const live = store.get(info.kind, info.namespaced ? namespace : undefined, name);
  if (!live) return { ok: false, error: errors.notFound(qualifiedResource(info), name) };
  if (info.kind === 'Namespace' && PROTECTED_NAMESPACES.has(name))
    return { ok: false, error: errors.forbidden(`namespaces "${name}" is forbidden: this namespace may not be deleted`) };

  const warnings: string[] = [];
  const policy = opts.propagationPolicy ?? defaultPropagation(info.kind);
  if (!opts.propagationPolicy && info.kind === 'Job') warnings.push(JOB_ORPHAN_WARNING);

  const finalizers = [...(live.metadata.finalizers ?? [])];
  if (info.kind !== 'Pod' && info.kind !== 'Namespace') {
    if (policy === 'Foreground' && !finalizers.includes(FINALIZER_FOREGROUND)) finalizers.push(FINALIZER_FOREGROUND);
    if (policy === 'Orphan' && !finalizers.includes(FINALIZER_ORPHAN)) finalizers.push(FINALIZER_ORPHAN);
  }
  const grace = info.kind === 'Pod' ? podGracePeriod(live, opts.gracePeriodSeconds) : 0;

  if (info.kind === 'Namespace') {
    // The namespace controller empties it, then drops the `kubernetes` finalizer (namespaces.ts).
    if (live.metadata.deletionTimestamp) return { ok: true, object: live, removed: false, warnings };
    const object = store.update({
      ...live,
      metadata: { ...live.metadata, deletionTimestamp: rfc3339(clock.now()), deletionGracePeriodSeconds: 0 },
      status: { ...live.status, phase: 'Terminating' },
    });
    return { ok: true, object, removed: false, warnings };
  }
  if (finalizers.length === 0 && grace === 0) {
    store.remove(info.kind, live.metadata.namespace, name);
    return { ok: true, object: live, removed: true, warnings };
  }
  // A second delete may shorten the grace period but never restarts it.
  const existingMs = parseRfc3339(live.metadata.deletionTimestamp) ?? Infinity;
  const deadline = Math.min(existingMs, clock.now() + grace * 1000);
  const object = store.update({
    ...live,
    metadata: { ...live.metadata, finalizers, deletionTimestamp: rfc3339(deadline), deletionGracePeriodSeconds: grace },
  });
  return { ok: true, object, removed: false, warnings };
}
