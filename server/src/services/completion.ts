// Completion from the schema at the cursor: the keys valid there (required
// first, described), enum and boolean values, apiVersion/kind pairs, a snippet
// per kind for a new document, and label keys and values taken from the
// selectors and templates they would have to match.
import { KINDS } from '../../../runtime/src/api/kinds';
import { schemaAt, type SchemaNode } from '../../../runtime/src/api/schema/index';
import type { ParsedDocument } from '../analysis/document';
import { cursorContext, type CursorContext } from '../documents/cursor';
import { namespaceOf } from '../lint/pods';
import type { IndexedResource } from '../workspace/resources';
import { DOCUMENT_SNIPPETS } from './snippets';
import { kindInfoOf, topLevelScalar, typeName } from './schemaInfo';

export interface CompletionEntry {
  label: string;
  kind: 'property' | 'value' | 'snippet' | 'module';
  detail?: string;
  documentation?: string;
  insertText: string;
  /** insertText uses LSP snippet syntax. */
  snippet: boolean;
  sortText: string;
  /** Segment-relative offsets the entry replaces. */
  range: { start: number; end: number };
}

export interface CompletionWorkspace {
  /** Everything indexed, for label keys and values of selectors and templates. */
  resources(): Iterable<IndexedResource>;
}

export function completeAt(doc: ParsedDocument, offset: number, workspace: CompletionWorkspace): CompletionEntry[] {
  const ctx = cursorContext(doc.text, offset);
  const range = { start: ctx.tokenStart, end: ctx.at === 'key' ? Math.max(offset, ctx.tokenStart + ctx.prefix.length) : ctx.tokenEnd };
  const entry = (e: Omit<CompletionEntry, 'range'>): CompletionEntry => ({ ...e, range });
  if (ctx.at === 'value') return valueEntries(doc, ctx, workspace).map(entry);
  return keyEntries(doc, ctx, workspace).map(entry);
}

type Entry = Omit<CompletionEntry, 'range'>;

function keyEntries(doc: ParsedDocument, ctx: CursorContext, workspace: CompletionWorkspace): Entry[] {
  const info = kindInfoOf(doc);
  const out: Entry[] = [];
  if (ctx.parent.length === 0 && !ctx.siblings.includes('apiVersion') && !ctx.siblings.includes('kind')) {
    for (const s of DOCUMENT_SNIPPETS)
      out.push({ label: `${s.kind} (${s.apiVersion})`, kind: 'snippet', detail: `new ${s.kind}`, insertText: s.body, snippet: true, sortText: `2${s.kind}` });
    for (const k of KINDS)
      out.push({ label: `apiVersion: ${k.apiVersion}, kind: ${k.kind}`, kind: 'module', insertText: `apiVersion: ${k.apiVersion}\nkind: ${k.kind}\n`, snippet: false, sortText: `1${k.kind}` });
  }
  if (!info) return out;
  const node = schemaAt(info, ctx.parent);
  if (!node) return out;
  if (node.type === 'map') return [...out, ...labelEntries(doc, ctx, workspace, 'key')];
  const required = new Set(node.required ?? []);
  for (const [name, prop] of Object.entries(node.properties ?? {})) {
    if (ctx.siblings.includes(name) || name === 'status') continue;
    out.push({
      label: name,
      kind: 'property',
      detail: `<${typeName(prop)}>${required.has(name) ? ' required' : ''}`,
      documentation: prop.description,
      insertText: keySnippet(name, prop),
      snippet: true,
      sortText: `${required.has(name) ? 0 : 1}${name}`,
    });
  }
  return out;
}

/** `name: `, or the key with its block opened for objects and lists. */
function keySnippet(name: string, prop: SchemaNode): string {
  if (prop.type === 'array') return `${name}:\n  - $0`;
  if (prop.type === 'object' || prop.type === 'map') return `${name}:\n  $0`;
  return `${name}: $0`;
}

function valueEntries(doc: ParsedDocument, ctx: CursorContext, workspace: CompletionWorkspace): Entry[] {
  const key = ctx.key!;
  if (ctx.parent.length === 0 && key === 'apiVersion') {
    const kind = topLevelScalar(doc.text, 'kind');
    const versions = [...new Set(KINDS.filter((k) => !kind || k.kind === kind).map((k) => k.apiVersion))];
    return versions.map((v) => value(v, KINDS.filter((k) => k.apiVersion === v).map((k) => k.kind).join(', ')));
  }
  if (ctx.parent.length === 0 && key === 'kind') {
    const apiVersion = topLevelScalar(doc.text, 'apiVersion');
    return KINDS.filter((k) => !apiVersion || k.apiVersion === apiVersion).map((k) => value(k.kind, k.apiVersion));
  }
  const info = kindInfoOf(doc);
  if (!info) return [];
  const parent = schemaAt(info, ctx.parent);
  if (parent?.type === 'map') return labelEntries(doc, ctx, workspace, 'value');
  const node = schemaAt(info, [...ctx.parent, key]);
  if (node?.enum) return node.enum.map((v) => value(v, `<${typeName(node)}>`));
  if (node?.type === 'boolean') return ['true', 'false'].map((v) => value(v, '<boolean>'));
  return [];
}

function value(text: string, detail?: string): Entry {
  return { label: text, kind: 'value', detail, insertText: text, snippet: false, sortText: `0${text}` };
}

/**
 * Label keys and values for a labels map (drawn from the selectors that should
 * match it) or a selector map (drawn from the labels of templates and pods), in
 * the document's namespace; the document's own counterpart comes first.
 */
function labelEntries(doc: ParsedDocument, ctx: CursorContext, workspace: CompletionWorkspace, at: 'key' | 'value'): Entry[] {
  const path = ctx.parent.join('.');
  const onSelector = /(^|\.)selector(\.matchLabels)?$/.test(path);
  const onLabels = /(^|\.)metadata\.labels$/.test(path);
  if (!onSelector && !onLabels) return [];
  const ns = doc.object ? namespaceOf(doc.object) : 'default';
  const pairs = new Map<string, Set<string>>();
  const add = (labels: Record<string, string> | undefined) => {
    for (const [k, v] of Object.entries(labels ?? {})) {
      if (!pairs.has(k)) pairs.set(k, new Set());
      pairs.get(k)!.add(v);
    }
  };
  const mine = doc.resource;
  if (mine) add(onSelector ? mine.podLabels : selectorLabels(mine));
  for (const r of workspace.resources()) if (r.namespace === ns && r !== mine) add(onSelector ? r.podLabels : selectorLabels(r));
  if (at === 'value') return [...(pairs.get(ctx.key!) ?? [])].map((v) => value(v, 'label value'));
  return [...pairs]
    .filter(([k]) => !ctx.siblings.includes(k))
    .flatMap(([k, vs]) => [...vs].map((v, i) => ({ label: `${k}: ${v}`, kind: 'value' as const, detail: onSelector ? 'label of matching pods' : 'label a selector requires', insertText: `${k}: ${v}`, snippet: false, sortText: `0${k}${i}` })));
}

/** The equality requirements of a resource's selector as labels (what pods must carry). */
function selectorLabels(r: IndexedResource): Record<string, string> | undefined {
  if (!r.selector) return undefined;
  const out: Record<string, string> = {};
  for (const req of r.selector.requirements) if (req.operator === 'In' && req.values.length === 1) out[req.key] = req.values[0];
  return out;
}
