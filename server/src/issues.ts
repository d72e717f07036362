// The server's one internal diagnostic shape (STYLE §14): offsets into the file
// text and a stable code. Everything the server reports is an Issue until
// handlers/diagnostics.ts turns it into an LSP Diagnostic at the very edge.
import type { Range } from '../../runtime/src/text/documents';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Issue {
  code: string;
  severity: Severity;
  /** Field path from the object root, when the issue belongs to a field. */
  path?: string;
  /** Absolute or document-relative offsets, as the holder documents. */
  range: Range;
  message: string;
}

