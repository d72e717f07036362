// Finds the YAML files of the workspace folders for the index: breadth-first,
// skipping excluded paths, stopping at the file cap. I/O only; callers parse.
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Files above this size are not indexed (a generated dump is not a manifest to navigate). */
export const MAX_INDEXED_FILE_BYTES = 1024 * 1024;

/** Whether a file name, path or URI names a YAML file (the same test the client's file watcher makes). */
export function isYamlPath(p: string): boolean {
  return /\.ya?ml$/i.test(p);
}

/** Never worth walking, whatever files.exclude says. */
const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

export async function findYamlFiles(roots: readonly string[], isExcluded: (rel: string) => boolean, maxFiles: number): Promise<string[]> {
  const out: string[] = [];
  for (const root of roots) {
    const queue = [root];
    while (queue.length && out.length < maxFiles) {
      const dir = queue.shift()!;
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        const full = join(dir, e.name);
        const rel = relative(root, full).split(sep).join('/');
        if (ALWAYS_SKIPPED.has(e.name) || isExcluded(rel)) continue;
        if (e.isDirectory()) queue.push(full);
        else if (e.isFile() && isYamlPath(e.name) && out.length < maxFiles && (await small(full))) out.push(full);
      }
    }
  }
  return out;
}

async function small(file: string): Promise<boolean> {
  try {
    return (await stat(file)).size <= MAX_INDEXED_FILE_BYTES;
  } catch {
    return false;
  }
}
