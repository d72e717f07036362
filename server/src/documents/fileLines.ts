// Offsets ↔ LSP positions for a whole file, answered from its segments' own line
// tables, so an edit rebuilds the table of the segment it touched and not one of
// the whole file.
import type { Built } from './segmentCache';
import { segmentAt } from './segmentCache';

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

  offset(line: number, character: number): number {
    if (line < 0) return 0;
    const s = this.segments[segmentStartingBy(this.segments, line)];
    return s.start + s.lines.offset(line - s.startLine, character);
  }
}

export function shiftPosition(p: Position, lines: number): Position {
  return lines === 0 ? p : { line: p.line + lines, character: p.character };
}

/** Index of the last segment whose first line is at or before `line`. */
function segmentStartingBy(segments: readonly Built<unknown>[], line: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid].startLine <= line) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
