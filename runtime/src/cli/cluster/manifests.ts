// Reading `-f FILE|DIR|-` as kubectl does: every YAML/JSON document of every
// file (a directory's *.yaml, *.yml and *.json, with -R its subdirectories
// too), each kept with the file name kubectl quotes in its errors.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { parseDocuments } from '../../text/documents';
import { missingTypeMessage } from '../../api/check';

export interface Manifest {
  /** The path as the user wrote it (kubectl's quoted `"f.yaml"`). */
  source: string;
  value: Record<string, unknown>;
}

export interface ManifestRead {
  manifests: Manifest[];
  errors: string[];
}

const MANIFEST_FILE = /\.(ya?ml|json)$/i;

function filesUnder(path: string, shown: string, recursive: boolean): { path: string; shown: string }[] {
  return readdirSync(path)
    .sort()
    .flatMap((name) => {
      const p = join(path, name);
      const s = join(shown, name);
      if (statSync(p).isDirectory()) return recursive ? filesUnder(p, s, recursive) : [];
      return MANIFEST_FILE.test(name) ? [{ path: p, shown: s }] : [];
    });
}

function documentsOf(text: string, source: string, out: ManifestRead): void {
  for (const doc of parseDocuments(text)) {
    if (doc.syntaxErrors.length) {
      out.errors.push(`error: error parsing ${source}: error converting YAML to JSON: ${doc.syntaxErrors[0].message}`);
      continue;
    }
    const v = doc.value;
    if (v === null || v === undefined) continue;
    if (typeof v !== 'object' || Array.isArray(v)) {
      out.errors.push(`error: error parsing ${source}: error unmarshaling JSON: json: cannot unmarshal ${Array.isArray(v) ? 'array' : typeof v} into Go value of type map[string]interface {}`);
      continue;
    }
    const obj = v as Record<string, unknown>;
    // cli-runtime's decoder names the first missing one.
    if (!obj.kind || !obj.apiVersion) out.errors.push(`error: unable to decode "${source}": ${missingTypeMessage(obj, !obj.kind ? 'kind' : 'apiVersion', Infinity)}`);
    else if (obj.kind === 'List' && Array.isArray(obj.items)) for (const item of obj.items) out.manifests.push({ source, value: item as Record<string, unknown> });
    else out.manifests.push({ source, value: obj });
  }
}

export async function readManifests(paths: string[], cwd: string, recursive: boolean, stdin: () => Promise<string>): Promise<ManifestRead> {
  const out: ManifestRead = { manifests: [], errors: [] };
  for (const p of paths) {
    if (p === '-') {
      documentsOf(await stdin(), 'STDIN', out);
      continue;
    }
    const abs = isAbsolute(p) ? p : join(cwd, p);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      out.errors.push(`error: the path "${p}" does not exist`);
      continue;
    }
    const files = isDir ? filesUnder(abs, p, recursive) : [{ path: abs, shown: p }];
    for (const f of files) documentsOf(readFileSync(f.path, 'utf8'), f.shown, out);
  }
  return out;
}
