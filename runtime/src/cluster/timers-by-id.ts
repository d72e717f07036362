// The clock's pending timers by id. Ids only grow and most timers run or are
// cancelled soon after they are armed, so the recent ones sit in an array
// indexed by id, which arms, finds and drops a timer without hashing (a Map
// churned by every pod's timers cost more per arm than the heap does). Ids the
// array has left behind wait in a Map: a timer pending long after its
// neighbours (moved there when the array grows sparse) or one armed under an
// old id (a queue re-arming its head under the id it drew when queued).

/** How many slots per pending timer the array may span before its oldest timers move to the Map. */
const SLOTS_PER_TIMER = 8;
/** Slack in slots on top of that, and how many spent slots are dropped at once. */
const SPARE_SLOTS = 1024;

export class TimersById<T> {
  private slots: (T | undefined)[] = [];
  /** The id of slots[0]. */
  private base = 0;
  /** Slots before this one are empty: their ids are in `older`, if anywhere. */
  private front = 0;
  /** Timers in `slots`. */
  private inSlots = 0;
  private readonly older = new Map<number, T>();

  get size(): number {
    return this.inSlots + this.older.size;
  }

  get(id: number): T | undefined {
    const i = id - this.base;
    return i >= this.front ? this.slots[i] : this.older.get(id);
  }

  set(id: number, value: T): void {
    let i = id - this.base;
    if (i < this.front) {
      this.older.set(id, value);
      return;
    }
    // With none pending in the array, it starts over at this id rather than filling the gap.
    if (this.inSlots === 0) {
      this.slots.length = 0;
      this.base = id;
      this.front = 0;
      i = 0;
    }
    // Ids drawn for other things (queued entries) leave holes.
    while (this.slots.length <= i) this.slots.push(undefined);
    if (this.slots[i] === undefined) this.inSlots++;
    this.slots[i] = value;
    this.settle();
  }

  delete(id: number): void {
    const i = id - this.base;
    if (i < this.front) this.older.delete(id);
    else if (this.slots[i] !== undefined) {
      this.slots[i] = undefined;
      this.inSlots--;
      if (i === this.front) this.settle();
    }
  }

  values(): T[] {
    const out = [...this.older.values()];
    for (let i = this.front; i < this.slots.length; i++) if (this.slots[i] !== undefined) out.push(this.slots[i]!);
    return out;
  }

  /** Moves the front past empty slots, and past the oldest timers (to the Map) while the array is sparse; drops spent slots in bulk. */
  private settle(): void {
    while (this.front < this.slots.length && (this.slots[this.front] === undefined || this.slots.length - this.front > SLOTS_PER_TIMER * this.inSlots + SPARE_SLOTS)) {
      const value = this.slots[this.front];
      if (value !== undefined) {
        this.older.set(this.base + this.front, value);
        this.slots[this.front] = undefined;
        this.inSlots--;
      }
      this.front++;
    }
    if (this.front >= SPARE_SLOTS && this.front * 2 >= this.slots.length) {
      this.slots.splice(0, this.front);
      this.base += this.front;
      this.front = 0;
    }
  }
}
