// kubectl's client-side apply (runtime-semantics §1): a three-way merge of the
// last-applied configuration, the new manifest and the live object. Fields the
// manifest sets win; fields it dropped since the last apply are deleted; fields
// it never set (status, spec.nodeName, replicas changed by `kubectl scale`)
// survive. Lists are replaced as a whole: a simplification of strategic merge
// that gives the same result whenever the manifest lists every element.

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

type Json = unknown;

function isMap(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function threeWayMerge(last: Json, desired: Json, live: Json): Json {
  if (!isMap(desired) || !isMap(live)) return desired;
  const out: Record<string, Json> = { ...live };
  const lastMap = isMap(last) ? last : {};
  for (const [k, v] of Object.entries(desired)) out[k] = threeWayMerge(lastMap[k], v, live[k]);
  for (const k of Object.keys(lastMap)) if (!(k in desired)) delete out[k];
  return out;
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
