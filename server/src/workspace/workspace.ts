// The workspace as the server knows it: open files (analysed, authoritative)
// over files read from disk (indexed only). Both feed one WorkspaceIndex.
import { isKubernetesLike } from '../../../runtime/src/api/check';
import { parseDocuments } from '../../../runtime/src/text/documents';
import { LineIndex } from '../../../runtime/src/text/path';
import type { AnalyzedFile } from '../analysis/file';
import type { ParsedDocument } from '../analysis/document';
import type { Lines } from '../documents/fileLines';
import { splitSegments } from '../documents/split';
import { isRecord } from '../../../runtime/src/api/values';
import { WorkspaceIndex } from './index';
import { indexedResource, type IndexedResource } from './resources';

export class Workspace {
  readonly index = new WorkspaceIndex();
  private readonly open = new Map<string, AnalyzedFile>();
  /** Line tables of indexed disk files, for turning their offsets into positions. */
  private readonly diskLines = new Map<string, LineIndex>();

  /**
   * Records an open file's latest analysis. Returns whether the index generation
   * moved. A file analysed from the one recorded here updates the index by its
   * delta: only the documents cut again are unlinked and linked.
   */
  setOpen(file: AnalyzedFile): boolean {
    const basis = file.delta?.basis;
    const patch = basis !== undefined && this.open.get(file.uri) === basis;
    this.open.set(file.uri, file);
    this.diskLines.delete(file.uri);
    const resources = resourcesOf(file.docs);
    if (!patch) return this.index.setFile(file.uri, resources, file.docs.map((d) => d.fingerprint).join('\n'));
    const { before, after } = file.delta!;
    const changed = before.length !== after.length || before.some((d, i) => d.fingerprint !== after[i].fingerprint);
    return this.index.patchFile(file.uri, resources, { removed: resourcesOf(before), added: resourcesOf(after), changed });
  }

  /** The file was closed; its disk content (if any) is indexed by the caller next. */
  close(uri: string): void {
    this.open.delete(uri);
    this.index.removeFile(uri);
  }

  openFile(uri: string): AnalyzedFile | undefined {
    return this.open.get(uri);
  }

  isOpen(uri: string): boolean {
    return this.open.has(uri);
  }

  /** Indexes a file read from disk, unless an editor holds it open. */
  setDisk(uri: string, text: string): boolean {
    if (this.open.has(uri)) return false;
    this.diskLines.set(uri, new LineIndex(text));
    const resources = resourcesOfText(uri, text);
    return this.index.setFile(uri, resources);
  }

  removeDisk(uri: string): boolean {
    if (this.open.has(uri)) return false;
    this.diskLines.delete(uri);
    return this.index.removeFile(uri);
  }

  lines(uri: string): Lines | undefined {
    return this.open.get(uri)?.lines ?? this.diskLines.get(uri);
  }
}

function resourcesOf(docs: readonly ParsedDocument[]): IndexedResource[] {
  const out: IndexedResource[] = [];
  for (const d of docs) if (d.resource) out.push(d.resource);
  return out;
}

/** Index entries of a file's text without running validation or lint. */
function resourcesOfText(uri: string, text: string): IndexedResource[] {
  const out: IndexedResource[] = [];
  let index = 0;
  for (const seg of splitSegments(text)) {
    for (const m of parseDocuments(seg.text)) {
      const origin = { uri, index: index++, start: seg.start };
      if (!isRecord(m.value) || !isKubernetesLike(m.value)) continue;
      const r = indexedResource(origin, m.value, m.locate);
      if (r) out.push(r);
    }
  }
  return out;
}
