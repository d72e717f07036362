// Binary search over items sorted by a numeric key (segment starts, document
// starts, first lines): the answer to "which one holds this offset or line".

/** Index of the last item whose key is at or before `value`; -1 when there is none. */
export function lastAtOrBefore<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length - 1;
  if (hi < 0 || key(items[0]) > value) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (key(items[mid]) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
