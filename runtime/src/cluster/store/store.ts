// The in-memory object store (runtime-semantics §1): one global resourceVersion
// counter, uids and generateName from the seeded Rng, creationTimestamp from the
// virtual clock, generation bumped only on spec changes, per-kind indexes by
// namespace, label, controller uid and (for pods) node name, and a queued watch stream.
//
// Stored objects are shared, never copied on read: callers must treat what
// get/list return as read-only and write a modified copy back (STYLE §18).

import { jsonEqual } from '../apply-merge';
import { rfc3339 } from '../clock';
import type { Clock, KubeObject, ObjectMeta, ObjectStore, Rng, WatchEvent } from '../types';
import { KindTable, type StoreListOptions } from './kind-table';
import { isNamespacedKind, objectKey } from './keys';

/** generate.go: the prefix is cut to 58 characters so prefix + 5 fits a 63-character label. */
export const MAX_GENERATE_PREFIX = 58;

/** Kinds whose metadata.generation is maintained (runtime-semantics §1). */
const GENERATION_KINDS = new Set(['Pod', 'ReplicationController', 'ReplicaSet', 'DaemonSet', 'Deployment', 'Job', 'CronJob']);

/** How many past watch events a watch from an old resourceVersion can replay before 410 Gone. */
const WATCH_HISTORY = 10_000;

export interface StoreChanges {
  puts: KubeObject[];
  removals: { kind: string; namespace?: string; name: string }[];
}

export interface StoreDump {
  resourceVersion: number;
  objects: KubeObject[];
}

export interface MemoryStore extends ObjectStore {
  /**
   * create() for an object built for this call alone: the same JSON is
   * stored, but as the object itself rather than a copy, its metadata filled
   * in place, so the caller must not keep or change it (nor its labels).
   * Metadata that already has the keys create() sets (uid and
   * resourceVersion '', creationTimestamp '' or given) is filled without growing.
   */
  adopt(obj: KubeObject): KubeObject;
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
  // Most keys `over` names it also sets, so its value is read first and `in` asked only when it is undefined.
  for (const k in from) {
    let v = over[k];
    if (v === undefined && !(k in over)) v = from[k];
    if (v !== undefined) out[k] = v;
  }
  for (const k in over) {
    const v = over[k];
    if (v !== undefined && !(k in from)) out[k] = v;
  }
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
  // Replaced, never changed in place: a drain delivering an event keeps the array it
  // started with, so a handler that (un)subscribes takes effect from the next event.
  let watchers: readonly Watcher[] = [];
  const watchersByKind = new Map<string, readonly Watcher[]>();
  const setWatchers = (next: readonly Watcher[]) => {
    watchers = next;
    watchersByKind.clear();
  };
  const watchersOf = (kind: string) => {
    let ws = watchersByKind.get(kind);
    if (!ws) watchersByKind.set(kind, (ws = watchers.filter((w) => !w.kinds || w.kinds.has(kind))));
    return ws;
  };
  const dirty = new Map<string, { kind: string; namespace?: string; name: string }>();

  const table = (kind: string) => {
    let t = tables.get(kind);
    if (!t) tables.set(kind, (t = new KindTable(kind)));
    return t;
  };
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

  const put = (t: KindTable, next: KubeObject, prev: KubeObject | undefined) => {
    t.set(next.metadata.namespace || '', next.metadata.name, next, prev);
    markDirty(next.kind, next.metadata.namespace, next.metadata.name);
  };

  // Writers go through admission, which answers NotFound first: a miss here is a bug, not user input.
  // The object is found under the namespace it carries, as it was stored.
  const existing = (obj: KubeObject) => {
    const t = table(obj.kind);
    const prev = t.objects.get(obj.metadata.namespace || '', obj.metadata.name);
    if (!prev) throw new Error(`store: ${obj.kind} ${objectKey(obj.metadata.namespace, obj.metadata.name)} not found`);
    return { t, prev };
  };

  const uniqueName = (t: KindTable, namespace: string | undefined, prefix: string) => {
    // RetryGenerateName: newer apiservers draw again on a clash instead of failing.
    for (;;) {
      const name = prefix.slice(0, MAX_GENERATE_PREFIX) + deps.rng.suffix();
      if (!t.objects.has(namespace || '', name)) return name;
    }
  };

  // A Namespace also waits for its spec.finalizers (`kubernetes`), which the namespace controller drops.
  const removeFinished = (o: KubeObject) =>
    o.metadata.deletionTimestamp !== undefined &&
    !(o.metadata.finalizers?.length) &&
    !(o.kind === 'Namespace' && o.spec?.finalizers?.length) &&
    (o.metadata.deletionGracePeriodSeconds ?? 0) === 0;

  const store: MemoryStore = {
    get: (kind, namespace, name) => tables.get(kind)?.lookup(namespace, name),

    list: (kind, opts = {}) => tables.get(kind)?.list(opts) ?? [],

    create(obj) {
      const t = table(obj.kind);
      const namespace = isNamespacedKind(obj.kind) ? obj.metadata.namespace ?? 'default' : undefined;
      const name = obj.metadata.name || uniqueName(t, namespace, obj.metadata.generateName ?? '');
      if (t.objects.has(namespace || '', name)) throw new Error(`store: ${obj.kind} ${objectKey(namespace, name)} already exists`);
      rv++;
      const metadata: ObjectMeta = withDefined(obj.metadata, {
        name,
        // Admission draws the uid before PrepareForCreate (a Job's controller-uid labels use it); keep it.
        uid: obj.metadata.uid || deps.rng.uid(),
        resourceVersion: String(rv),
        creationTimestamp: obj.metadata.creationTimestamp || rfc3339(deps.clock.now()),
        labels: obj.metadata.labels ? { ...obj.metadata.labels } : undefined,
        namespace: namespace || undefined,
        // Other kinds keep whatever generation they were given.
        generation: GENERATION_KINDS.has(obj.kind) ? 1 : obj.metadata.generation,
      });
      const stored: KubeObject = { ...obj, metadata };
      put(t, stored, undefined);
      emit('ADDED', stored);
      return stored;
    },

    adopt(obj) {
      const m = obj.metadata;
      // Where create() would change more than these fields (a missing name or namespace, a generation), it copies.
      if (!m.name || !m.namespace || !isNamespacedKind(obj.kind) || GENERATION_KINDS.has(obj.kind)) return store.create(obj);
      const t = table(obj.kind);
      if (!t.add(m.namespace, m.name, obj)) throw new Error(`store: ${obj.kind} ${objectKey(m.namespace, m.name)} already exists`);
      rv++;
      // As create(): a given uid or creationTimestamp stays; assigned in withDefined's order, so a missing key lands where create() puts it.
      m.uid = m.uid || deps.rng.uid();
      m.resourceVersion = String(rv);
      m.creationTimestamp = m.creationTimestamp || rfc3339(deps.clock.now());
      markDirty(obj.kind, m.namespace, m.name);
      emit('ADDED', obj);
      return obj;
    },

    update(obj) {
      const { t, prev } = existing(obj);
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
        t.drop(obj.metadata.namespace || '', obj.metadata.name, prev);
        markDirty(obj.kind, obj.metadata.namespace, obj.metadata.name);
        emit('DELETED', stored);
        return stored;
      }
      put(t, stored, prev);
      emit('MODIFIED', stored);
      return stored;
    },

    updateStatus(obj) {
      const { t, prev } = existing(obj);
      rv++;
      const stored: KubeObject = { ...prev, status: obj.status, metadata: { ...prev.metadata, resourceVersion: String(rv) } };
      // Neither labels, owner nor node change: the indexes stay as they are.
      t.objects.set(obj.metadata.namespace || '', obj.metadata.name, stored);
      markDirty(obj.kind, obj.metadata.namespace, obj.metadata.name);
      emit('MODIFIED', stored);
      return stored;
    },

    remove(kind, namespace, name) {
      const t = tables.get(kind);
      const prev = t?.lookup(namespace, name);
      if (!t || !prev) return;
      rv++;
      t.drop(prev.metadata.namespace || '', name, prev);
      markDirty(kind, prev.metadata.namespace, name);
      emit('DELETED', { ...prev, metadata: { ...prev.metadata, resourceVersion: String(rv) } });
    },

    watch(handler, kinds) {
      const w: Watcher = { handler, kinds: kinds ? new Set(kinds) : undefined };
      setWatchers([...watchers, w]);
      return () => {
        if (watchers.includes(w)) setWatchers(watchers.filter((x) => x !== w));
      };
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
        for (const w of watchersOf(e.object.kind)) w.handler(e);
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

    dump() {
      const objects: KubeObject[] = [];
      for (const t of tables.values()) t.objects.forEach((_ns, _name, o) => objects.push(o));
      return { resourceVersion: rv, objects };
    },

    load(d) {
      tables.clear();
      queue = [];
      head = 0;
      history.length = 0;
      dirty.clear();
      for (const o of d.objects) table(o.kind).set(o.metadata.namespace || '', o.metadata.name, o, undefined);
      rv = d.resourceVersion;
    },
  };
  return store;
}
