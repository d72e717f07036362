// The in-memory object store (runtime-semantics §1): one global resourceVersion
// counter, uids and generateName from the seeded Rng, creationTimestamp from the
// virtual clock, generation bumped only on spec changes, per-kind indexes by
// namespace, label, controller uid and (for pods) node name, and a queued watch stream.
//
// Stored objects are shared, never copied on read: callers must treat what
// get/list return as read-only and write a modified copy back (STYLE §18).

import type { Selector } from '../../api/selectors';
import { matches } from '../../api/selectors';
import { jsonEqual } from '../apply-merge';
import { rfc3339 } from '../clock';
import { controllerOf } from '../owner-references';
import type { Clock, KubeObject, ListOptions, ObjectMeta, ObjectStore, Rng, WatchEvent } from '../types';
import { IndexSet, sortKeys } from './index-set';
import { isNamespacedKind, objectKey } from './keys';

/** generate.go: the prefix is cut to 58 characters so prefix + 5 fits a 63-character label. */
export const MAX_GENERATE_PREFIX = 58;

/** Kinds whose metadata.generation is maintained (runtime-semantics §1). */
const GENERATION_KINDS = new Set(['Pod', 'ReplicationController', 'ReplicaSet', 'DaemonSet', 'Deployment', 'Job', 'CronJob']);

/** How many past watch events a watch from an old resourceVersion can replay before 410 Gone. */
const WATCH_HISTORY = 10_000;

/** Unscheduled pods sit under "" so the scheduler's `spec.nodeName=` query is indexed too. */
const nodeOf = (o: KubeObject | undefined) => (o?.kind === 'Pod' ? String(o.spec?.nodeName ?? '') : undefined);
const controllerUidOf = (o: KubeObject | undefined) => (o ? controllerOf(o)?.uid : undefined);

/** Moves `key` from index entry `from` to `to` (undefined: in none). */
function moveEntry(ix: IndexSet, key: string, from: string | undefined, to: string | undefined): void {
  if (from === to) return;
  if (from !== undefined) ix.delete(from, key);
  if (to !== undefined) ix.add(to, key);
}

class KindTable {
  readonly objects = new Map<string, KubeObject>();
  readonly byNamespace = new IndexSet();
  readonly byLabel = new Map<string, IndexSet>();
  readonly byNode = new IndexSet();
  readonly byOwner = new IndexSet();
  /** Every key in key order; rebuilt only after a create or a removal. */
  private allSorted?: string[];

  /** Stores `next` under `key` (replacing `prev`), moving only the index entries that changed. */
  set(key: string, next: KubeObject, prev: KubeObject | undefined): void {
    if (!prev) this.allSorted = undefined;
    this.objects.set(key, next);
    this.reindex(key, prev, next);
  }

  drop(key: string, prev: KubeObject): void {
    this.objects.delete(key);
    this.allSorted = undefined;
    this.reindex(key, prev, undefined);
  }

  // A status write or a relabel leaves most entries alone; re-adding them would also throw away their sorted order.
  private reindex(key: string, prev: KubeObject | undefined, next: KubeObject | undefined): void {
    // Cluster-scoped objects (no or an empty namespace) are in no namespace entry.
    moveEntry(this.byNamespace, key, prev?.metadata.namespace || undefined, next?.metadata.namespace || undefined);
    const pl: Record<string, string> = prev?.metadata.labels ?? {};
    const nl: Record<string, string> = next?.metadata.labels ?? {};
    for (const k in pl) if (nl[k] !== pl[k]) this.byLabel.get(k)?.delete(pl[k], key);
    for (const k in nl) {
      if (pl[k] === nl[k]) continue;
      let ix = this.byLabel.get(k);
      if (!ix) this.byLabel.set(k, (ix = new IndexSet()));
      ix.add(nl[k], key);
    }
    moveEntry(this.byNode, key, nodeOf(prev), nodeOf(next));
    moveEntry(this.byOwner, key, controllerUidOf(prev), controllerUidOf(next));
  }

  /** The keys, in key order, of the smallest index entry that contains every answer (all keys without one). */
  candidates(opts: StoreListOptions): readonly string[] {
    let best: { size: number; keys: () => readonly string[] } | undefined;
    const consider = (size: number, keys: () => readonly string[]) => {
      if (!best || size < best.size) best = { size, keys };
    };
    const ns = opts.namespace;
    if (ns) consider(this.byNamespace.get(ns).size, () => this.byNamespace.sorted(ns));
    const node = opts.fieldNodeName;
    if (node !== undefined) consider(this.byNode.get(node).size, () => this.byNode.sorted(node));
    const owner = opts.ownerUid;
    if (owner !== undefined) consider(this.byOwner.get(owner).size, () => this.byOwner.sorted(owner));
    for (const r of opts.selector?.requirements ?? []) {
      const ix = this.byLabel.get(r.key);
      if (r.operator === 'In' || r.operator === 'Exists') {
        if (!ix) return [];
        if (r.operator === 'In' && r.values.length === 1) consider(ix.get(r.values[0]).size, () => ix.sorted(r.values[0]));
        else {
          const union = r.operator === 'In' ? ix.union((v) => r.values.includes(v)) : ix.union(() => true);
          consider(union.size, () => sortKeys(union));
        }
      }
    }
    if (best) return best.keys();
    this.allSorted ??= sortKeys(this.objects.keys());
    return this.allSorted;
  }
}

/** ListOptions plus the store's by-owner index. */
export interface StoreListOptions extends ListOptions {
  /** Only objects whose controller ownerReference has this uid (an informer's by-owner index). */
  ownerUid?: string;
}

export interface StoreChanges {
  puts: KubeObject[];
  removals: { kind: string; namespace?: string; name: string }[];
}

export interface StoreDump {
  resourceVersion: number;
  objects: KubeObject[];
}

export interface MemoryStore extends ObjectStore {
  list(kind: string, opts?: StoreListOptions): KubeObject[];
  /** The global counter (a list's resourceVersion). */
  resourceVersion(): number;
  /** Delivers queued watch events, including those queued by handlers while draining; returns how many. */
  drain(): number;
  /** Replays events after `rv`, then follows; `{ gone: true }` when `rv` is older than the kept history. */
  watchFrom(rv: number, handler: (e: WatchEvent) => void, kinds?: string[]): { stop: () => void } | { gone: true };
  kinds(): string[];
  count(kind: string): number;
  /**
   * Objects written and removed since the last call (the persistence journal's
   * unit); always empty in a store created with `recordChanges: false`.
   */
  takeChanges(): StoreChanges;
  dump(): StoreDump;
  /** Replaces the contents (restore); emits no events and records no changes. */
  load(d: StoreDump): void;
}

interface Watcher {
  handler: (e: WatchEvent) => void;
  kinds?: ReadonlySet<string>;
}

/**
 * `{ ...base, ...over }` without the keys whose value ends up undefined (JSON
 * drops them anyway), in the same key order, built without `delete`: deleting
 * a key would turn each stored metadata object into a slow dictionary-mode
 * object for every later read.
 */
function withDefined<T extends object>(base: T, over: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  const from = base as Record<string, unknown>;
  for (const k in from) {
    const v = k in over ? over[k] : from[k];
    if (v !== undefined) out[k] = v;
  }
  for (const k in over) if (!(k in from) && over[k] !== undefined) out[k] = over[k];
  return out as T;
}

export interface StoreOptions {
  clock: Clock;
  rng: Rng;
  /**
   * Whether writes are noted for takeChanges (default true). Only persistence
   * empties that journal: a store no one persists would otherwise keep an
   * entry for every object it ever held.
   */
  recordChanges?: boolean;
}

export function createStore(deps: StoreOptions): MemoryStore {
  const tables = new Map<string, KindTable>();
  let rv = 0;
  // Pending watch events; `head` is the next to deliver (an index, so draining is linear).
  let queue: WatchEvent[] = [];
  let head = 0;
  const history: WatchEvent[] = [];
  const watchers = new Set<Watcher>();
  const dirty = new Map<string, { kind: string; namespace?: string; name: string }>();

  const table = (kind: string) => {
    let t = tables.get(kind);
    if (!t) tables.set(kind, (t = new KindTable()));
    return t;
  };
  const keyOf = (o: KubeObject) => objectKey(o.metadata.namespace, o.metadata.name);
  const recording = deps.recordChanges ?? true;
  const markDirty = (kind: string, namespace: string | undefined, name: string) => {
    if (recording) dirty.set(`${kind}|${objectKey(namespace, name)}`, { kind, namespace, name });
  };

  const emit = (type: WatchEvent['type'], object: KubeObject) => {
    const e: WatchEvent = { type, object, resourceVersion: rv };
    queue.push(e);
    history.push(e);
    if (history.length > WATCH_HISTORY * 2) history.splice(0, history.length - WATCH_HISTORY);
  };

  const put = (t: KindTable, key: string, next: KubeObject, prev: KubeObject | undefined) => {
    t.set(key, next, prev);
    markDirty(next.kind, next.metadata.namespace, next.metadata.name);
  };

  // Writers go through admission, which answers NotFound first: a miss here is a bug, not user input.
  const existing = (obj: KubeObject) => {
    const t = table(obj.kind);
    const key = keyOf(obj);
    const prev = t.objects.get(key);
    if (!prev) throw new Error(`store: ${obj.kind} ${key} not found`);
    return { t, key, prev };
  };

  const uniqueName = (t: KindTable, namespace: string | undefined, prefix: string) => {
    // RetryGenerateName: newer apiservers draw again on a clash instead of failing.
    for (;;) {
      const name = prefix.slice(0, MAX_GENERATE_PREFIX) + deps.rng.suffix();
      if (!t.objects.has(objectKey(namespace, name))) return name;
    }
  };

  // A Namespace also waits for its spec.finalizers (`kubernetes`), which the namespace controller drops.
  const removeFinished = (o: KubeObject) =>
    o.metadata.deletionTimestamp !== undefined &&
    !(o.metadata.finalizers?.length) &&
    !(o.kind === 'Namespace' && o.spec?.finalizers?.length) &&
    (o.metadata.deletionGracePeriodSeconds ?? 0) === 0;

  const store: MemoryStore = {
    get: (kind, namespace, name) => tables.get(kind)?.objects.get(objectKey(isNamespacedKind(kind) ? namespace : undefined, name)),

    list(kind, opts = {}) {
      const t = tables.get(kind);
      if (!t) return [];
      const sel: Selector | undefined = opts.selector;
      if (sel?.nothing) return [];
      const out: KubeObject[] = [];
      // etcd returns keys in order (namespace, then name): the candidates already come that way.
      for (const k of t.candidates(opts)) {
        const o = t.objects.get(k);
        if (!o) continue;
        if (opts.namespace && o.metadata.namespace !== opts.namespace) continue;
        if (opts.fieldNodeName !== undefined && (o.spec?.nodeName ?? '') !== opts.fieldNodeName) continue;
        if (opts.ownerUid !== undefined && controllerUidOf(o) !== opts.ownerUid) continue;
        if (sel && sel.requirements.length > 0 && !matches(sel, o.metadata.labels)) continue;
        out.push(o);
      }
      return out;
    },

    create(obj) {
      const t = table(obj.kind);
      const namespace = isNamespacedKind(obj.kind) ? obj.metadata.namespace ?? 'default' : undefined;
      const name = obj.metadata.name || uniqueName(t, namespace, obj.metadata.generateName ?? '');
      const key = objectKey(namespace, name);
      if (t.objects.has(key)) throw new Error(`store: ${obj.kind} ${key} already exists`);
      rv++;
      const metadata: ObjectMeta = withDefined(obj.metadata, {
        name,
        // Admission draws the uid before PrepareForCreate (a Job's controller-uid labels use it); keep it.
        uid: obj.metadata.uid || deps.rng.uid(),
        resourceVersion: String(rv),
        creationTimestamp: obj.metadata.creationTimestamp || rfc3339(deps.clock.now()),
        labels: obj.metadata.labels ? { ...obj.metadata.labels } : undefined,
        namespace: namespace || undefined,
        ...(GENERATION_KINDS.has(obj.kind) ? { generation: 1 } : {}),
      });
      const stored: KubeObject = { ...obj, metadata };
      put(t, key, stored, undefined);
      emit('ADDED', stored);
      return stored;
    },

    update(obj) {
      const { t, key, prev } = existing(obj);
      rv++;
      let generation = prev.metadata.generation;
      if (generation !== undefined) {
        // Semantic equality as apiequality.Semantic.DeepEqual: key order is no change.
        if (!jsonEqual(prev.spec, obj.spec)) generation++;
        // markAsDeleting bumps generation once when deletion starts.
        else if (!prev.metadata.deletionTimestamp && obj.metadata.deletionTimestamp) generation++;
      }
      const metadata: ObjectMeta = withDefined(obj.metadata, {
        uid: prev.metadata.uid,
        creationTimestamp: prev.metadata.creationTimestamp,
        // A set deletionTimestamp is never cleared.
        deletionTimestamp: prev.metadata.deletionTimestamp ?? obj.metadata.deletionTimestamp,
        resourceVersion: String(rv),
        labels: obj.metadata.labels ? { ...obj.metadata.labels } : undefined,
        generation,
      });
      const stored: KubeObject = { ...obj, metadata };
      if (removeFinished(stored)) {
        t.drop(key, prev);
        markDirty(obj.kind, obj.metadata.namespace, obj.metadata.name);
        emit('DELETED', stored);
        return stored;
      }
      put(t, key, stored, prev);
      emit('MODIFIED', stored);
      return stored;
    },

    updateStatus(obj) {
      const { t, key, prev } = existing(obj);
      rv++;
      const stored: KubeObject = { ...prev, status: obj.status, metadata: { ...prev.metadata, resourceVersion: String(rv) } };
      t.objects.set(key, stored);
      markDirty(obj.kind, obj.metadata.namespace, obj.metadata.name);
      emit('MODIFIED', stored);
      return stored;
    },

    remove(kind, namespace, name) {
      const t = tables.get(kind);
      const key = objectKey(isNamespacedKind(kind) ? namespace : undefined, name);
      const prev = t?.objects.get(key);
      if (!t || !prev) return;
      rv++;
      t.drop(key, prev);
      markDirty(kind, prev.metadata.namespace, name);
      emit('DELETED', { ...prev, metadata: { ...prev.metadata, resourceVersion: String(rv) } });
    },

    watch(handler, kinds) {
      const w: Watcher = { handler, kinds: kinds ? new Set(kinds) : undefined };
      watchers.add(w);
      return () => watchers.delete(w);
    },

    watchFrom(from, handler, kinds) {
      const oldest = history.length ? history[0].resourceVersion : rv + 1;
      if (from + 1 < oldest && from < rv) return { gone: true };
      const wanted = kinds ? new Set(kinds) : undefined;
      // Only events already delivered are replayed; queued ones reach the new watcher on the next drain.
      const delivered = Math.max(0, history.length - (queue.length - head));
      for (let i = 0; i < delivered; i++) {
        const e = history[i];
        if (e.resourceVersion > from && (!wanted || wanted.has(e.object.kind))) handler(e);
      }
      return { stop: store.watch(handler, kinds) };
    },

    resourceVersion: () => rv,

    drain() {
      let n = 0;
      while (head < queue.length) {
        const e = queue[head++];
        n++;
        for (const w of [...watchers]) if (!w.kinds || w.kinds.has(e.object.kind)) w.handler(e);
      }
      queue = [];
      head = 0;
      return n;
    },

    kinds: () => [...tables.keys()].filter((k) => tables.get(k)!.objects.size > 0).sort(),
    count: (kind) => tables.get(kind)?.objects.size ?? 0,

    takeChanges() {
      const puts: KubeObject[] = [];
      const removals: StoreChanges['removals'] = [];
      for (const d of dirty.values()) {
        const o = store.get(d.kind, d.namespace, d.name);
        if (o) puts.push(o);
        else removals.push(d);
      }
      dirty.clear();
      return { puts, removals };
    },

    dump: () => ({ resourceVersion: rv, objects: [...tables.values()].flatMap((t) => [...t.objects.values()]) }),

    load(d) {
      tables.clear();
      queue = [];
      head = 0;
      history.length = 0;
      dirty.clear();
      for (const o of d.objects) {
        const t = table(o.kind);
        t.set(keyOf(o), o, undefined);
      }
      rv = d.resourceVersion;
    },
  };
  return store;
}
