// One document of an open file with everything the server derived from its
// text: parse, API findings, document-scope lint, its index entry. Built once per
// distinct segment text (documents/segmentCache.ts); offsets are relative to the
// segment, whose file position (`start`, `startLine`) and index are updated when reused.
import { LineIndex } from '../../../runtime/src/text/path';
import { parseDocuments, type ManifestDocument } from '../../../runtime/src/text/documents';
import { parseSuppressions, type Suppressions } from '../documents/suppressions';
import type { Issue } from '../issues';
import { LINT_RULES } from '../lint/registry';
import { isRecord, type Obj } from '../../../runtime/src/api/values';
import type { WorkspaceQuery } from '../workspace/query';
import { fingerprint, indexedResource, type DocOrigin, type IndexedResource } from '../workspace/resources';
import { apiIssues, isKubernetesDocument, syntaxIssues } from './api';
import { runLint } from './lint';

export interface ParsedDocument extends DocOrigin {
  /** 0-based file line of `start`. */
  startLine: number;
  text: string;
  /** Line table of the segment text, shared by the segment's documents. */
  lines: LineIndex;
  manifest: ManifestDocument;
  /** Whether this is a Kubernetes manifest at all (else: no diagnostics). */
  kubernetes: boolean;
  object?: Obj;
  suppressions: Suppressions;
  /** Syntax, API and document-scope lint issues, segment-relative. */
  local: Issue[];
  resource?: IndexedResource;
  fingerprint: string;
  /** Workspace-scope lint, valid while the index generation is unchanged. */
  workspace?: { generation: number; issues: readonly Issue[] };
}

export interface AnalyzeOptions {
  uri: string;
  minor: number;
}

const DOCUMENT_RULES = LINT_RULES.filter((r) => r.scope === 'document');
const WORKSPACE_RULES = LINT_RULES.filter((r) => r.scope === 'workspace');

/** Index, start and startLine are placeholders here; the file model sets them. */
export function analyzeSegment(text: string, opts: AnalyzeOptions, lines = new LineIndex(text)): ParsedDocument[] {
  const manifests = parseDocuments(text);
  // Blank or comment-only text still gets a document, so completion can offer new documents there.
  if (!manifests.length) manifests.push(emptyDocument(text));
  return manifests.map((manifest) => {
    const kubernetes = isKubernetesDocument(manifest, text);
    const object = kubernetes && isRecord(manifest.value) ? manifest.value : undefined;
    const doc: ParsedDocument = {
      uri: opts.uri,
      index: 0,
      start: 0,
      startLine: 0,
      text,
      lines,
      manifest,
      kubernetes,
      object,
      suppressions: parseSuppressions(text),
      local: [],
      fingerprint: '',
    };
    if (!kubernetes) return doc;
    doc.local = [...syntaxIssues(manifest), ...apiIssues(manifest, opts.minor)];
    if (object) {
      doc.resource = indexedResource(doc, object, manifest.locate);
      doc.fingerprint = fingerprint(doc.resource);
      doc.local.push(...runLint(DOCUMENT_RULES, doc, { object, workspace: NO_WORKSPACE, self: doc, resource: doc.resource }));
    }
    return doc;
  });
}

/** Workspace-scope lint for one document, cached per index generation (the same array while valid). */
export function workspaceIssues(doc: ParsedDocument, query: WorkspaceQuery, generation: number): readonly Issue[] {
  if (!doc.object) return NO_ISSUES;
  if (doc.workspace?.generation === generation) return doc.workspace.issues;
  const issues = runLint(WORKSPACE_RULES, doc, { object: doc.object, workspace: query, self: doc, resource: doc.resource });
  doc.workspace = { generation, issues };
  return issues;
}

function emptyDocument(text: string): ManifestDocument {
  return { index: 0, range: { start: 0, end: text.length }, value: null, syntaxErrors: [], locate: () => ({ start: 0, end: 0 }), has: () => false };
}

const NO_ISSUES: readonly Issue[] = Object.freeze([]);
const NO_WORKSPACE: WorkspaceQuery = { podsMatching: () => [], selectorsMatching: () => [] };
