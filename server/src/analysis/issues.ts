// All issues of an analysed file in file offsets: each document's own issues
// plus its workspace-scope lint, filtered and re-graded by the settings.
import type { Settings } from '../config';
import { shownSeverity } from '../config';
import { shift, type Issue, type Severity } from '../issues';
import type { WorkspaceIndex } from '../workspace/index';
import { workspaceIssues } from './document';
import type { AnalyzedFile } from './file';

export interface ShownIssue {
  issue: Issue;
  severity: Severity;
}

export function fileIssues(file: AnalyzedFile, index: WorkspaceIndex, settings: Settings): ShownIssue[] {
  if (!settings.validateEnable) return [];
  const out: ShownIssue[] = [];
  for (const doc of file.docs) {
    if (!doc.kubernetes) continue;
    for (const issue of [...doc.local, ...workspaceIssues(doc, index, index.generation)]) {
      const severity = shownSeverity(settings, issue);
      if (severity) out.push({ issue: shift(issue, doc.start), severity });
    }
  }
  return out;
}
