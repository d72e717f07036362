// A multi-map from an index value to object keys, updated by deltas on every
// write so a lookup costs what it returns (ARCHITECTURE: label-indexed queries).
// Each value's keys are also kept in key order, sorted lazily and only again
// after that value's membership changed, so a list in etcd's order does not
// sort on every call.

interface Bucket {
  keys: Set<string>;
  sorted?: string[];
}

export class IndexSet {
  private readonly map = new Map<string, Bucket>();

  add(value: string, key: string): void {
    let b = this.map.get(value);
    if (!b) this.map.set(value, (b = { keys: new Set() }));
    if (b.keys.has(key)) return;
    b.keys.add(key);
    b.sorted = undefined;
  }

  delete(value: string, key: string): void {
    const b = this.map.get(value);
    if (!b || !b.keys.delete(key)) return;
    b.sorted = undefined;
    if (b.keys.size === 0) this.map.delete(value);
  }

  get(value: string): ReadonlySet<string> {
    return this.map.get(value)?.keys ?? EMPTY;
  }

  /** The keys under `value` in key order. */
  sorted(value: string): readonly string[] {
    const b = this.map.get(value);
    if (!b) return NONE;
    b.sorted ??= sortKeys(b.keys);
    return b.sorted;
  }

  /** Keys under every value whose entry passes `accept` (Exists / NotIn style lookups). */
  union(accept: (value: string) => boolean): Set<string> {
    const out = new Set<string>();
    for (const [v, b] of this.map) if (accept(v)) for (const k of b.keys) out.add(k);
    return out;
  }
}

/** Keys in etcd's order (byte order of `namespace/name`). */
export function sortKeys(keys: Iterable<string>): string[] {
  return [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const EMPTY: ReadonlySet<string> = new Set();
const NONE: readonly string[] = Object.freeze([]);
