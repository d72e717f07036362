// Which files `kubelab validate` reads, and reading one of them. Reading is the
// I/O boundary: every failure comes back as a value the report shows, never as
// an exception, and no input can make the command wait or grow without bound
// once it has started reading (a FIFO with no writer still waits, as `cat` does).
import { closeSync, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import { MAX_INPUT_BYTES, tooLargeProblem, type InputProblem } from '../text/input';

export const STDIN_NAME = '<stdin>';

const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** A problem with the whole input: one of text/input's refusals, or the read itself failed. */
export type ReadProblem = InputProblem | { code: 'unreadable-file'; message: string };

/**
 * The files to read, in order: arguments as given, directories expanded to their
 * manifest files sorted by name. A named file is read whatever its extension. A
 * path that exists but cannot be looked at (a directory without permission on
 * the way) is kept, so that reading it reports why.
 */
export function collectInputs(paths: string[], cwd: string): { files: string[] } | { missing: string } {
  const files: string[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    if (!seen.has(p)) files.push(p);
    seen.add(p);
  };
  for (const p of paths) {
    if (p === '-') {
      add(STDIN_NAME);
      continue;
    }
    const abs = resolve(cwd, p);
    const st = lookUp(abs);
    if (st === 'missing') return { missing: p };
    if (st !== 'inaccessible' && st.isDirectory()) walk(abs, new Set(), add);
    else add(abs);
  }
  return { files };
}

/**
 * Only regular files are taken from a directory: a FIFO, socket or device that
 * happens to be named `*.yaml` would block or never end. A directory that cannot
 * be listed is added itself, so its read error appears in the report instead of
 * the directory silently counting as empty.
 */
function walk(dir: string, visited: Set<string>, add: (p: string) => void): void {
  // Symlinked directories may form a cycle; each real directory is read once.
  const real = realpathOrSelf(dir);
  if (visited.has(real)) return;
  visited.add(real);
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    add(dir);
    return;
  }
  for (const name of names) {
    const p = resolve(dir, name);
    const st = lookUp(p);
    if (st === 'missing' || st === 'inaccessible') continue;
    if (st.isDirectory()) {
      if (name !== 'node_modules' && !name.startsWith('.')) walk(p, visited, add);
    } else if (st.isFile() && MANIFEST_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext))) {
      add(p);
    }
  }
}

/** stat(2), telling "not there" (ENOENT, ENOTDIR) from "there but not for us" (EACCES, ELOOP, ...). */
function lookUp(p: string): Stats | 'missing' | 'inaccessible' {
  try {
    return statSync(p);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'inaccessible';
  }
}

function realpathOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/**
 * The file's bytes, at most MAX_INPUT_BYTES of them. A regular file's size is
 * known before reading, so a huge one is refused unread; a pipe (`<(cmd)`) is
 * read until the cap is passed and then refused the same way.
 */
export function readInputFile(abs: string): { bytes: Buffer } | { problem: ReadProblem } {
  let fd: number | undefined;
  try {
    fd = openSync(abs, 'r');
    const st = fstatSync(fd);
    if (st.isDirectory()) return unreadable('is a directory');
    if (st.isFile() && st.size > MAX_INPUT_BYTES) return { problem: tooLargeProblem() };
    const bytes = readAtMost(fd, MAX_INPUT_BYTES + 1);
    return bytes.byteLength > MAX_INPUT_BYTES ? { problem: tooLargeProblem() } : { bytes };
  } catch (e) {
    return unreadable((e as Error).message);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readAtMost(fd: number, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, limit - total));
    const n = readSync(fd, chunk, 0, chunk.byteLength, null);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
  }
  return Buffer.concat(chunks, total);
}

function unreadable(reason: string): { problem: ReadProblem } {
  return { problem: { code: 'unreadable-file', message: `cannot read file: ${reason}` } };
}
