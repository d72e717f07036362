// The spec a bind writes: the pod's own with spec.nodeName set. Pods admitted
// from one manifest or template share their frozen spec (pod-body-memo.ts),
// so all of them bound to one node get equal specs: one copy per spec and
// node is shared by them, instead of a copy per pod that every later version
// of the pod keeps alive, and frozen like the spec it copies (a write through
// one pod must fail, not change its siblings). Any other spec gets a copy of
// its own.

type Spec = Record<string, unknown>;

const byNode = new WeakMap<Spec, Map<string, Spec>>();

export function boundSpec(spec: Spec | undefined, node: string): Spec {
  if (!spec || !Object.isFrozen(spec)) return { ...spec, nodeName: node };
  let bound = byNode.get(spec);
  if (!bound) byNode.set(spec, (bound = new Map()));
  let shared = bound.get(node);
  if (!shared) bound.set(node, (shared = Object.freeze({ ...spec, nodeName: node })));
  return shared;
}
