// An open file as a list of analysed documents, rebuilt incrementally: only the
// segments whose text changed are parsed and checked again.
import { LineIndex } from '../../../runtime/src/text/path';
import { updateSegments, type Built } from '../documents/segmentCache';
import { analyzeSegment, type AnalyzeOptions, type ParsedDocument } from './document';

export interface AnalyzedFile {
  uri: string;
  version: number;
  text: string;
  lines: LineIndex;
  segments: Built<ParsedDocument[]>[];
  docs: ParsedDocument[];
  /** Segments analysed afresh by the last update. */
  rebuilt: number;
}

export function analyzeFile(previous: AnalyzedFile | undefined, version: number, text: string, opts: AnalyzeOptions): AnalyzedFile {
  const { segments, rebuilt } = updateSegments(previous?.segments ?? [], text, (t) => analyzeSegment(t, opts));
  const docs: ParsedDocument[] = [];
  for (const s of segments) {
    for (const d of s.value) {
      d.start = s.start;
      d.index = docs.length;
      docs.push(d);
    }
  }
  return { uri: opts.uri, version, text, lines: new LineIndex(text), segments, docs, rebuilt };
}

/** The document whose segment holds `offset`. */
export function documentAt(file: AnalyzedFile, offset: number): ParsedDocument | undefined {
  let found: ParsedDocument | undefined;
  for (const d of file.docs) {
    if (d.start > offset) break;
    found = d;
  }
  return found;
}
