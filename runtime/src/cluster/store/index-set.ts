// A multi-map from an index value to object keys, updated by deltas on every
// write so a lookup costs what it returns (ARCHITECTURE: label-indexed queries).

export class IndexSet {
  private readonly map = new Map<string, Set<string>>();

  add(value: string, key: string): void {
    let s = this.map.get(value);
    if (!s) this.map.set(value, (s = new Set()));
    s.add(key);
  }

  delete(value: string, key: string): void {
    const s = this.map.get(value);
    if (!s) return;
    s.delete(key);
    if (s.size === 0) this.map.delete(value);
  }

  get(value: string): ReadonlySet<string> {
    return this.map.get(value) ?? EMPTY;
  }

  /** Keys under every value whose entry passes `accept` (Exists / NotIn style lookups). */
  union(accept: (value: string) => boolean): Set<string> {
    const out = new Set<string>();
    for (const [v, s] of this.map) if (accept(v)) for (const k of s) out.add(k);
    return out;
  }
}

const EMPTY: ReadonlySet<string> = new Set();
