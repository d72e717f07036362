// Durable file operations: atomic replacement (write a temporary file, fsync,
// rename, fsync the directory) and fsync'd appends, so a crash at any moment
// leaves either the old or the new contents, never a mix.

import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function ensureDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some platforms cannot open directories; the rename is still atomic there.
  }
}

/** Writes (`w`) or appends (`a`) and returns only once the data is on disk. */
function writeSynced(path: string, flags: 'w' | 'a', text: string): void {
  const fd = openSync(path, flags);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp`;
  writeSynced(tmp, 'w', text);
  renameSync(tmp, path);
  fsyncDir(dirname(path));
}

/** Appends and waits for the disk: once this returns, the text survives a crash. */
export function appendDurable(path: string, text: string): void {
  writeSynced(path, 'a', text);
}

export function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

export function renameIfExists(from: string, to: string): void {
  if (existsSync(from)) renameSync(from, to);
}

/** Copies a damaged file next to itself as `<name>.corrupt-<n>` and returns that path. */
export function keepAside(path: string): string {
  let n = 1;
  while (existsSync(`${path}.corrupt-${n}`)) n++;
  const target = `${path}.corrupt-${n}`;
  copyFileSync(path, target);
  fsyncDir(dirname(path));
  return target;
}

export { join };
