// The one place an Issue becomes an LSP Diagnostic (STYLE §14).
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { LineIndex } from '../../../runtime/src/text/path';
import type { Issue, Severity } from '../issues';
import { DIAGNOSTIC_SOURCE, RULES_DOC_URL } from '../protocol';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** `issue.range` must be in file offsets. */
export function toDiagnostic(issue: Issue, severity: Severity, lines: LineIndex): Diagnostic {
  return {
    range: { start: lines.position(issue.range.start), end: lines.position(issue.range.end) },
    severity: LSP_SEVERITY[severity],
    source: DIAGNOSTIC_SOURCE,
    code: issue.code,
    codeDescription: { href: `${RULES_DOC_URL}#${issue.code}` },
    message: issue.message,
    // Quick fixes find the field again from its path.
    data: issue.path === undefined ? undefined : { path: issue.path },
  };
}
