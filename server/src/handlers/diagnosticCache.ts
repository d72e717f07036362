// Each document's LSP diagnostics, kept between publishes: a document whose
// text, settings and workspace lint are unchanged reuses its Diagnostic objects,
// and one that only moved up or down gets them shifted by the line delta. So a
// keystroke converts the diagnostics of the edited document only; the rest of
// the (LSP-mandated) full list is reused.
import type { Diagnostic } from 'vscode-languageserver';
import { workspaceIssues, type ParsedDocument } from '../analysis/document';
import type { AnalyzedFile } from '../analysis/file';
import { documentIssues } from '../analysis/issues';
import type { Settings } from '../config';
import { shiftPosition } from '../documents/fileLines';
import type { Issue } from '../issues';
import type { WorkspaceIndex } from '../workspace/index';
import { moveDiagnostic, toDiagnostic } from './toDiagnostic';

interface Entry {
  settings: Settings;
  /** The workspace lint the diagnostics were made from (a new array whenever it is recomputed). */
  workspace: readonly Issue[];
  startLine: number;
  diagnostics: Diagnostic[];
}

export class DiagnosticCache {
  /** Keyed by the document object, which the segment cache reuses exactly while its text is unchanged. */
  private readonly entries = new WeakMap<ParsedDocument, Entry>();
  /** Documents converted afresh by the last `forFile` (the rest were reused or moved). */
  converted = 0;

  forFile(file: AnalyzedFile, index: WorkspaceIndex, settings: Settings): Diagnostic[] {
    this.converted = 0;
    if (!settings.validateEnable) return [];
    const out: Diagnostic[] = [];
    for (const doc of file.docs) {
      if (!doc.kubernetes) continue;
      for (const d of this.forDocument(doc, index, settings)) out.push(d);
    }
    return out;
  }

  private forDocument(doc: ParsedDocument, index: WorkspaceIndex, settings: Settings): Diagnostic[] {
    const workspace = workspaceIssues(doc, index, index.generation);
    const cached = this.entries.get(doc);
    if (cached && cached.settings === settings && cached.workspace === workspace) {
      if (cached.startLine !== doc.startLine) {
        const by = doc.startLine - cached.startLine;
        cached.diagnostics = cached.diagnostics.map((d) => moveDiagnostic(d, by));
        cached.startLine = doc.startLine;
      }
      return cached.diagnostics;
    }
    this.converted++;
    const at = { position: (offset: number) => shiftPosition(doc.lines.position(offset), doc.startLine) };
    const diagnostics = documentIssues(doc, workspace, settings).map((s) => toDiagnostic(s.issue, s.severity, at));
    this.entries.set(doc, { settings, workspace, startLine: doc.startLine, diagnostics });
    return diagnostics;
  }
}
