// The objects of one kind and their indexes: by label, by controller uid and
// (for pods) by node name. Objects live in a NamespacedMap under their
// namespace ('' for cluster-scoped kinds), which is also the by-namespace index.

import type { Selector } from '../../api/selectors';
import { matches } from '../../api/selectors';
import { controllerOf } from '../owner-references';
import type { KubeObject, ListOptions } from '../types';
import { IndexSet, type Members } from './index-set';
import { isNamespacedKind } from './keys';
import { NamespacedMap } from './namespaced-map';

/** ListOptions plus the store's by-owner index. */
export interface StoreListOptions extends ListOptions {
  /** Only objects whose controller ownerReference has this uid (an informer's by-owner index). */
  ownerUid?: string;
}

/** Unscheduled pods sit under "" so the scheduler's `spec.nodeName=` query is indexed too. */
const nodeOf = (o: KubeObject | undefined) => (o?.kind === 'Pod' ? String(o.spec?.nodeName ?? '') : undefined);
const controllerUidOf = (o: KubeObject | undefined) => (o ? controllerOf(o)?.uid : undefined);

/** What an unlabeled object's labels read as: one shared object, not one per write. */
const NO_LABELS: Readonly<Record<string, string>> = Object.freeze({});

/** Moves (namespace, name) from index entry `from` to `to` (undefined: in none). */
function moveEntry(ix: IndexSet, namespace: string, name: string, from: string | undefined, to: string | undefined): void {
  if (from === to) return;
  if (from !== undefined) ix.delete(from, namespace, name);
  if (to !== undefined) ix.add(to, namespace, name);
}

/** Where a list looks for its answers, and how many it would look at. */
interface Candidates {
  members: NamespacedMap<unknown>;
  size: number;
}

export class KindTable {
  readonly objects = new NamespacedMap<KubeObject>();
  private readonly byLabel = new Map<string, IndexSet>();
  private readonly byNode = new IndexSet();
  private readonly byOwner = new IndexSet();
  /** Whether objects of this kind live in namespaces; for cluster-scoped kinds every lookup goes to ''. */
  private readonly namespaced: boolean;

  constructor(kind: string) {
    this.namespaced = isNamespacedKind(kind);
  }

  /** The object a client names: a cluster-scoped kind ignores the namespace given. */
  lookup(namespace: string | undefined, name: string): KubeObject | undefined {
    return this.objects.get(this.namespaced ? namespace || '' : '', name);
  }

  /** Stores `next` under (namespace, name) (replacing `prev`), moving only the index entries that changed. */
  set(namespace: string, name: string, next: KubeObject, prev: KubeObject | undefined): void {
    this.objects.set(namespace, name, next);
    this.reindex(namespace, name, prev, next);
  }

  /** Stores a new object under (namespace, name); false, changing nothing, when the name is taken. */
  add(namespace: string, name: string, obj: KubeObject): boolean {
    if (!this.objects.add(namespace, name, obj)) return false;
    this.reindex(namespace, name, undefined, obj);
    return true;
  }

  drop(namespace: string, name: string, prev: KubeObject): void {
    this.objects.delete(namespace, name);
    this.reindex(namespace, name, prev, undefined);
  }

  // A status write or a relabel leaves most entries alone; re-adding them would also throw away their sorted order.
  private reindex(namespace: string, name: string, prev: KubeObject | undefined, next: KubeObject | undefined): void {
    const pl: Readonly<Record<string, string>> = prev?.metadata.labels ?? NO_LABELS;
    const nl: Readonly<Record<string, string>> = next?.metadata.labels ?? NO_LABELS;
    for (const k in pl) if (nl[k] !== pl[k]) this.byLabel.get(k)?.delete(pl[k], namespace, name);
    for (const k in nl) {
      if (pl[k] === nl[k]) continue;
      let ix = this.byLabel.get(k);
      if (!ix) this.byLabel.set(k, (ix = new IndexSet()));
      ix.add(nl[k], namespace, name);
    }
    moveEntry(this.byNode, namespace, name, nodeOf(prev), nodeOf(next));
    moveEntry(this.byOwner, namespace, name, controllerUidOf(prev), controllerUidOf(next));
  }

  /** The objects that pass `opts`, in etcd's key order (namespace, then name). */
  list(opts: StoreListOptions): KubeObject[] {
    const sel: Selector | undefined = opts.selector;
    if (sel?.nothing) return [];
    const ns = opts.namespace || undefined;
    const from = this.candidates(opts, ns);
    const out: KubeObject[] = [];
    from?.forEachSorted((namespace, names) => {
      const objects = this.objects.group(namespace);
      if (!objects) return;
      for (const name of names) {
        const o = objects.get(name);
        if (!o) continue;
        if (opts.fieldNodeName !== undefined && (o.spec?.nodeName ?? '') !== opts.fieldNodeName) continue;
        if (opts.ownerUid !== undefined && controllerUidOf(o) !== opts.ownerUid) continue;
        if (sel && sel.requirements.length > 0 && !matches(sel, o.metadata.labels)) continue;
        out.push(o);
      }
    }, ns);
    return out;
  }

  /** The smallest index entry that holds every answer (the whole table without one); undefined when none can match. */
  private candidates(opts: StoreListOptions, ns: string | undefined): NamespacedMap<unknown> | undefined {
    let best: Candidates = { members: this.objects, size: ns ? this.objects.sizeIn(ns) : this.objects.size };
    const consider = (members: Members | undefined) => {
      const size = members ? (ns ? members.sizeIn(ns) : members.size) : 0;
      if (size < best.size) best = { members: members ?? EMPTY, size };
    };
    if (opts.fieldNodeName !== undefined) consider(this.byNode.get(opts.fieldNodeName));
    if (opts.ownerUid !== undefined) consider(this.byOwner.get(opts.ownerUid));
    for (const r of opts.selector?.requirements ?? []) {
      if (r.operator !== 'In' && r.operator !== 'Exists') continue;
      const ix = this.byLabel.get(r.key);
      if (!ix) return undefined;
      if (r.operator === 'In' && r.values.length === 1) consider(ix.get(r.values[0]));
      else consider(r.operator === 'In' ? ix.union((v) => r.values.includes(v)) : ix.union(() => true));
    }
    return best.members;
  }
}

const EMPTY: Members = new NamespacedMap();
