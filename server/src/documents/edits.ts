// Which part of an open file changed since it was last analysed, recorded from
// the editor's incremental edits as they are applied, so the analysis can
// re-split only around the change instead of scanning the whole text.
import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

/**
 * Since the last analysis the first `prefix` and the last `suffix` characters of
 * the text are unchanged; everything between may differ.
 */
export interface TextChange {
  prefix: number;
  suffix: number;
}

/** Folds one edit (offsets `start`..`end` of a text `length` long) into what changed before it. */
export function mergeEdit(change: TextChange | undefined, length: number, start: number, end: number): TextChange {
  const prefix = Math.min(change?.prefix ?? Infinity, start);
  const suffix = Math.min(change?.suffix ?? Infinity, length - end);
  return { prefix, suffix };
}

/** Records every document's edits between analyses; `take` hands them to the next one. */
export class EditLog {
  private readonly changes = new Map<string, TextChange>();

  /** The TextDocuments configuration that applies edits and records them. */
  readonly documents: TextDocumentsConfiguration<TextDocument> = {
    create: (uri, languageId, version, content) => {
      this.changes.delete(uri);
      return TextDocument.create(uri, languageId, version, content);
    },
    update: (doc, changes, version) => {
      // One at a time: each change's range is in the text its predecessors left.
      for (const c of changes) {
        const { start, end } = editOffsets(doc, c);
        this.changes.set(doc.uri, mergeEdit(this.changes.get(doc.uri), doc.getText().length, start, end));
        TextDocument.update(doc, [c], version);
      }
      return doc;
    },
  };

  /** What changed since the last call for this document (undefined: nothing recorded). */
  take(uri: string): TextChange | undefined {
    const c = this.changes.get(uri);
    this.changes.delete(uri);
    return c;
  }

  forget(uri: string): void {
    this.changes.delete(uri);
  }
}

function editOffsets(doc: TextDocument, c: TextDocumentContentChangeEvent): { start: number; end: number } {
  if (!('range' in c) || !c.range) return { start: 0, end: doc.getText().length };
  return { start: doc.offsetAt(c.range.start), end: doc.offsetAt(c.range.end) };
}
