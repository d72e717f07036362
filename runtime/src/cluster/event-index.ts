// The recorder's aggregation index (record.go's EventAggregator key: involved
// object, type, reason, message, source component → the event to bump).
// Kept per involved uid, each entry pointing at the event version whose
// fields are its key: an entry costs three pointers, where copies of the
// fields (or a joined key string) were kept for every event the cluster ever
// recorded. An object's entries are chained through `next` (an object rarely
// has more than a handful), which costs less than a list.

import type { EventSource, KubeObject } from './types';

/** An indexed event: where to find it in the store, and what it was recorded as. */
export interface EventEntry {
  /** The namespace the recorder looks the event up in. */
  readonly namespace: string;
  /** The event as it was indexed; its name is the stored event's, its fields the key. */
  readonly event: KubeObject;
}

interface Entry extends EventEntry {
  next: Entry | undefined;
}

/** Whether `e`'s aggregation fields are these, read as strings (a restored event may lack some). */
const hasFields = (e: KubeObject, type: string, reason: string, message: string, component: string) =>
  String(e.reason) === reason && String(e.message) === message && String(e.type) === type && ((e.source as EventSource | undefined)?.component ?? '') === component;

const sameFields = (a: KubeObject, b: KubeObject) => hasFields(a, String(b.type), String(b.reason), String(b.message), (b.source as EventSource | undefined)?.component ?? '');

export class EventIndex {
  /** The first entry of each involved object's chain. */
  private readonly byInvolved = new Map<string, Entry>();

  /** The entry recorded for these fields about the object with `involvedUid`. */
  find(involvedUid: string, type: string, reason: string, message: string, component: string): EventEntry | undefined {
    for (let e = this.byInvolved.get(involvedUid); e; e = e.next) if (hasFields(e.event, type, reason, message, component)) return e;
    return undefined;
  }

  /** Indexes `event` under its own fields, which no entry has (remove first where one may); returns the new entry. */
  add(involvedUid: string, event: KubeObject, namespace: string): EventEntry {
    const entry: Entry = { namespace, event, next: this.byInvolved.get(involvedUid) };
    this.byInvolved.set(involvedUid, entry);
    return entry;
  }

  /** Drops the entry whose key is `event`'s fields (as the event reads now). */
  remove(involvedUid: string, event: KubeObject): void {
    let prev: Entry | undefined;
    for (let e = this.byInvolved.get(involvedUid); e; prev = e, e = e.next) {
      if (!sameFields(e.event, event)) continue;
      if (prev) prev.next = e.next;
      else if (e.next) this.byInvolved.set(involvedUid, e.next);
      else this.byInvolved.delete(involvedUid);
      return;
    }
  }

  clear(): void {
    this.byInvolved.clear();
  }
}
