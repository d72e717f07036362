// Reading and dropping ownerReferences: the controller reference is read by the
// store's owner index, the scheduler's spreading, the controllers' claim step
// and the describe texts; a reference is dropped on release and on orphaning.

import type { KubeObject, OwnerReference } from './types';

/** metav1.GetControllerOf: the one ownerReference with `controller: true`. */
export function controllerOf(o: KubeObject): OwnerReference | undefined {
  // `?.`: the describe printers also hand over objects as a user wrote them.
  return o.metadata?.ownerReferences?.find((r) => r.controller === true);
}

/** The object without its reference to `uid`; with none left the field goes, as an apiserver round trip drops it. */
export function withoutOwnerRef(o: KubeObject, uid: string): KubeObject {
  const kept = (o.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
  const metadata = { ...o.metadata, ownerReferences: kept };
  if (kept.length === 0) delete (metadata as { ownerReferences?: unknown }).ownerReferences;
  return { ...o, metadata };
}
