// Controller references and the claim step every workload controller runs
// before acting (pkg/controller/controller_ref_manager.go, runtime-semantics §2
// step 2): keep owned pods that still match, release owned pods that no longer
// match, adopt matching orphans, ignore pods another controller owns.

import { matches, type Selector } from '../../api/selectors';
import type { KubeObject, ObjectStore, OwnerReference } from '../types';

/** metav1.NewControllerRef. */
export function newControllerRef(owner: KubeObject): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true };
}

/** metav1.GetControllerOf: the one ownerReference with `controller: true`. */
export function controllerOf(o: KubeObject): OwnerReference | undefined {
  return (o.metadata.ownerReferences ?? []).find((r) => r.controller === true);
}

export function isControlledBy(o: KubeObject, owner: KubeObject): boolean {
  return controllerOf(o)?.uid === owner.metadata.uid;
}

function withoutRef(o: KubeObject, uid: string): KubeObject {
  const kept = (o.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
  const metadata = { ...o.metadata, ownerReferences: kept };
  if (kept.length === 0) delete (metadata as { ownerReferences?: unknown }).ownerReferences;
  return { ...o, metadata };
}

/**
 * ClaimObjects: returns the objects this owner controls after adopting and
 * releasing (writing both through the store). Adoption is skipped while the
 * owner or the object is being deleted, as upstream does.
 */
export function claim(store: ObjectStore, owner: KubeObject, selector: Selector, candidates: readonly KubeObject[]): KubeObject[] {
  const owned: KubeObject[] = [];
  const ownerDeleting = owner.metadata.deletionTimestamp !== undefined;
  for (const o of candidates) {
    const ref = controllerOf(o);
    const fits = matches(selector, o.metadata.labels);
    if (ref) {
      if (ref.uid !== owner.metadata.uid) continue;
      if (fits || ownerDeleting) owned.push(o);
      else store.update(withoutRef(o, owner.metadata.uid));
    } else if (fits && !ownerDeleting && !o.metadata.deletionTimestamp) {
      const refs = [...(o.metadata.ownerReferences ?? []), newControllerRef(owner)];
      owned.push(store.update({ ...o, metadata: { ...o.metadata, ownerReferences: refs } }));
    }
  }
  return owned;
}
