// ReplicationController and ReplicaSet: one implementation, as upstream runs
// the RC through the ReplicaSet code (pkg/controller/replicaset,
// pkg/controller/replication; runtime-semantics §2). One sync: list the
// namespace's active pods, claim them, create or delete the difference to
// spec.replicas (at most 500, slow start, deletions by the real ranking), then
// write status. Pod watch events enqueue the pod's controller, or for an
// orphan every owner of this kind in its namespace whose selector matches it
// (the owners' selectors are indexed from their own watch events).

import { selectorFromLabelSelector, selectorFromMap, type Selector } from '../../api/selectors';
import { jsonEqual } from '../apply-merge';
import type { ClusterComponent, ClusterCore, ComponentFactory } from '../cluster';
import type { KubeObject, WatchEvent } from '../types';
import { controllerOf } from '../owner-references';
import { claim } from './controller-ref';
import { isActive, isAvailable, isReady, msUntilAvailable } from './pod-state';
import { BURST_REPLICAS, childWriter, podFromTemplate, slowStartBatch } from './pod-writes';
import { podsToDelete } from './ranking';
import { SelectorIndex } from './selector-index';
import { createWorkQueue, keyOf, splitKey, type ReconcileResult } from './workqueue';

interface ReplicatedKind {
  kind: 'ReplicationController' | 'ReplicaSet';
  component: string;
  /** undefined when the stored selector cannot be converted (the sync does nothing). */
  selector(owner: KubeObject): Selector | undefined;
}

const RC: ReplicatedKind = {
  kind: 'ReplicationController',
  component: 'replication-controller',
  // An RC's map selector; an empty one would select everything, which validation forbids.
  selector: (rc) => selectorFromMap(rc.spec?.selector ?? rc.spec?.template?.metadata?.labels),
};

const RS: ReplicatedKind = {
  kind: 'ReplicaSet',
  component: 'replicaset-controller',
  selector: (rs) => selectorFromLabelSelector(rs.spec?.selector),
};

/** calculateStatus: counts over the owned active pods, before this sync's own creates and deletes. */
function replicaStatus(owner: KubeObject, owned: readonly KubeObject[], nowMs: number): { status: any; requeueAfter?: number } {
  const templateLabels: Record<string, string> = owner.spec?.template?.metadata?.labels ?? {};
  const minReady = Number(owner.spec?.minReadySeconds ?? 0);
  const fullyLabeled = owned.filter((p) => Object.entries(templateLabels).every(([k, v]) => p.metadata.labels?.[k] === v)).length;
  const ready = owned.filter(isReady);
  const available = ready.filter((p) => isAvailable(p, minReady, nowMs)).length;
  const waits = ready.map((p) => msUntilAvailable(p, minReady, nowMs) ?? 0).filter((ms) => ms > 0);
  const status: any = { ...owner.status, replicas: owned.length, fullyLabeledReplicas: fullyLabeled, readyReplicas: ready.length, availableReplicas: available, observedGeneration: owner.metadata.generation };
  // Zero counts are omitted on the wire (omitempty), except replicas.
  for (const k of ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas'] as const) if (!status[k]) delete status[k];
  return { status, requeueAfter: waits.length ? Math.min(...waits) : undefined };
}

function startReplicated(def: ReplicatedKind, core: ClusterCore): ClusterComponent {
  const { store, clock } = core;
  const writer = childWriter(core, def.component);

  const sync = (key: string): ReconcileResult | void => {
    const { namespace, name } = splitKey(key);
    const owner = store.get(def.kind, namespace, name);
    if (!owner) return;
    const selector = def.selector(owner);
    if (!selector) return;
    const active = store.list('Pod', { namespace }).filter(isActive);
    const owned = claim(store, owner, selector, active);
    const { status, requeueAfter } = replicaStatus(owner, owned, clock.now());

    const diff = owned.length - Number(owner.spec?.replicas ?? 1);
    if (!owner.metadata.deletionTimestamp) {
      if (diff < 0) {
        const manifest = () => podFromTemplate(owner, owner.spec?.template);
        if (Object.keys(owner.spec?.template?.metadata?.labels ?? {}).length === 0) {
          core.events.record(owner, 'Warning', 'FailedCreate', 'Error creating: unable to create pods, no labels', { component: def.component });
        } else {
          slowStartBatch(Math.min(-diff, BURST_REPLICAS), () => writer.create(owner, manifest()) !== undefined);
        }
      } else if (diff > 0) {
        for (const pod of podsToDelete(owned, owned, Math.min(diff, BURST_REPLICAS), clock.now())) writer.remove(owner, pod);
      }
    }
    const current = store.get(def.kind, namespace, name);
    if (current && !jsonEqual(current.status, status)) store.updateStatus({ ...current, status });
    if (requeueAfter !== undefined) return { requeueAfter };
  };

  const queue = createWorkQueue(clock, def.component, sync);
  const enqueue = (o: KubeObject) => queue.add(keyOf(o.metadata.namespace, o.metadata.name));

  const owners = new SelectorIndex<{ selector: Selector }>();
  const indexOwner = (o: KubeObject, gone = false) => {
    const selector = gone ? undefined : def.selector(o);
    owners.set(o.metadata.namespace ?? 'default', o.metadata.name, selector && { selector });
  };
  const indexAll = () => {
    owners.clear();
    for (const o of store.list(def.kind)) indexOwner(o);
  };

  const onPod = (pod: KubeObject) => {
    const ref = controllerOf(pod);
    if (ref) {
      if (ref.kind === def.kind) queue.add(keyOf(pod.metadata.namespace, ref.name));
      return;
    }
    const ns = pod.metadata.namespace ?? 'default';
    for (const name of owners.selecting(ns, pod.metadata.labels)) queue.add(keyOf(ns, name));
  };

  indexAll();
  const unwatch = store.watch((e: WatchEvent) => {
    if (e.object.kind === 'Pod') return onPod(e.object);
    indexOwner(e.object, e.type === 'DELETED');
    if (e.type !== 'DELETED') enqueue(e.object);
  }, [def.kind, 'Pod']);

  return {
    resync() {
      indexAll();
      for (const o of store.list(def.kind)) enqueue(o);
    },
    stop() {
      unwatch();
      queue.stop();
    },
  };
}

export const startReplicationManager: ComponentFactory = (core) => startReplicated(RC, core);
export const startReplicaSetController: ComponentFactory = (core) => startReplicated(RS, core);
