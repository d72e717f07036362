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

/** Deep equality of JSON values, key order ignored. */
export function jsonEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => jsonEqual(a[k], b[k]));
  }
  return false;
}
