// The garbage collector (runtime-semantics §10): a graph of ownerReferences by
// uid, maintained from watch events. Background: a dependent whose owners are
// all absent is deleted. Foreground: the owner waits (finalizer
// `foregroundDeletion`) until its blocking dependents are gone. Orphan: the
// owner's refs are stripped from its dependents before the owner goes.

import { deleteObject, FINALIZER_FOREGROUND, FINALIZER_ORPHAN } from './deletion';
import { objectKey } from './store/keys';
import { resourceForKind } from './resources';
import type { MemoryStore } from './store/store';
import type { Clock, KubeObject, OwnerReference, WatchEvent } from './types';

interface Ref {
  kind: string;
  namespace?: string;
  name: string;
}

const refKey = (r: Ref) => `${r.kind}|${objectKey(r.namespace, r.name)}`;
const refOf = (o: KubeObject): Ref => ({ kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name });

export interface GarbageCollector {
  stop(): void;
  /** Rebuilds the graph from the store and acts on whatever is pending (after a restore). */
  resync(): void;
}

export function startGarbageCollector(deps: { store: MemoryStore; clock: Clock }): GarbageCollector {
  const { store } = deps;
  const byUid = new Map<string, Ref>();
  const dependents = new Map<string, Set<string>>();
  const refs = new Map<string, Ref>();

  const lookup = (r: Ref) => store.get(r.kind, r.namespace, r.name);

  const index = (o: KubeObject) => {
    byUid.set(o.metadata.uid, refOf(o));
    const k = refKey(refOf(o));
    refs.set(k, refOf(o));
    for (const ref of o.metadata.ownerReferences ?? []) {
      let s = dependents.get(ref.uid);
      if (!s) dependents.set(ref.uid, (s = new Set()));
      s.add(k);
    }
  };
  const unindex = (o: KubeObject) => {
    byUid.delete(o.metadata.uid);
    const k = refKey(refOf(o));
    for (const ref of o.metadata.ownerReferences ?? []) dependents.get(ref.uid)?.delete(k);
  };

  /** An owner counts as present only with the same uid, in the dependent's namespace or cluster-scoped. */
  const ownerPresent = (dep: KubeObject, ref: OwnerReference) => {
    const r = byUid.get(ref.uid);
    if (!r) return false;
    const owner = lookup(r);
    return !!owner && owner.metadata.uid === ref.uid && (!owner.metadata.namespace || owner.metadata.namespace === dep.metadata.namespace);
  };

  const deleteDependent = (dep: KubeObject, propagationPolicy: 'Background' | 'Foreground') => {
    const info = resourceForKind(dep.kind);
    if (info && !dep.metadata.deletionTimestamp) deleteObject(deps, info, dep.metadata.namespace, dep.metadata.name, { propagationPolicy });
  };

  /** A dependent whose owners are all gone is collected; one with a live owner loses only the dangling refs. */
  const reconcileDependent = (dep: KubeObject) => {
    const owners = dep.metadata.ownerReferences ?? [];
    if (owners.length === 0) return;
    const present = owners.filter((r) => ownerPresent(dep, r));
    if (present.length === 0) deleteDependent(dep, 'Background');
    else if (present.length < owners.length) store.update({ ...dep, metadata: { ...dep.metadata, ownerReferences: present } });
  };

  const dependentsOf = (uid: string) =>
    [...(dependents.get(uid) ?? [])].map((k) => refs.get(k)).flatMap((r) => (r ? [lookup(r)] : [])).filter((o): o is KubeObject => !!o);

  const dropFinalizer = (o: KubeObject, f: string) =>
    store.update({ ...o, metadata: { ...o.metadata, finalizers: (o.metadata.finalizers ?? []).filter((x) => x !== f) } });

  const reconcileOwner = (o: KubeObject) => {
    if (!o.metadata.deletionTimestamp) return;
    const fins = o.metadata.finalizers ?? [];
    const uid = o.metadata.uid;
    if (fins.includes(FINALIZER_ORPHAN)) {
      for (const d of dependentsOf(uid)) {
        const kept = (d.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
        const metadata = { ...d.metadata, ownerReferences: kept };
        if (kept.length === 0) delete (metadata as { ownerReferences?: unknown }).ownerReferences;
        store.update({ ...d, metadata });
      }
      dropFinalizer(o, FINALIZER_ORPHAN);
    } else if (fins.includes(FINALIZER_FOREGROUND)) {
      const blocking = dependentsOf(uid).filter((d) => (d.metadata.ownerReferences ?? []).some((r) => r.uid === uid && r.blockOwnerDeletion));
      for (const d of blocking) deleteDependent(d, 'Foreground');
      if (blocking.length === 0) dropFinalizer(o, FINALIZER_FOREGROUND);
    }
  };

  const onEvent = (e: WatchEvent) => {
    const o = e.object;
    const ownersOfThis = (o.metadata.ownerReferences ?? []).map((r) => byUid.get(r.uid)).filter((r): r is Ref => !!r);
    if (e.type === 'DELETED') {
      unindex(o);
      for (const d of dependentsOf(o.metadata.uid)) reconcileDependent(d);
      dependents.delete(o.metadata.uid);
    } else {
      unindex(lookupPrevious(o) ?? o);
      index(o);
      reconcileDependent(o);
      reconcileOwner(o);
    }
    // A dependent going away may unblock a foreground owner.
    for (const r of ownersOfThis) {
      const owner = lookup(r);
      if (owner) reconcileOwner(owner);
    }
  };
  // The version last seen per object: its edges are removed before the new version's are added.
  const previous = new Map<string, KubeObject>();
  const lookupPrevious = (o: KubeObject) => previous.get(refKey(refOf(o)));
  const track = (e: WatchEvent) => {
    const k = refKey(refOf(e.object));
    onEvent(e);
    if (e.type === 'DELETED') previous.delete(k);
    else previous.set(k, e.object);
  };

  const stopWatch = store.watch(track);
  return {
    stop: stopWatch,
    resync() {
      byUid.clear();
      dependents.clear();
      refs.clear();
      previous.clear();
      const all = store.kinds().flatMap((k) => store.list(k));
      for (const o of all) {
        index(o);
        previous.set(refKey(refOf(o)), o);
      }
      for (const o of all) {
        reconcileDependent(o);
        reconcileOwner(o);
      }
    },
  };
}
