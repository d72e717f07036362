// The one place an Issue becomes an LSP Diagnostic (STYLE §14).
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { shiftPosition, toPositions, type Lines } from '../documents/fileLines';
import type { Issue, Severity } from '../issues';
import { DIAGNOSTIC_SOURCE, RULES_DOC_URL } from '../protocol';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** `lines` turns the offsets of `issue.range` into positions. */
export function toDiagnostic(issue: Issue, severity: Severity, lines: Pick<Lines, 'position'>): Diagnostic {
  return {
    range: toPositions(lines, issue.range),
    severity: LSP_SEVERITY[severity],
    source: DIAGNOSTIC_SOURCE,
    code: issue.code,
    codeDescription: { href: `${RULES_DOC_URL}#${issue.code}` },
    message: issue.message,
    // Quick fixes find the field again from its path.
    data: issue.path === undefined ? undefined : { path: issue.path },
  };
}

/** The same diagnostic `lines` lines further down (its document moved, its text did not). */
export function moveDiagnostic(d: Diagnostic, lines: number): Diagnostic {
  return { ...d, range: { start: shiftPosition(d.range.start, lines), end: shiftPosition(d.range.end, lines) } };
}
