// A multi-map from an index value to the (namespace, name) of objects,
// updated by deltas on every write so a lookup costs what it returns
// (ARCHITECTURE: label-indexed queries). Each value's members are a
// NamespacedMap, which keeps them in key order between membership changes.

import { NamespacedMap } from './namespaced-map';

export type Members = NamespacedMap<true>;

/** Emptied values kept before a sweep, at the least (see IndexSet.delete). */
const KEPT_EMPTY = 64;

export class IndexSet {
  private readonly map = new Map<string, Members>();
  /** How many values in `map` have no members left. */
  private empty = 0;

  add(value: string, namespace: string, name: string): void {
    let m = this.map.get(value);
    if (!m) this.map.set(value, (m = new NamespacedMap()));
    else if (m.size === 0) this.empty--;
    m.set(namespace, name, true);
  }

  delete(value: string, namespace: string, name: string): void {
    const m = this.map.get(value);
    if (!m?.delete(namespace, name) || m.size > 0) return;
    // An emptied value stays until emptied ones are many. A value that empties
    // and fills again (the unscheduled pods' "", each pod passing through) would
    // otherwise be deleted and added back every time, and a V8 Map keeps each
    // deleted entry in its key's chain until it rehashes: every lookup of that
    // key would walk one more of them.
    if (++this.empty > Math.max(KEPT_EMPTY, this.map.size / 2)) {
      for (const [v, members] of this.map) if (members.size === 0) this.map.delete(v);
      this.empty = 0;
    }
  }

  get(value: string): Members | undefined {
    return this.map.get(value);
  }

  /** Members under every value that passes `accept` (Exists / NotIn style lookups). */
  union(accept: (value: string) => boolean): Members {
    const out: Members = new NamespacedMap();
    for (const [v, m] of this.map) if (accept(v)) m.forEach((ns, name) => out.set(ns, name, true));
    return out;
  }
}
