// The recorder's aggregation index (record.go's EventAggregator key: involved
// object, type, reason, message, source component → the event to bump).
// Kept per involved uid as plain fields rather than one joined string per
// event: the fields are the event's own strings, so an entry costs a few
// pointers, where a joined key was a fresh copy of all of them for every event
// the cluster ever recorded. An object's entries are chained through `next`
// (an object rarely has more than a handful), which costs less than a list.

/** The aggregation fields of one event. */
export interface AggregationFields {
  involvedUid: string;
  type: string;
  reason: string;
  message: string;
  component: string;
}

export interface EventRef {
  namespace: string;
  name: string;
}

interface Entry extends EventRef {
  type: string;
  reason: string;
  message: string;
  component: string;
  next: Entry | undefined;
}

const same = (e: Entry, f: AggregationFields) => e.type === f.type && e.reason === f.reason && e.message === f.message && e.component === f.component;

export class EventIndex {
  /** The first entry of each involved object's chain. */
  private readonly byInvolved = new Map<string, Entry>();

  get(f: AggregationFields): EventRef | undefined {
    for (let e = this.byInvolved.get(f.involvedUid); e; e = e.next) if (same(e, f)) return e;
    return undefined;
  }

  /** Points `f` at `ref`; returns the new entry (a reference to `ref` that later sets for `f` do not change). */
  set(f: AggregationFields, ref: EventRef): EventRef {
    this.delete(f);
    const entry: Entry = { namespace: ref.namespace, name: ref.name, type: f.type, reason: f.reason, message: f.message, component: f.component, next: this.byInvolved.get(f.involvedUid) };
    this.byInvolved.set(f.involvedUid, entry);
    return entry;
  }

  delete(f: AggregationFields): void {
    let prev: Entry | undefined;
    for (let e = this.byInvolved.get(f.involvedUid); e; prev = e, e = e.next) {
      if (!same(e, f)) continue;
      if (prev) prev.next = e.next;
      else if (e.next) this.byInvolved.set(f.involvedUid, e.next);
      else this.byInvolved.delete(f.involvedUid);
      return;
    }
  }

  clear(): void {
    this.byInvolved.clear();
  }
}
