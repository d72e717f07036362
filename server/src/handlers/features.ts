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
  type Connection,
  type Diagnostic,
  type DocumentSymbol,
  type Location,
  type Position,
  type ServerCapabilities,
} from 'vscode-languageserver';
import type { Range } from '../../../runtime/src/text/documents';
import type { ParsedDocument } from '../analysis/document';
import { documentAt, type AnalyzedFile } from '../analysis/file';
import { quickFixes } from '../services/actions';
import { completeAt, type CompletionEntry } from '../services/completion';
import { hoverAt } from '../services/hover';
import { counterparts, ownRange, sideAt, type Target } from '../services/navigation';
import { documentSymbols, workspaceSymbols, type OutlineSymbol } from '../services/symbols';
import type { Workspace } from '../workspace/workspace';

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
  /** The Kubernetes document at a position; `orEmpty` also accepts an empty document (to start one). */
  const at = (uri: string, pos: Position, orEmpty = false): At | undefined => {
    const file = current(uri);
    if (!file) return undefined;
    const abs = file.lines.offset(pos.line, pos.character);
    const doc = documentAt(file, abs);
    const ok = doc && (doc.kubernetes || (orEmpty && doc.manifest.value == null));
    return ok ? { file, doc, offset: abs - doc.start } : undefined;
  };
  const range = (file: AnalyzedFile, r: Range, base = 0) => ({ start: file.lines.position(r.start + base), end: file.lines.position(r.end + base) });
  const location = (t: Pick<Target, 'uri' | 'range'>): Location | undefined => {
    const lines = workspace.lines(t.uri);
    return lines ? { uri: t.uri, range: { start: lines.position(t.range.start), end: lines.position(t.range.end) } } : undefined;
  };

  connection.onHover(({ textDocument, position }) => {
    const a = at(textDocument.uri, position);
    const h = a && hoverAt(a.doc, a.offset, workspace.index);
    return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: range(a.file, h.range, a.doc.start) } : null;
  });

  connection.onCompletion(({ textDocument, position }) => {
    const a = at(textDocument.uri, position, true);
    if (!a) return null;
    return completeAt(a.doc, a.offset, workspace.index).map((e) => completionItem(e, range(a.file, e.range, a.doc.start)));
  });

  connection.onDocumentSymbol(({ textDocument }) => {
    const file = current(textDocument.uri);
    return file ? documentSymbols(file.docs).map((s) => documentSymbol(s, file)) : null;
  });

  connection.onWorkspaceSymbol(({ query }) =>
    workspaceSymbols(workspace.index.resources(), query).flatMap((s) => {
      const loc = location(s);
      return loc ? [{ name: s.name, kind: SymbolKind.Object, containerName: s.namespace, location: loc }] : [];
    }),
  );

  connection.onDefinition(({ textDocument, position }) => {
    const a = at(textDocument.uri, position);
    const side = a && sideAt(a.doc, a.offset);
    return side ? counterparts(side, workspace.index).flatMap((t) => location(t) ?? []) : null;
  });

  connection.onReferences(({ textDocument, position, context }) => {
    const a = at(textDocument.uri, position);
    const side = a && sideAt(a.doc, a.offset);
    if (!side) return null;
    const own = context.includeDeclaration ? ownRange(side) : undefined;
    return [...(own ? [own] : []), ...counterparts(side, workspace.index)].flatMap((t) => location(t) ?? []);
  });

  connection.onCodeAction(({ textDocument, context }) => {
    const file = current(textDocument.uri);
    if (!file) return null;
    const actions: CodeAction[] = [];
    for (const doc of file.docs) {
      const diags = context.diagnostics.filter((d) => inDocument(file, doc, d));
      if (!diags.length || !doc.kubernetes) continue;
      const targets = diags.map((d) => ({ code: String(d.code ?? ''), path: (d.data as { path?: string } | undefined)?.path, message: d.message, diagnostic: d }));
      for (const fix of quickFixes(doc, targets, minor)) {
        const diagnostic = targets.find((t) => t === fix.target)?.diagnostic;
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: diagnostic ? [diagnostic] : [],
          isPreferred: fix.preferred,
          edit: { changes: { [textDocument.uri]: [{ range: range(file, fix.edit, doc.start), newText: fix.edit.newText }] } },
        });
      }
    }
    return actions;
  });

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

function inDocument(file: AnalyzedFile, doc: ParsedDocument, d: Diagnostic): boolean {
  return documentAt(file, file.lines.offset(d.range.start.line, d.range.start.character)) === doc;
}

const ITEM_KIND: Record<CompletionEntry['kind'], CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
  module: CompletionItemKind.Module,
};

function completionItem(e: CompletionEntry, range: { start: Position; end: Position }) {
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

function documentSymbol(s: OutlineSymbol, file: AnalyzedFile): DocumentSymbol {
  const r = (x: Range) => ({ start: file.lines.position(x.start), end: file.lines.position(x.end) });
  return { name: s.name, detail: s.detail, kind: SYMBOL_KIND[s.kind], range: r(s.range), selectionRange: r(s.selection), children: s.children.map((c) => documentSymbol(c, file)) };
}
