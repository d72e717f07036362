// Cuts a file into its `---` documents by text alone, so an edit re-parses only
// the document it touched. A line starting with `---` followed by a blank or the
// line end is always a document marker in YAML 1.2 (it is forbidden inside
// scalars: c-forbidden), so this cut agrees with the parser's.

export interface Segment {
  /** Offset of the segment's first character in the file. */
  start: number;
  /** The segment's text, its leading `---` line included. */
  text: string;
}

const MARKER = /^---(?=[ \t\r\n]|$)/gm;

export function splitSegments(text: string): Segment[] {
  const cuts: number[] = [];
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) if (m.index > 0) cuts.push(m.index);
  const segments: Segment[] = [];
  let start = 0;
  for (const cut of cuts) {
    segments.push({ start, text: text.slice(start, cut) });
    start = cut;
  }
  segments.push({ start, text: text.slice(start) });
  return segments;
}
