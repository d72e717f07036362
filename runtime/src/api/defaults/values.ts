// Plain-data access for decoded manifests. Defaulting and the kind validators
// read objects that came from YAML and may be half-typed while the user types,
// so every read goes through these guards instead of casts.

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

/** The child object at `key`, created when absent (for Go struct fields that are never nil). */
export function ensureRecord(parent: Obj, key: string): Obj {
  const cur = parent[key];
  if (isRecord(cur)) return cur;
  const fresh: Obj = {};
  parent[key] = fresh;
  return fresh;
}

/** Sets `key` unless the field is present (Go's `if x == nil { x = d }` for pointers). */
export function setDefault(o: Obj, key: string, value: unknown): void {
  if (o[key] === undefined || o[key] === null) o[key] = value;
}

/** Sets `key` when it holds Go's zero value (`""` or 0): plain string and int fields. */
export function setIfZero(o: Obj, key: string, value: unknown): void {
  const cur = o[key];
  if (cur === undefined || cur === null || cur === '' || cur === 0) o[key] = value;
}

export function deepCopy<T>(v: T): T {
  return structuredClone(v);
}
