// The recorder's aggregation index (record.go's EventAggregator key: involved
// object, type, reason, message, source component → the event to bump).
// Kept per involved uid as plain fields rather than one joined string per
// event: the fields are the event's own strings, so an entry costs a few
// pointers, where a joined key was a fresh copy of all of them for every event
// the cluster ever recorded.

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
}

const same = (e: Entry, f: AggregationFields) => e.type === f.type && e.reason === f.reason && e.message === f.message && e.component === f.component;

export class EventIndex {
  /** An object rarely has more than a handful of distinct events: a short list each. */
  private readonly byInvolved = new Map<string, Entry[]>();

  private position(f: AggregationFields): { list?: Entry[]; at: number } {
    const list = this.byInvolved.get(f.involvedUid);
    if (list) for (let i = 0; i < list.length; i++) if (same(list[i], f)) return { list, at: i };
    return { list, at: -1 };
  }

  get(f: AggregationFields): EventRef | undefined {
    const { list, at } = this.position(f);
    return list && at >= 0 ? list[at] : undefined;
  }

  set(f: AggregationFields, ref: EventRef): void {
    const { list, at } = this.position(f);
    const entry: Entry = { namespace: ref.namespace, name: ref.name, type: f.type, reason: f.reason, message: f.message, component: f.component };
    if (!list) this.byInvolved.set(f.involvedUid, [entry]);
    else if (at >= 0) list[at] = entry;
    else list.push(entry);
  }

  delete(f: AggregationFields): void {
    const { list, at } = this.position(f);
    if (!list || at < 0) return;
    list.splice(at, 1);
    if (list.length === 0) this.byInvolved.delete(f.involvedUid);
  }

  clear(): void {
    this.byInvolved.clear();
  }
}
