// The server's one internal diagnostic shape (STYLE §14): offsets and a stable
// code. Everything the server reports is an Issue until handlers/toDiagnostic.ts
// turns it into an LSP Diagnostic at the very edge.
import type { Range } from '../../runtime/src/text/documents';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Issue {
  code: string;
  severity: Severity;
  /** Field path from the object root, when the issue belongs to a field. */
  path?: string;
  /** Offsets into the text of the document's segment (ParsedDocument.text), so a moved document keeps its issues. */
  range: Range;
  message: string;
}

