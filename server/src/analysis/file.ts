// An open file as a list of analysed documents, rebuilt incrementally: only the
// segments around the changed text are cut again, and only those whose text
// changed are parsed and checked again.
import type { TextChange } from '../documents/edits';
import { SegmentedLines, type Lines } from '../documents/fileLines';
import { lastAtOrBefore } from '../documents/search';
import { updateSegments, type Built } from '../documents/segmentCache';
import { analyzeSegment, type AnalyzeOptions, type ParsedDocument } from './document';

/** How a file's documents differ from those of the analysis it was built from. */
export interface FileDelta {
  basis: AnalyzedFile;
  /** Documents of the basis that were cut again, in order... */
  before: ParsedDocument[];
  /** ...and the documents now in their place; all others are the basis's objects, in order. */
  after: ParsedDocument[];
}

export interface AnalyzedFile {
  uri: string;
  version: number;
  text: string;
  lines: Lines;
  segments: Built<ParsedDocument[]>[];
  docs: ParsedDocument[];
  /** Segments analysed afresh by the last update. */
  rebuilt: number;
  /** Absent for a first analysis. */
  delta?: FileDelta;
}

/** `change` says what changed since `previous`; without it the whole text is cut again. */
export function analyzeFile(previous: AnalyzedFile | undefined, version: number, text: string, opts: AnalyzeOptions, change?: TextChange): AnalyzedFile {
  const update = updateSegments(previous?.segments ?? [], text, (t, lines) => analyzeSegment(t, opts, lines), previous && change);
  const docs: ParsedDocument[] = [];
  for (const s of update.segments) {
    for (const d of s.value) {
      d.start = s.start;
      d.startLine = s.startLine;
      d.index = docs.length;
      docs.push(d);
    }
  }
  const delta = previous && { basis: previous, before: update.before.flat(), after: update.after.flat() };
  return { uri: opts.uri, version, text, lines: new SegmentedLines(update.segments), segments: update.segments, docs, rebuilt: update.rebuilt, delta };
}

/** The document whose segment holds `offset`. */
export function documentAt(file: AnalyzedFile, offset: number): ParsedDocument | undefined {
  return file.docs[lastAtOrBefore(file.docs, offset, (d) => d.start)];
}
