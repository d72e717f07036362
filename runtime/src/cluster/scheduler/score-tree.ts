// The best of a window of rows without visiting them all. When only the
// resource scores tell nodes apart (score.ts), a row's total depends on the
// row alone, and a large cluster's cycle asks for the best of hundreds of
// consecutive rows (round the ring) and how many tie with it, then the
// tie-break's pick among those in ring order: a tree over the rows keeps the
// highest total of each span and how many rows have it, so a cycle costs a
// few dozen steps, and a bind that changes one row re-totals that row only.
//
// A NaN total is never the best nor a tie (selectHost's comparisons skip it):
// it counts as no row. A window with no row to pick is left to the walk.

export class ScoreTree {
  /** Leaves: the first power of two at least the row count. */
  private readonly size: number;
  /** Per tree node (root at 1, leaves from `size`): the highest total below it, and how many rows have it. */
  private readonly top: Float64Array;
  private readonly ties: Int32Array;
  private built = false;
  /** Rows whose leaf is out of date (each listed once). */
  private readonly stale: Uint8Array;
  private readonly staleRows: Int32Array;
  private staleCount = 0;
  /** The last window asked for: how many nodes of `covering` span it, and its best total. */
  private covered = 0;
  private best = -Infinity;
  /** How many rows of the last window have its best total. */
  windowTies = 0;

  /** The tree nodes that span the last window, in ring order; and scratch for the right-hand ones of a span, in reverse. */
  private readonly covering = new Int32Array(128);
  private readonly rightward = new Int32Array(64);

  constructor(private readonly rows: number) {
    let size = 1;
    while (size < rows) size *= 2;
    this.size = size;
    this.top = new Float64Array(2 * size).fill(-Infinity);
    this.ties = new Int32Array(2 * size);
    this.stale = new Uint8Array(rows);
    this.staleRows = new Int32Array(rows);
  }

  /** The row's total changed. */
  invalidate(row: number): void {
    if (!this.built || this.stale[row]) return;
    this.stale[row] = 1;
    this.staleRows[this.staleCount++] = row;
  }

  /** Every total changed. */
  invalidateAll(): void {
    this.built = false;
    this.stale.fill(0);
    this.staleCount = 0;
  }

  /** Brings the out-of-date leaves (all of them, the first time) up to `total`. */
  update(total: (row: number) => number): void {
    if (!this.built) {
      for (let row = 0; row < this.rows; row++) this.setLeaf(row, total(row));
      for (let i = this.size - 1; i > 0; i--) this.pull(i);
      this.built = true;
      return;
    }
    for (let s = 0; s < this.staleCount; s++) {
      const row = this.staleRows[s];
      this.stale[row] = 0;
      this.setLeaf(row, total(row));
      for (let i = (row + this.size) >> 1; i > 0; i >>= 1) this.pull(i);
    }
    this.staleCount = 0;
  }

  /**
   * The `count` rows from `start` round the ring: sets `windowTies` to how
   * many have the best total; false when none can be picked.
   */
  window(start: number, count: number): boolean {
    const end = Math.min(this.rows, start + count);
    this.covered = this.cover(0, start + count - end, this.cover(start, end, 0));
    const { top, ties, covering } = this;
    let best = -Infinity;
    let n = 0;
    for (let j = 0; j < this.covered; j++) {
      const i = covering[j];
      if (top[i] > best) {
        best = top[i];
        n = ties[i];
      } else if (top[i] === best) n += ties[i];
    }
    this.best = best;
    this.windowTies = n;
    return best !== -Infinity;
  }

  /** The `k`-th (from 0, in ring order) row of the last window with its best total. */
  nth(k: number): number {
    const { top, ties, best, covering } = this;
    for (let j = 0; j < this.covered; j++) {
      let i = covering[j];
      // Inside the window nothing beats `best`: a node whose top differs has no row with it.
      if (top[i] !== best) continue;
      if (ties[i] <= k) {
        k -= ties[i];
        continue;
      }
      while (i < this.size) {
        const l = 2 * i;
        if (top[l] !== best) i = l + 1;
        else if (ties[l] > k) i = l;
        else {
          k -= ties[l];
          i = l + 1;
        }
      }
      return i - this.size;
    }
    throw new Error(`score tree: no row ${k} among the window's best`);
  }

  private setLeaf(row: number, v: number): void {
    const i = row + this.size;
    const counted = v === v;
    this.top[i] = counted ? v : -Infinity;
    this.ties[i] = counted ? 1 : 0;
  }

  private pull(i: number): void {
    const { top, ties } = this;
    const l = 2 * i;
    const r = l + 1;
    if (top[l] > top[r]) {
      top[i] = top[l];
      ties[i] = ties[l];
    } else if (top[r] > top[l]) {
      top[i] = top[r];
      ties[i] = ties[r];
    } else {
      top[i] = top[l];
      ties[i] = ties[l] + ties[r];
    }
  }

  /** Appends to `covering`, from `n` on, the tree nodes that together span the rows [a, b), in row order; returns the new length. */
  private cover(a: number, b: number, n: number): number {
    const { covering, rightward } = this;
    let r = 0;
    for (a += this.size, b += this.size; a < b; a >>= 1, b >>= 1) {
      if (a & 1) covering[n++] = a++;
      if (b & 1) rightward[r++] = --b;
    }
    while (r > 0) covering[n++] = rightward[--r];
    return n;
  }
}
