// What the API server would say about one document: YAML syntax problems and
// the runtime's static pipeline (checkObject), as document-relative Issues.
import { checkObject, isKubernetesLike, type Finding } from '../../../runtime/src/api/check';
import type { ManifestDocument } from '../../../runtime/src/text/documents';
import type { Issue, Severity } from '../issues';

/**
 * A document is ours when it is a mapping with `apiVersion` or `kind`. A document
 * too broken to build a value counts when its text has either key at the top
 * level, so a GitHub workflow with a typo still gets nothing.
 */
export function isKubernetesDocument(doc: ManifestDocument, text: string): boolean {
  if (doc.value !== undefined) return isKubernetesLike(doc.value);
  return /^(?:apiVersion|kind)[ \t]*:/m.test(text);
}

export function syntaxIssues(doc: ManifestDocument): Issue[] {
  return doc.syntaxErrors.map((p) => ({ code: p.code, severity: 'error', range: p.range, message: p.message }));
}

export function apiIssues(doc: ManifestDocument, minor: number): Issue[] {
  if (doc.value === undefined || doc.syntaxErrors.length) return [];
  return checkObject(doc.value, { minor }).map((f) => findingIssue(doc, f));
}

const SEVERITY: Record<Finding['severity'], Severity> = { error: 'error', warning: 'warning', info: 'information' };

function findingIssue(doc: ManifestDocument, f: Finding): Issue {
  return { code: f.code, severity: SEVERITY[f.severity], path: f.path, range: doc.locate(f.path, f.anchor), message: f.message };
}
