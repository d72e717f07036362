// The garbage collector (runtime-semantics §10): a graph of ownerReferences by
// uid, maintained from watch events. Background: a dependent whose owners are
// all absent is deleted. Foreground: the owner waits (finalizer
// `foregroundDeletion`) until its blocking dependents are gone. Orphan: the
// owner's refs are stripped from its dependents before the owner goes.

import { deleteObject, FINALIZER_FOREGROUND, FINALIZER_ORPHAN } from './deletion';
import { withoutOwnerRef } from './owner-references';
import { resourceForKind } from './resources';
import type { MemoryStore } from './store/store';
import type { Clock, KubeObject, OwnerReference, WatchEvent } from './types';

interface Ref {
  kind: string;
  namespace?: string;
  name: string;
}

const refOf = (o: KubeObject): Ref => ({ kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name });
const NO_REFS: readonly OwnerReference[] = Object.freeze([]);
const ownerRefsOf = (o: KubeObject): readonly OwnerReference[] => o.metadata.ownerReferences ?? NO_REFS;

export interface GarbageCollector {
  stop(): void;
  /** Rebuilds the graph from the store and acts on whatever is pending (after a restore). */
  resync(): void;
}

/**
 * The graph holds only dependents (objects with ownerReferences), by uid: an
 * object without owners is reached through its dependents' references, so
 * Events and bare pods cost the collector nothing to keep.
 */
export function startGarbageCollector(deps: { store: MemoryStore; clock: Clock }): GarbageCollector {
  const { store } = deps;
  /** Owner uid → the uids of its dependents. */
  const dependents = new Map<string, Set<string>>();
  /** Each dependent's last seen version, by uid: its edges are removed before a new version's are added. */
  const tracked = new Map<string, KubeObject>();

  const lookup = (r: Ref) => store.get(r.kind, r.namespace, r.name);

  const index = (o: KubeObject) => {
    const refs = ownerRefsOf(o);
    if (refs.length === 0) return;
    const uid = o.metadata.uid;
    tracked.set(uid, o);
    for (const ref of refs) {
      let s = dependents.get(ref.uid);
      if (!s) dependents.set(ref.uid, (s = new Set()));
      s.add(uid);
    }
  };
  const unindex = (uid: string) => {
    const prev = tracked.get(uid);
    if (!prev) return;
    tracked.delete(uid);
    for (const ref of ownerRefsOf(prev)) dependents.get(ref.uid)?.delete(uid);
  };

  /**
   * isDangling: the owner is looked up by the reference's kind and name, in
   * the dependent's namespace unless the kind is cluster-scoped, and counts
   * only with the same uid.
   */
  const ownerOf = (dep: KubeObject, ref: OwnerReference): KubeObject | undefined => {
    const owner = store.get(ref.kind, dep.metadata.namespace, ref.name);
    return owner && owner.metadata.uid === ref.uid ? owner : undefined;
  };

  const deleteDependent = (dep: KubeObject, propagationPolicy: 'Background' | 'Foreground') => {
    const info = resourceForKind(dep.kind);
    if (info && !dep.metadata.deletionTimestamp) deleteObject(deps, info, dep.metadata.namespace, dep.metadata.name, { propagationPolicy });
  };

  /** A dependent whose owners are all gone is collected; one with a live owner loses only the dangling refs. */
  const reconcileDependent = (dep: KubeObject) => {
    const owners = ownerRefsOf(dep);
    if (owners.length === 0) return;
    const present = owners.filter((r) => ownerOf(dep, r) !== undefined);
    if (present.length === 0) deleteDependent(dep, 'Background');
    else if (present.length < owners.length) store.update({ ...dep, metadata: { ...dep.metadata, ownerReferences: present } });
  };

  /** The stored dependents of `uid`, the most recently written last (index() re-adds on every write). */
  const dependentsOf = (uid: string): KubeObject[] => {
    const out: KubeObject[] = [];
    for (const depUid of dependents.get(uid) ?? []) {
      const seen = tracked.get(depUid);
      const o = seen && lookup(refOf(seen));
      if (o && o.metadata.uid === depUid) out.push(o);
    }
    return out;
  };

  const dropFinalizer = (o: KubeObject, f: string) =>
    store.update({ ...o, metadata: { ...o.metadata, finalizers: (o.metadata.finalizers ?? []).filter((x) => x !== f) } });

  const reconcileOwner = (o: KubeObject) => {
    if (!o.metadata.deletionTimestamp) return;
    const fins = o.metadata.finalizers ?? [];
    const uid = o.metadata.uid;
    if (fins.includes(FINALIZER_ORPHAN)) {
      for (const d of dependentsOf(uid)) store.update(withoutOwnerRef(d, uid));
      dropFinalizer(o, FINALIZER_ORPHAN);
    } else if (fins.includes(FINALIZER_FOREGROUND)) {
      const blocking = dependentsOf(uid).filter((d) => (d.metadata.ownerReferences ?? []).some((r) => r.uid === uid && r.blockOwnerDeletion));
      for (const d of blocking) deleteDependent(d, 'Foreground');
      if (blocking.length === 0) dropFinalizer(o, FINALIZER_FOREGROUND);
    }
  };

  /** An owner is gone: its dependents are collected or lose the dangling reference. */
  const ownerGone = (uid: string) => {
    for (const d of dependentsOf(uid)) reconcileDependent(d);
    dependents.delete(uid);
  };

  const onEvent = (e: WatchEvent) => {
    const o = e.object;
    const { uid, ownerReferences, deletionTimestamp } = o.metadata;
    // Most objects never had owners (bare pods, Events): they matter only as owners.
    // With no dependent tracked at all, the lookup (and hashing each new Event's uid) is skipped.
    if (!ownerReferences?.length && (tracked.size === 0 || !tracked.has(uid))) {
      if (e.type === 'DELETED') ownerGone(uid);
      else if (deletionTimestamp) reconcileOwner(o);
      return;
    }
    const refs = ownerRefsOf(o);
    const ownersOfThis = refs.map((r) => ownerOf(o, r)).filter((r): r is KubeObject => !!r);
    if (e.type === 'DELETED') {
      unindex(uid);
      ownerGone(uid);
    } else {
      unindex(uid);
      index(o);
      reconcileDependent(o);
      reconcileOwner(o);
    }
    // A dependent going away may unblock a foreground owner (re-read: the reconcile above may have written).
    for (const r of ownersOfThis) {
      const owner = lookup(refOf(r));
      if (owner) reconcileOwner(owner);
    }
  };

  const stopWatch = store.watch(onEvent);
  return {
    stop: stopWatch,
    resync() {
      dependents.clear();
      tracked.clear();
      const all = store.kinds().flatMap((k) => store.list(k));
      for (const o of all) index(o);
      for (const o of all) {
        reconcileDependent(o);
        reconcileOwner(o);
      }
    },
  };
}
