// Language features over the connection: each handler finds the document at
// the cursor, asks a pure service (services/) and converts offsets to LSP
// positions. Returns the capabilities it registered.
import {
  CodeActionKind,
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  type CodeAction,
  type CodeActionParams,
  type CompletionParams,
  type Connection,
  type DefinitionParams,
  type Diagnostic,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type HoverParams,
  type Location,
  type Position,
  type Range as LspRange,
  type ReferenceParams,
  type ServerCapabilities,
  type WorkspaceSymbolParams,
} from 'vscode-languageserver';
import type { ParsedDocument } from '../analysis/document';
import { documentAt, type AnalyzedFile } from '../analysis/file';
import { toPositions, type Lines } from '../documents/fileLines';
import { quickFixes, type FixTarget } from '../services/actions';
import { completeAt, type CompletionEntry } from '../services/completion';
import { hoverAt } from '../services/hover';
import { counterparts, ownRange, sideAt, type Target } from '../services/navigation';
import { documentSymbols, workspaceSymbols, type OutlineSymbol } from '../services/symbols';
import type { Workspace } from '../workspace/workspace';
import { errorText } from './errors';

interface At {
  file: AnalyzedFile;
  doc: ParsedDocument;
  /** Segment-relative offset of the cursor. */
  offset: number;
}

export function registerFeatures(
  connection: Connection,
  workspace: Workspace,
  current: (uri: string) => AnalyzedFile | undefined,
  minor: number,
): ServerCapabilities {
  /**
   * The adapter boundary (STYLE §3): a bug a request runs into is logged and the
   * request answered empty, instead of an error the editor shows to the user.
   */
  const answer =
    <P, R>(method: string, handler: (params: P) => R | null) =>
    (params: P): R | null => {
      try {
        return handler(params);
      } catch (e) {
        connection.console.error(`kubelab: ${method} failed: ${errorText(e)}`);
        return null;
      }
    };
  /** The Kubernetes document at a position; `orEmpty` also accepts an empty document (to start one). */
  const at = (uri: string, pos: Position, orEmpty = false): At | undefined => {
    const file = current(uri);
    if (!file) return undefined;
    const abs = file.lines.offset(pos.line, pos.character);
    const doc = documentAt(file, abs);
    const ok = doc && (doc.kubernetes || (orEmpty && doc.manifest.value == null));
    return ok ? { file, doc, offset: abs - doc.start } : undefined;
  };
  const location = (t: Pick<Target, 'uri' | 'range'>): Location | undefined => {
    const lines = workspace.lines(t.uri);
    return lines ? { uri: t.uri, range: toPositions(lines, t.range) } : undefined;
  };

  connection.onHover(
    answer('hover', ({ textDocument, position }: HoverParams) => {
      const a = at(textDocument.uri, position);
      const h = a && hoverAt(a.doc, a.offset, workspace.index);
      return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: toPositions(a.file.lines, h.range, a.doc.start) } : null;
    }),
  );

  connection.onCompletion(
    answer('completion', ({ textDocument, position }: CompletionParams) => {
      const a = at(textDocument.uri, position, true);
      if (!a) return null;
      return completeAt(a.doc, a.offset, workspace.index).map((e) => completionItem(e, toPositions(a.file.lines, e.range, a.doc.start)));
    }),
  );

  connection.onDocumentSymbol(
    answer('documentSymbol', ({ textDocument }: DocumentSymbolParams) => {
      const file = current(textDocument.uri);
      return file ? documentSymbols(file.docs).map((s) => documentSymbol(s, file.lines)) : null;
    }),
  );

  connection.onWorkspaceSymbol(
    answer('workspaceSymbol', ({ query }: WorkspaceSymbolParams) =>
      workspaceSymbols(workspace.index.resources(), typeof query === 'string' ? query : '').flatMap((s) => {
        const loc = location(s);
        return loc ? [{ name: s.name, kind: SymbolKind.Object, containerName: s.namespace, location: loc }] : [];
      }),
    ),
  );

  connection.onDefinition(
    answer('definition', ({ textDocument, position }: DefinitionParams) => {
      const a = at(textDocument.uri, position);
      const side = a && sideAt(a.doc, a.offset);
      return side ? counterparts(side, workspace.index).flatMap((t) => location(t) ?? []) : null;
    }),
  );

  connection.onReferences(
    answer('references', ({ textDocument, position, context }: ReferenceParams) => {
      const a = at(textDocument.uri, position);
      const side = a && sideAt(a.doc, a.offset);
      if (!side) return null;
      const own = context?.includeDeclaration ? ownRange(side) : undefined;
      return [...(own ? [own] : []), ...counterparts(side, workspace.index)].flatMap((t) => location(t) ?? []);
    }),
  );

  connection.onCodeAction(
    answer('codeAction', ({ textDocument, context }: CodeActionParams) => {
      const file = current(textDocument.uri);
      if (!file) return null;
      const actions: CodeAction[] = [];
      for (const [doc, targets] of targetsByDocument(file, context?.diagnostics ?? [])) {
        for (const fix of quickFixes(doc, targets, minor)) {
          actions.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [(fix.target as DiagnosticTarget).diagnostic],
            isPreferred: fix.preferred,
            edit: { changes: { [textDocument.uri]: [{ range: toPositions(file.lines, fix.edit, doc.start), newText: fix.edit.newText }] } },
          });
        }
      }
      return actions;
    }),
  );

  return {
    hoverProvider: true,
    completionProvider: { triggerCharacters: [' ', ':'] },
    documentSymbolProvider: true,
    workspaceSymbolProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
  };
}

interface DiagnosticTarget extends FixTarget {
  diagnostic: Diagnostic;
}

/**
 * The client's diagnostics as fix targets, grouped by the Kubernetes document
 * their start is in, in document order. They come back from the client as it
 * holds them, so only fields of the right type are trusted: `data.path` is what
 * toDiagnostic wrote, anything else is no path.
 */
function targetsByDocument(file: AnalyzedFile, diagnostics: readonly Diagnostic[]): [ParsedDocument, DiagnosticTarget[]][] {
  const groups = new Map<ParsedDocument, DiagnosticTarget[]>();
  for (const d of diagnostics) {
    const start = d?.range?.start;
    if (!start) continue;
    const doc = documentAt(file, file.lines.offset(start.line, start.character));
    if (!doc?.kubernetes) continue;
    const path = (d.data as { path?: unknown } | null | undefined)?.path;
    const target: DiagnosticTarget = {
      code: typeof d.code === 'string' || typeof d.code === 'number' ? String(d.code) : '',
      path: typeof path === 'string' ? path : undefined,
      message: typeof d.message === 'string' ? d.message : '',
      diagnostic: d,
    };
    const group = groups.get(doc);
    if (group) group.push(target);
    else groups.set(doc, [target]);
  }
  return [...groups].sort(([a], [b]) => a.index - b.index);
}

const ITEM_KIND: Record<CompletionEntry['kind'], CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
  module: CompletionItemKind.Module,
};

function completionItem(e: CompletionEntry, range: LspRange) {
  return {
    label: e.label,
    kind: ITEM_KIND[e.kind],
    detail: e.detail,
    documentation: e.documentation ? { kind: MarkupKind.Markdown, value: e.documentation } : undefined,
    sortText: e.sortText,
    filterText: e.label,
    insertTextFormat: e.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: { range, newText: e.insertText },
  };
}

const SYMBOL_KIND: Record<OutlineSymbol['kind'], SymbolKind> = { object: SymbolKind.Object, field: SymbolKind.Field, container: SymbolKind.Class };

function documentSymbol(s: OutlineSymbol, lines: Lines): DocumentSymbol {
  return {
    name: s.name,
    detail: s.detail,
    kind: SYMBOL_KIND[s.kind],
    range: toPositions(lines, s.range),
    selectionRange: toPositions(lines, s.selection),
    children: s.children.map((c) => documentSymbol(c, lines)),
  };
}
