// (namespace, name) → value, grouped by namespace ('' for cluster-scoped
// kinds). The store holds its objects and its index entries this way so that
// neither a write nor a lookup builds a `namespace/name` key string: the
// names are the objects' own strings. Each namespace keeps its names' order
// until one comes or goes, so listing in etcd's key order does not sort on
// every call.

import { objectKey } from './keys';

interface Group<V> {
  readonly entries: Map<string, V>;
  sorted?: readonly string[];
}

export type Visit<V> = (namespace: string, name: string, value: V) => void;
/** Called with names of one namespace in order: a caller resolving them elsewhere looks that namespace up once. */
export type VisitNames = (namespace: string, names: readonly string[]) => void;

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class NamespacedMap<V> {
  private readonly groups = new Map<string, Group<V>>();
  /** The namespaces in key order; rebuilt after one appears or empties. */
  private namespaceOrder?: readonly string[];
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(namespace: string, name: string): V | undefined {
    return this.groups.get(namespace)?.entries.get(name);
  }

  has(namespace: string, name: string): boolean {
    return this.groups.get(namespace)?.entries.has(name) ?? false;
  }

  set(namespace: string, name: string, value: V): void {
    let g = this.groups.get(namespace);
    if (!g) {
      this.groups.set(namespace, (g = { entries: new Map() }));
      this.namespaceOrder = undefined;
    }
    // Telling a new name by the size, rather than asking first, probes the map once.
    const before = g.entries.size;
    g.entries.set(name, value);
    if (g.entries.size !== before) {
      g.sorted = undefined;
      this.count++;
    }
  }

  /** Sets (namespace, name) to `value` unless the name is taken there; false, changing nothing, when it is. */
  add(namespace: string, name: string, value: V): boolean {
    let g = this.groups.get(namespace);
    if (!g) {
      this.groups.set(namespace, (g = { entries: new Map() }));
      this.namespaceOrder = undefined;
    } else if (g.entries.has(name)) return false;
    // Right after the miss, the insert finds the map's bucket still in cache: a cold probe in a large map is what costs.
    g.entries.set(name, value);
    g.sorted = undefined;
    this.count++;
    return true;
  }

  delete(namespace: string, name: string): boolean {
    const g = this.groups.get(namespace);
    if (!g || !g.entries.delete(name)) return false;
    g.sorted = undefined;
    this.count--;
    if (g.entries.size === 0) {
      this.groups.delete(namespace);
      this.namespaceOrder = undefined;
    }
    return true;
  }

  /** The entries of one namespace by name. */
  group(namespace: string): ReadonlyMap<string, V> | undefined {
    return this.groups.get(namespace)?.entries;
  }

  /** How many entries `namespace` holds. */
  sizeIn(namespace: string): number {
    return this.groups.get(namespace)?.entries.size ?? 0;
  }

  /** Every entry in insertion order, namespace by namespace. */
  forEach(visit: Visit<V>): void {
    for (const [ns, g] of this.groups) for (const [name, v] of g.entries) visit(ns, name, v);
  }

  /** The names (only those in `namespace` when given) in etcd's order: byte order of objectKey(namespace, name). */
  forEachSorted(visit: VisitNames, namespace?: string): void {
    if (namespace !== undefined) {
      const g = this.groups.get(namespace);
      if (g) visit(namespace, sortedNames(g));
      return;
    }
    // A namespaced kind's object without a namespace is keyed by its bare name,
    // which sorts among the other namespaces' keys: only then are keys compared whole.
    if (this.groups.has('') && this.groups.size > 1) return this.forEachByWholeKey(visit);
    // No namespace contains '/', so `ns/` prefixes that differ decide the order before any name does.
    this.namespaceOrder ??= [...this.groups.keys()].sort((a, b) => byCodeUnits(`${a}/`, `${b}/`));
    for (const ns of this.namespaceOrder) visit(ns, sortedNames(this.groups.get(ns)!));
  }

  private forEachByWholeKey(visit: VisitNames): void {
    const all: { key: string; namespace: string; name: string }[] = [];
    this.forEach((namespace, name) => all.push({ key: objectKey(namespace, name), namespace, name }));
    all.sort((a, b) => byCodeUnits(a.key, b.key));
    for (const e of all) visit(e.namespace, [e.name]);
  }
}

function sortedNames<V>(g: Group<V>): readonly string[] {
  g.sorted ??= [...g.entries.keys()].sort(byCodeUnits);
  return g.sorted;
}
