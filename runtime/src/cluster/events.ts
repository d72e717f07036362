// core/v1 Events as the kubelet and controllers record them (runtime-semantics
// §11): an identical (object, type, reason, message, source) repeat increments
// `count` and moves `lastTimestamp`, which describe shows as "(xN over T)".
// Events expire one hour after their last occurrence.

import { parseRfc3339, rfc3339, type VirtualClock } from './clock';
import { EventIndex, type EventEntry } from './event-index';
import type { MemoryStore } from './store/store';
import type { EventRecorder, EventSource, KubeObject } from './types';

export const EVENT_TTL_MS = 3600_000;

export interface ClusterEventRecorder extends EventRecorder {
  /** Rebuilds the aggregation index and expiry timers from stored events (after a restore). */
  resync(): void;
  /** Events about one object, oldest first (what describe lists). */
  eventsFor(involved: KubeObject): KubeObject[];
}

/** An event's involvedObject: the object as of the version the event is about. */
interface InvolvedObject {
  kind: string;
  namespace: string | undefined;
  name: string;
  uid: string;
  apiVersion: string;
  resourceVersion: string;
}

const NANOS_PER_MS = 1_000_000n;

/** 2^24: splits the nanosecond count, which exceeds 2^53, into two parts a double holds exactly. */
const LOW_SPAN = 0x1000000;

/** `nowMs * 10^6 + subMs` in hex, for 0 <= nowMs and 0 <= subMs < 10^6, without BigInt (a BigInt per event cost more than the rest of its name). */
function nanosHex(nowMs: number, subMs: number): string {
  // (hi * 2^24 + lo) * 10^6 + subMs: lo * 10^6 + subMs < 2^44, and its carry joins hi * 10^6, both exact.
  const lo = nowMs % LOW_SPAN;
  const low = lo * 1_000_000 + subMs;
  const high = ((nowMs - lo) / LOW_SPAN) * 1_000_000 + Math.floor(low / LOW_SPAN);
  const lowHex = (low % LOW_SPAN).toString(16);
  return high === 0 ? lowHex : hexOfHigh(high) + '0'.repeat(6 - lowHex.length) + lowHex;
}

// The high part is the same for every event of a millisecond (and its
// neighbours); past 2^31 it is a heap number, whose toString(16) is V8's slow
// radix conversion, so the last one is kept.
let lastHigh = -1;
let lastHighHex = '';
function hexOfHigh(high: number): string {
  if (high !== lastHigh) {
    lastHigh = high;
    lastHighHex = high.toString(16);
  }
  return lastHighHex;
}

/** The name record() gives an event: `<object>.<unix nanos in hex>`, the sequence number filling the sub-millisecond digits. */
function eventName(objectName: string, nowMs: number, seq: number): string {
  // join builds one flat string; a template would keep its pieces as a tree in every stored name.
  return [objectName, nanosHex(nowMs, seq % 1_000_000)].join('.');
}

/** The sequence part of a name eventName made at `nowMs`; undefined for names made at another instant or by someone else. */
function sequenceAt(name: string, nowMs: number): number | undefined {
  const hex = name.slice(name.lastIndexOf('.') + 1);
  if (!/^[0-9a-f]+$/.test(hex)) return undefined;
  const nanos = BigInt(`0x${hex}`);
  return nanos / NANOS_PER_MS === BigInt(nowMs) ? Number(nanos % NANOS_PER_MS) : undefined;
}

/**
 * How many distinct messages the recorder remembers to share. Most messages
 * repeat across objects ("Started container c"), and each caller builds its
 * own copy, which stored events would keep for an hour; the bound is for the
 * messages that never repeat (a pod's assignment to its node).
 */
const SHARED_MESSAGES = 1024;

/** Hands out one string per distinct text among those seen lately: two generations, the older dropped when the newer fills. */
function sharedTexts(limit: number): (text: string) => string {
  let recent = new Map<string, string>();
  let older = new Map<string, string>();
  return (text) => {
    let shared = recent.get(text);
    if (shared !== undefined) return shared;
    shared = older.get(text) ?? text;
    if (recent.size >= limit) {
      older = recent;
      recent = new Map();
    }
    recent.set(text, shared);
    return shared;
  };
}

/** The uid an event's involvedObject names, as the aggregation index files a stored event. */
const involvedUidOf = (e: KubeObject) => (e.involvedObject as { uid?: string } | undefined)?.uid ?? '';

export function createEventRecorder(deps: { store: MemoryStore; clock: VirtualClock }): ClusterEventRecorder {
  const { store, clock } = deps;
  const aggregated = new EventIndex();
  let seq = 0;
  // A component on a host records many events with the same source: they share
  // one object (stored objects are read-only), one per (component, host) pair.
  const sources = new Map<string, Map<string, EventSource>>();
  const sourceOf = ({ component, host }: EventSource): EventSource => {
    let byHost = sources.get(component);
    if (!byHost) sources.set(component, (byHost = new Map()));
    let shared = byHost.get(host ?? '');
    if (!shared) byHost.set(host ?? '', (shared = host ? { component, host } : { component }));
    return shared;
  };
  const sharedMessage = sharedTexts(SHARED_MESSAGES);
  // A kubelet records a sync's events about one version of its pod, one after
  // another: they share one involvedObject, the last one made while it still
  // reads the same.
  let lastReference: InvolvedObject | undefined;
  const referenceTo = (involved: KubeObject): InvolvedObject => {
    const m = involved.metadata;
    const r = lastReference;
    if (r && r.uid === m.uid && r.resourceVersion === m.resourceVersion && r.name === m.name && r.namespace === m.namespace && r.kind === involved.kind && r.apiVersion === involved.apiVersion) return r;
    return (lastReference = { kind: involved.kind, namespace: m.namespace, name: m.name, uid: m.uid, apiVersion: involved.apiVersion, resourceVersion: m.resourceVersion });
  };

  // One queue for every expiry, in due order (the TTL is the same for all).
  // A repeat queues its event again; the earlier place finds the event
  // re-stamped and passes, so each event's expiry counts from its last occurrence.
  const expiry = clock.queue<EventEntry>(({ namespace, event }) => {
    const e = store.get('Event', namespace, event.metadata.name);
    const last = parseRfc3339(e?.lastTimestamp as string | undefined);
    if (e && last !== undefined && last + EVENT_TTL_MS <= clock.now()) {
      aggregated.remove(involvedUidOf(e), e);
      store.remove('Event', namespace, event.metadata.name);
    }
  }, 'event-ttl');

  return {
    record(involved, type, reason, message, source = { component: 'kubelab' }) {
      const namespace = involved.metadata.namespace ?? 'default';
      const now = clock.now();
      const stamp = rfc3339(now);
      const text = sharedMessage(message);
      const existing = aggregated.find(involved.metadata.uid, type, reason, text, source.component);
      const prev = existing && store.get('Event', existing.namespace, existing.event.metadata.name);
      if (prev) {
        store.update({ ...prev, count: Number(prev.count ?? 1) + 1, lastTimestamp: stamp });
        expiry.at(now + EVENT_TTL_MS, existing);
        return;
      }
      // record.go names events `<object>.<unix nanos in hex>`; the sequence keeps same-instant events apart.
      const name = eventName(involved.metadata.name, now, seq++);
      // Built in its stored shape and handed over: the store fills the metadata instead of copying the event.
      const event = store.adopt({
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace, uid: '', resourceVersion: '', creationTimestamp: stamp },
        involvedObject: referenceTo(involved),
        reason,
        message: text,
        source: sourceOf(source),
        firstTimestamp: stamp,
        lastTimestamp: stamp,
        count: 1,
        type,
        eventTime: null,
        reportingComponent: source.component,
        reportingInstance: source.host ?? '',
      });
      // The entry found first for these fields is the one whose event is gone; without one, none has them.
      if (existing) aggregated.remove(involved.metadata.uid, event);
      expiry.at(now + EVENT_TTL_MS, aggregated.add(involved.metadata.uid, event, namespace));
    },

    resync() {
      aggregated.clear();
      // Virtual time stands still between CLI commands, so the stored events may
      // include some named at this very instant: the sequence continues after theirs.
      const now = clock.now();
      seq = 0;
      const due: { at: number; entry: EventEntry }[] = [];
      for (const e of store.list('Event')) {
        const s = sequenceAt(e.metadata.name, now);
        if (s !== undefined) seq = Math.max(seq, s + 1);
        aggregated.remove(involvedUidOf(e), e);
        const entry = aggregated.add(involvedUidOf(e), e, e.metadata.namespace ?? 'default');
        // Overdue expiries run now, in list order like the rest of their instant (the sort is stable).
        due.push({ at: Math.max(now, (parseRfc3339(e.lastTimestamp as string) ?? now) + EVENT_TTL_MS), entry });
      }
      // Queued in due order, each appends instead of being inserted among the others.
      for (const { at, entry } of due.sort((a, b) => a.at - b.at)) expiry.at(at, entry);
    },

    eventsFor(involved) {
      return store
        .list('Event', { namespace: involved.metadata.namespace ?? 'default' })
        .filter((e) => (e.involvedObject as { uid?: string })?.uid === involved.metadata.uid)
        .sort((a, b) => String(a.firstTimestamp).localeCompare(String(b.firstTimestamp)) || a.metadata.name.localeCompare(b.metadata.name));
    },
  };
}
