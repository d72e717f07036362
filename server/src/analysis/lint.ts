// Runs lint rules over one document and turns their hits into document-relative
// Issues, dropping the ones a suppression comment silences.
import type { ManifestDocument } from '../../../runtime/src/text/documents';
import { isSuppressed, type Suppressions } from '../documents/suppressions';
import type { Issue } from '../issues';
import type { LintContext, LintRule } from '../lint/types';

export interface LintTarget {
  manifest: ManifestDocument;
  text: string;
  suppressions: Suppressions;
}

export function runLint(rules: readonly LintRule[], target: LintTarget, ctx: LintContext): Issue[] {
  const out: Issue[] = [];
  for (const rule of rules) {
    for (const hit of rule.check(ctx)) {
      const range = target.manifest.locate(hit.path, hit.anchor);
      if (isSuppressed(target.suppressions, rule.id, target.text, range.start)) continue;
      out.push({ code: rule.id, severity: rule.severity, path: hit.path, range, message: hit.message });
    }
  }
  return out;
}
