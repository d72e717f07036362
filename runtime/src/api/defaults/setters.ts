// Writing defaults the way the generated Go defaulters do: a struct field held
// by value always exists, a pointer is set only when nil, a plain field only
// when it holds its zero value.
import { isRecord, type Obj } from '../values';

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
