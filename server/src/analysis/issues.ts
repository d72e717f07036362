// The issues shown for one document: its own issues plus its workspace-scope
// lint, filtered and re-graded by the settings. Offsets stay segment-relative;
// handlers/diagnosticCache.ts places them in the file.
import { shownSeverity, type Settings } from '../config';
import type { Issue, Severity } from '../issues';
import type { ParsedDocument } from './document';

export interface ShownIssue {
  issue: Issue;
  severity: Severity;
}

/** `workspace` is the document's workspace-scope lint (analysis/document.ts `workspaceIssues`). */
export function documentIssues(doc: ParsedDocument, workspace: readonly Issue[], settings: Settings): ShownIssue[] {
  if (!settings.validateEnable || !doc.kubernetes) return [];
  const out: ShownIssue[] = [];
  for (const issue of [...doc.local, ...workspace]) {
    const severity = shownSeverity(settings, issue);
    if (severity) out.push({ issue, severity });
  }
  return out;
}
