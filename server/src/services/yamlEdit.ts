// Structured edits of one document's text: change the parsed YAML tree, print
// it, and keep only the span that differs, so untouched lines (and their
// comments and formatting) are left exactly as written.
import { parseDocument, type Document } from 'yaml';
import { lineStartOf } from '../documents/lines';

export interface TextEdit {
  /** Segment-relative offsets. */
  start: number;
  end: number;
  newText: string;
}

export function rewrite(text: string, mutate: (doc: Document) => void): TextEdit | undefined {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length) return undefined;
  mutate(doc);
  const trailing = /\s*$/.exec(text)![0];
  return minimalEdit(text, doc.toString({ lineWidth: 0 }).trimEnd() + trailing);
}

export function applyEdit(text: string, e: TextEdit): string {
  return text.slice(0, e.start) + e.newText + text.slice(e.end);
}

/** One edit replacing the differing middle of `before` by that of `after`, widened to whole lines. */
function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let s = 0;
  while (s < before.length - p && s < after.length - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++;
  // Start at the line's beginning (the texts agree up to p): a whole-line edit previews better.
  const lineStart = lineStartOf(before, p);
  return { start: lineStart, end: before.length - s, newText: after.slice(lineStart, after.length - s) };
}
