// Reading plain data from decoded manifests. Defaulting, validation and the
// static pipeline read objects that came from YAML and may be half-typed while
// the user types, so every read goes through these guards instead of casts.

export type Obj = Record<string, unknown>;

export function isRecord(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function asRecord(v: unknown): Obj | undefined {
  return isRecord(v) ? v : undefined;
}

export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function asString(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** Go's zero value for an absent int32 field. */
export function asInt(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}

/** A map[string]string as Go sees it: non-string values are dropped (decode reports them). */
export function asStringMap(v: unknown): Record<string, string> | undefined {
  if (!isRecord(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
}

export function isEmptyMap(v: unknown): boolean {
  return !isRecord(v) || Object.keys(v).length === 0;
}
