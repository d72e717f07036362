// Per-file reuse of per-document work (STYLE §7). After an edit only the
// segments around the changed text are cut again; of those, a segment whose
// text is unchanged keeps what was built for it, and every segment after the
// change only moves by the edit's character and line deltas. The build function
// is the caller's, so this module knows nothing of YAML or lint.
import { LineIndex } from '../../../runtime/src/text/path';
import type { TextChange } from './edits';
import { lastAtOrBefore } from './search';
import { splitSegments } from './split';

export interface Built<T> {
  /** File offset of the segment's first character. */
  start: number;
  /** 0-based file line of `start` (segments always start at a line start). */
  startLine: number;
  text: string;
  /** Line table of `text` alone: segment offsets to segment lines. */
  lines: LineIndex;
  value: T;
}

export interface Update<T> {
  segments: Built<T>[];
  /** Values of the previous segments that were cut again, in order... */
  before: T[];
  /** ...and the values now in their place; all other values are the same objects in the same order. */
  after: T[];
  /** How many segments were built afresh (the rest were reused). */
  rebuilt: number;
}

/**
 * A `---` marker is three dashes and the character after them, so an edit that
 * starts this close after a segment's start may have made or unmade its marker.
 */
const MARKER_REACH = 4;

/** `previous` is consumed: the segments after the change are moved in place and returned again. */
export function updateSegments<T>(
  previous: readonly Built<T>[],
  text: string,
  build: (segmentText: string, lines: LineIndex) => T,
  change?: TextChange,
): Update<T> {
  const span = cutSpan(previous, text.length, change);
  const old = previous.slice(span.first, span.last + 1);
  const pool = poolOf(old);
  const from = old[0]?.start ?? 0;
  const to = span.last + 1 < previous.length ? previous[span.last + 1].start + span.delta : text.length;
  let line = old[0]?.startLine ?? 0;
  let rebuilt = 0;
  const fresh = splitSegments(text.slice(from, to)).map((s): Built<T> => {
    const startLine = line;
    const reuse = pool.get(s.text)?.shift();
    const lines = reuse?.lines ?? new LineIndex(s.text);
    line += lineCount(lines, s.text);
    if (reuse) return { ...reuse, start: from + s.start, startLine };
    rebuilt++;
    return { start: from + s.start, startLine, text: s.text, lines, value: build(s.text, lines) };
  });
  const oldEndLine = old.length ? old[old.length - 1].startLine + lineCount(old[old.length - 1].lines, old[old.length - 1].text) : 0;
  const lineDelta = line - oldEndLine;
  const moved = previous.slice(span.last + 1);
  // Moved in place, as the documents they hold are: the previous update is superseded by this one.
  if (span.delta || lineDelta) {
    for (const b of moved) {
      b.start += span.delta;
      b.startLine += lineDelta;
    }
  }
  return {
    segments: [...previous.slice(0, span.first), ...fresh, ...moved],
    before: old.map((b) => b.value),
    after: fresh.map((b) => b.value),
    rebuilt,
  };
}

interface Span {
  /** First and last previous segment to cut again. */
  first: number;
  last: number;
  /** Length of the new text minus that of the previous one. */
  delta: number;
}

/** The previous segments the change may have touched; all of them without a usable change. */
function cutSpan<T>(previous: readonly Built<T>[], length: number, change: TextChange | undefined): Span {
  const all = { first: 0, last: previous.length - 1, delta: 0 };
  if (!change || !previous.length) return all;
  const tail = previous[previous.length - 1];
  const oldLength = tail.start + tail.text.length;
  all.delta = length - oldLength;
  // A record that does not fit the texts is not trusted.
  if (change.prefix < 0 || change.suffix < 0 || change.prefix + change.suffix > Math.min(oldLength, length)) return all;
  const oldEnd = oldLength - change.suffix;
  return {
    first: segmentAt(previous, Math.max(0, change.prefix - MARKER_REACH)),
    // The segment holding the first unchanged character: the edit may have removed the line end before its marker.
    last: oldEnd >= oldLength ? previous.length - 1 : segmentAt(previous, oldEnd),
    delta: all.delta,
  };
}

/** Index of the segment holding `offset`; the first one for offsets before the file. */
export function segmentAt<T>(segments: readonly Pick<Built<T>, 'start'>[], offset: number): number {
  return Math.max(0, lastAtOrBefore(segments, offset, (s) => s.start));
}

/** Line breaks in a segment: the line of its end. */
function lineCount(lines: LineIndex, text: string): number {
  return lines.position(text.length).line;
}

function poolOf<T>(segments: readonly Built<T>[]): Map<string, Built<T>[]> {
  const pool = new Map<string, Built<T>[]>();
  for (const b of segments) {
    const list = pool.get(b.text);
    if (list) list.push(b);
    else pool.set(b.text, [b]);
  }
  return pool;
}
