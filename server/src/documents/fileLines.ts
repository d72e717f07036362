// Offsets ↔ LSP positions for a whole file, answered from its segments' own line
// tables, so an edit rebuilds the table of the segment it touched and not one of
// the whole file. Ranges become positions here and nowhere else (STYLE §21).
import type { Range } from '../../../runtime/src/text/documents';
import type { Built } from './segmentCache';
import { segmentAt } from './segmentCache';
import { lastAtOrBefore } from './search';

/** 0-based LSP line and character. */
export interface Position {
  line: number;
  character: number;
}

/** What handlers need of a line table (runtime's LineIndex has the same shape). */
export interface Lines {
  position(offset: number): Position;
  offset(line: number, character: number): number;
}

export class SegmentedLines implements Lines {
  constructor(private readonly segments: readonly Built<unknown>[]) {}

  position(offset: number): Position {
    const s = this.segments[segmentAt(this.segments, offset)];
    return shiftPosition(s.lines.position(offset - s.start), s.startLine);
  }

  /**
   * As vscode-languageserver-textdocument's `offsetAt`: a line past the last one
   * is the end of the file, a character past its line's end (or before its start)
   * is that end (or start), never a line break or the next line.
   */
  offset(line: number, character: number): number {
    if (line < 0) return 0;
    const s = this.segments[Math.max(0, lastAtOrBefore(this.segments, line, (x) => x.startLine))];
    const local = line - s.startLine;
    if (local > s.lines.position(s.text.length).line) return s.start + s.text.length;
    const lineStart = s.lines.offset(local, 0);
    const nl = s.text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? s.text.length : s.text[nl - 1] === '\r' && nl - 1 >= lineStart ? nl - 1 : nl;
    return s.start + lineStart + Math.min(Math.max(0, character), lineEnd - lineStart);
  }
}

export function shiftPosition(p: Position, lines: number): Position {
  return lines === 0 ? p : { line: p.line + lines, character: p.character };
}

/** An offset range as LSP positions; `base` is added to both ends (a segment's file offset). */
export function toPositions(lines: Pick<Lines, 'position'>, r: Range, base = 0): { start: Position; end: Position } {
  return { start: lines.position(r.start + base), end: lines.position(r.end + base) };
}
