// core/v1 Events as the kubelet and controllers record them (runtime-semantics
// §11): an identical (object, type, reason, message, source) repeat increments
// `count` and moves `lastTimestamp`, which describe shows as "(xN over T)".
// Events expire one hour after their last occurrence.

import { parseRfc3339, rfc3339 } from './clock';
import { EventIndex, type AggregationFields } from './event-index';
import type { Clock, EventRecorder, EventSource, KubeObject, ObjectStore } from './types';

export const EVENT_TTL_MS = 3600_000;

export interface ClusterEventRecorder extends EventRecorder {
  /** Rebuilds the aggregation index and expiry timers from stored events (after a restore). */
  resync(): void;
  /** Events about one object, oldest first (what describe lists). */
  eventsFor(involved: KubeObject): KubeObject[];
}

const NANOS_PER_MS = 1_000_000n;

/** The name record() gives an event: `<object>.<unix nanos in hex>`, the sequence number filling the sub-millisecond digits. */
function eventName(objectName: string, nowMs: number, seq: number): string {
  return `${objectName}.${(BigInt(nowMs) * NANOS_PER_MS + BigInt(seq % 1_000_000)).toString(16)}`;
}

/** The sequence part of a name eventName made at `nowMs`; undefined for names made at another instant or by someone else. */
function sequenceAt(name: string, nowMs: number): number | undefined {
  const hex = name.slice(name.lastIndexOf('.') + 1);
  if (!/^[0-9a-f]+$/.test(hex)) return undefined;
  const nanos = BigInt(`0x${hex}`);
  return nanos / NANOS_PER_MS === BigInt(nowMs) ? Number(nanos % NANOS_PER_MS) : undefined;
}

/** The aggregation fields of a stored event. */
function fieldsOf(e: KubeObject): AggregationFields {
  const io = e.involvedObject as { uid?: string };
  return { involvedUid: io?.uid ?? '', type: String(e.type), reason: String(e.reason), message: String(e.message), component: (e.source as EventSource)?.component ?? '' };
}

export function createEventRecorder(deps: { store: ObjectStore; clock: Clock }): ClusterEventRecorder {
  const { store, clock } = deps;
  const aggregated = new EventIndex();
  let seq = 0;

  // The timer re-reads the event: a repeat since then moved lastTimestamp and re-armed its own expiry.
  const armExpiry = (namespace: string, name: string, lastMs: number) =>
    clock.at(lastMs + EVENT_TTL_MS, () => {
      const e = store.get('Event', namespace, name);
      const last = parseRfc3339(e?.lastTimestamp as string | undefined);
      if (e && last !== undefined && last + EVENT_TTL_MS <= clock.now()) {
        aggregated.delete(fieldsOf(e));
        store.remove('Event', namespace, name);
      }
    }, 'event-ttl');

  return {
    record(involved, type, reason, message, source = { component: 'kubelab' }) {
      const namespace = involved.metadata.namespace ?? 'default';
      const now = clock.now();
      const stamp = rfc3339(now);
      const k: AggregationFields = { involvedUid: involved.metadata.uid, type, reason, message, component: source.component };
      const existing = aggregated.get(k);
      const prev = existing && store.get('Event', existing.namespace, existing.name);
      if (prev) {
        store.update({ ...prev, count: Number(prev.count ?? 1) + 1, lastTimestamp: stamp });
        armExpiry(existing.namespace, existing.name, now);
        return;
      }
      // record.go names events `<object>.<unix nanos in hex>`; the sequence keeps same-instant events apart.
      const name = eventName(involved.metadata.name, now, seq++);
      store.create({
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace, uid: '', resourceVersion: '', creationTimestamp: '' },
        involvedObject: {
          kind: involved.kind,
          namespace: involved.metadata.namespace,
          name: involved.metadata.name,
          uid: involved.metadata.uid,
          apiVersion: involved.apiVersion,
          resourceVersion: involved.metadata.resourceVersion,
        },
        reason,
        message,
        source: source.host ? { component: source.component, host: source.host } : { component: source.component },
        firstTimestamp: stamp,
        lastTimestamp: stamp,
        count: 1,
        type,
        eventTime: null,
        reportingComponent: source.component,
        reportingInstance: source.host ?? '',
      });
      aggregated.set(k, { namespace, name });
      armExpiry(namespace, name, now);
    },

    resync() {
      aggregated.clear();
      // Virtual time stands still between CLI commands, so the stored events may
      // include some named at this very instant: the sequence continues after theirs.
      const now = clock.now();
      seq = 0;
      for (const e of store.list('Event')) {
        const s = sequenceAt(e.metadata.name, now);
        if (s !== undefined) seq = Math.max(seq, s + 1);
        aggregated.set(fieldsOf(e), { namespace: e.metadata.namespace ?? 'default', name: e.metadata.name });
        armExpiry(e.metadata.namespace ?? 'default', e.metadata.name, parseRfc3339(e.lastTimestamp as string) ?? clock.now());
      }
    },

    eventsFor(involved) {
      return store
        .list('Event', { namespace: involved.metadata.namespace ?? 'default' })
        .filter((e) => (e.involvedObject as { uid?: string })?.uid === involved.metadata.uid)
        .sort((a, b) => String(a.firstTimestamp).localeCompare(String(b.firstTimestamp)) || a.metadata.name.localeCompare(b.metadata.name));
    },
  };
}
