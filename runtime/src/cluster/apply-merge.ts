// kubectl's client-side apply (runtime-semantics §1): a three-way strategic
// merge of the last-applied configuration, the new manifest and the live
// object (CreateThreeWayMergePatch, then applying the patch to the live
// object). Fields the manifest sets win; fields it dropped since the last
// apply are deleted; fields it never set (status, spec.nodeName, replicas
// changed by `kubectl scale`, defaults such as a container's imagePullPolicy)
// survive. Lists with a patch merge key (merge-keys.ts) merge element by
// element the same way; every other list is replaced whole.

import { listStrategies, type ListStrategies, type ListStrategy } from './merge-keys';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

type Json = unknown;

function isMap(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The object `kubectl apply` leaves behind for a manifest of `kind`. */
export function threeWayMerge(kind: string, last: Json, desired: Json, live: Json): Json {
  return mergeValue(listStrategies(kind), '', last, desired, live);
}

function mergeValue(lists: ListStrategies, path: string, last: Json, desired: Json, live: Json): Json {
  if (Array.isArray(desired)) {
    const strategy = lists.get(path);
    return strategy ? mergeList(lists, path, strategy, last, desired, live) : desired;
  }
  if (!isMap(desired) || !isMap(live)) return desired;
  const out: Record<string, Json> = { ...live };
  const lastMap = isMap(last) ? last : {};
  for (const [k, v] of Object.entries(desired)) out[k] = mergeValue(lists, path ? `${path}.${k}` : k, lastMap[k], v, live[k]);
  for (const k of Object.keys(lastMap)) if (!(k in desired)) delete out[k];
  return out;
}

/**
 * A merged list: the manifest's elements in its order, each merged with the
 * live element of the same key; then the live elements someone else added
 * (never in the last-applied list), in their order. Elements dropped from the
 * manifest since the last apply go. (Real kubectl interleaves those server-only
 * elements by their live positions with `$setElementOrder`; they are rare.)
 */
function mergeList(lists: ListStrategies, path: string, strategy: ListStrategy, last: Json, desired: Json[], live: Json): Json[] {
  const liveItems = Array.isArray(live) ? live : [];
  const lastItems = Array.isArray(last) ? last : [];
  const identity = (x: Json): Json => (strategy.merge === 'set' ? x : isMap(x) ? x[strategy.key] : undefined);
  const find = (items: Json[], id: Json) => (id === undefined ? undefined : items.find((x) => identity(x) === id));
  const merged = desired.map((d) => {
    const current = find(liveItems, identity(d));
    if (current === undefined || strategy.merge === 'set') return d;
    const m = mergeValue(lists, `${path}[]`, find(lastItems, identity(d)), d, current);
    // retainKeys: fields the manifest's element lacks are cleared, so switching a volume's source leaves no trace of the old one.
    return strategy.retainKeys && isMap(m) && isMap(d) ? Object.fromEntries(Object.entries(m).filter(([k]) => k in d)) : m;
  });
  const owned = (x: Json) => find(desired, identity(x)) !== undefined || find(lastItems, identity(x)) !== undefined;
  return [...merged, ...liveItems.filter((x) => identity(x) !== undefined && !owned(x))];
}

/**
 * Deep equality of JSON values, key order ignored, keys holding undefined
 * ignored (as JSON drops them). Allocation-free: the kubelet and controllers
 * call it on every sync to skip writes that would change nothing.
 */
export function jsonEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (!isMap(a) || !isMap(b)) return false;
  let defined = 0;
  for (const k in a) {
    if (a[k] === undefined) continue;
    defined++;
    if (!jsonEqual(a[k], b[k])) return false;
  }
  for (const k in b) if (b[k] !== undefined) defined--;
  return defined === 0;
}
