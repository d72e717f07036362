// How workload controllers create and delete their children
// (pkg/controller/controller_utils.go RealPodControl, slowStartBatch): a child
// is the owner's template plus a controller ownerRef and generateName
// `<owner>-`, created through the same admission path as user requests (so a
// terminating namespace or an invalid template refuses it with the API
// server's text); deletions are graceful DELETEs. Each outcome is an event
// from the controller's component.

import { createObject, type AdmissionContext } from '../admission';
import type { ClusterCore } from '../cluster';
import { deleteObject, type Propagation } from '../deletion';
import { resourceForKind } from '../resources';
import type { KubeObject } from '../types';
import { newControllerRef } from './controller-ref';

/** burstReplicas: the most children one sync creates or deletes. */
export const BURST_REPLICAS = 500;

export interface ChildExtras {
  labels?: Record<string, string>;
  finalizers?: string[];
  /** Replaces the template's pod spec (DaemonSet node affinity and tolerations). */
  spec?: any;
}

/** GetPodFromTemplate: labels, annotations, finalizers and spec of the template; namespace and controllerRef of the owner. */
export function podFromTemplate(owner: KubeObject, template: any, extras: ChildExtras = {}): unknown {
  const meta = template?.metadata ?? {};
  const metadata: Record<string, unknown> = {
    generateName: `${owner.metadata.name}-`,
    namespace: owner.metadata.namespace,
    ownerReferences: [newControllerRef(owner)],
  };
  const labels = { ...meta.labels, ...extras.labels };
  if (Object.keys(labels).length) metadata.labels = labels;
  if (meta.annotations && Object.keys(meta.annotations).length) metadata.annotations = { ...meta.annotations };
  const finalizers = [...(meta.finalizers ?? []), ...(extras.finalizers ?? [])];
  if (finalizers.length) metadata.finalizers = finalizers;
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: structuredClone(extras.spec ?? template?.spec ?? {}) };
}

/**
 * slowStartBatch: batches of 1, 2, 4, … so a systematic failure (quota, a bad
 * template) costs one request rather than hundreds; any error in a batch stops
 * the remaining batches. Returns how many attempts succeeded.
 */
export function slowStartBatch(count: number, attempt: () => boolean): number {
  let done = 0;
  for (let batch = 1; done < count; batch *= 2) {
    const size = Math.min(batch, count - done);
    let ok = 0;
    for (let i = 0; i < size; i++) if (attempt()) ok++;
    done += size;
    if (ok < size) return done - (size - ok);
  }
  return done;
}

export interface ChildWriter {
  /** Creates one child; records SuccessfulCreate or FailedCreate. */
  create(owner: KubeObject, manifest: unknown, what?: 'pod' | 'job'): KubeObject | undefined;
  /** Deletes one child; records SuccessfulDelete. */
  remove(owner: KubeObject, child: KubeObject, propagationPolicy?: Propagation): boolean;
}

export function childWriter(core: ClusterCore, component: string): ChildWriter {
  const admission: AdmissionContext = { store: core.store, rng: core.rng, clock: core.clock, minor: core.minor, podBodies: core.podBodies };
  const source = { component };
  return {
    create(owner, manifest, what = 'pod') {
      const r = createObject(admission, manifest);
      if (!r.ok) {
        core.events.record(owner, 'Warning', 'FailedCreate', `Error creating: ${r.error.message}`, source);
        return undefined;
      }
      const message = what === 'pod' ? `Created pod: ${r.object.metadata.name}` : `Created job ${r.object.metadata.name}`;
      core.events.record(owner, 'Normal', 'SuccessfulCreate', message, source);
      return r.object;
    },
    remove(owner, child, propagationPolicy) {
      const info = resourceForKind(child.kind);
      if (!info) return false;
      const r = deleteObject({ store: core.store, clock: core.clock }, info, child.metadata.namespace, child.metadata.name, { propagationPolicy });
      if (!r.ok) return false;
      const message = child.kind === 'Pod' ? `Deleted pod: ${child.metadata.name}` : `Deleted job ${child.metadata.name}`;
      core.events.record(owner, 'Normal', 'SuccessfulDelete', message, source);
      return true;
    },
  };
}
