// The shape every lint rule shares: a stable id, a default severity, whether it
// needs the workspace index, and a pure check over one object (STYLE §21).
import type { Severity } from '../issues';
import type { WorkspaceQuery } from '../workspace/query';
import type { IndexedResource } from '../workspace/resources';

export interface LintHit {
  path: string;
  anchor: 'key' | 'value';
  message: string;
}

export interface LintContext {
  /** The document's value, known to be a mapping with apiVersion/kind. */
  object: Record<string, unknown>;
  /** Present for workspace rules: what the rest of the workspace holds. */
  workspace: WorkspaceQuery;
  /** Identifies this document, so a rule can leave it out of its own answers. */
  self: { uri: string; index: number };
  /** The document's own index entry: its selector and pod labels as the workspace index holds them. */
  resource?: IndexedResource;
}

export interface LintRule {
  id: string;
  severity: Exclude<Severity, 'error'>;
  /** `document` rules see only the object; `workspace` rules also query the index. */
  scope: 'document' | 'workspace';
  /** One line for settings and docs/rules.md. */
  summary: string;
  check(ctx: LintContext): LintHit[];
}
