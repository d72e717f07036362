// Controller references and the claim step every workload controller runs
// before acting (pkg/controller/controller_ref_manager.go, runtime-semantics §2
// step 2): keep owned pods that still match, release owned pods that no longer
// match, adopt matching orphans, ignore pods another controller owns.

import { matches, type Selector } from '../../api/selectors';
import { controllerOf, withoutOwnerRef } from '../owner-references';
import type { KubeObject, ObjectStore, OwnerReference } from '../types';

/** metav1.NewControllerRef. */
export function newControllerRef(owner: KubeObject): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true };
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
      else store.update(withoutOwnerRef(o, owner.metadata.uid));
    } else if (fits && !ownerDeleting && !o.metadata.deletionTimestamp) {
      const refs = [...(o.metadata.ownerReferences ?? []), newControllerRef(owner)];
      owned.push(store.update({ ...o, metadata: { ...o.metadata, ownerReferences: refs } }));
    }
  }
  return owned;
}
