// The selecting objects of one kind by namespace, as a controller's informer
// cache holds them: what maps a pod event to the owners or Services it
// concerns (upstream getPodReplicaSets, getPodServiceMemberships) without
// listing the pod's namespace on every pod write. It follows the watch events
// the controller receives, so a namespace with none of them costs one map
// lookup per pod event.

import { matches, type Selector } from '../../api/selectors';

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const NONE: readonly string[] = Object.freeze([]);

/** An entry without a selector is known to be there but selects nothing. */
export class SelectorIndex<T extends { selector?: Selector }> {
  private readonly byNamespace = new Map<string, Map<string, T>>();

  /** Records the entry of `namespace/name`; undefined removes it. */
  set(namespace: string, name: string, entry: T | undefined): void {
    let entries = this.byNamespace.get(namespace);
    if (entry === undefined) {
      if (entries?.delete(name) && entries.size === 0) this.byNamespace.delete(namespace);
      return;
    }
    if (!entries) this.byNamespace.set(namespace, (entries = new Map()));
    entries.set(name, entry);
  }

  get(namespace: string, name: string): T | undefined {
    return this.byNamespace.get(namespace)?.get(name);
  }

  /** Whether the namespace has any entry. */
  has(namespace: string): boolean {
    return this.byNamespace.has(namespace);
  }

  /**
   * The names of the namespace's entries whose selector matches `labels`, or
   * that `also` takes (given `arg`, so a caller need not make a closure per
   * call), in name order (the store's list order).
   */
  selecting<A>(namespace: string, labels: Readonly<Record<string, string>> | undefined, also?: (entry: T, arg: A) => boolean, arg?: A): readonly string[] {
    const entries = this.byNamespace.get(namespace);
    if (!entries) return NONE;
    // Most calls select nothing: the list is made only for a first match.
    let out: string[] | undefined;
    for (const [name, entry] of entries) if (also?.(entry, arg as A) || (entry.selector !== undefined && matches(entry.selector, labels))) (out ??= []).push(name);
    if (!out) return NONE;
    return out.length > 1 ? out.sort(byName) : out;
  }

  clear(): void {
    this.byNamespace.clear();
  }
}
