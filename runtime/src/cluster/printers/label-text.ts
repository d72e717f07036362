// Label maps and label selectors as kubectl prints them, in `get` tables and
// `describe` texts alike (labels.FormatLabels, metav1.FormatLabelSelector).

import { formatSelector, selectorFromLabelSelector } from '../../api/selectors';

/** Go's sort.Strings order on the keys: bytes, not locale. */
export const byKey = ([a]: [string, string], [b]: [string, string]) => (a < b ? -1 : a > b ? 1 : 0);

/** labels.FormatLabels: `app=kubia,env=dev` sorted by key, `<none>` when empty. */
export function formatLabels(m: Record<string, string> | undefined): string {
  const entries = Object.entries(m ?? {}).sort(byKey);
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(',') : '<none>';
}

/** metav1.FormatLabelSelector: `<none>` for a missing or empty selector, `<error>` for one that does not convert. */
export function formatLabelSelector(ls: unknown): string {
  if (ls === undefined || ls === null) return '<none>';
  const sel = selectorFromLabelSelector(ls);
  if (!sel) return '<error>';
  return formatSelector(sel) || '<none>';
}
