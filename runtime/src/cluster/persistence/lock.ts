// One writer per state directory: a `lock` file holding the owner's pid.
// Every CLI command holds it from restore to commit, readers included,
// because restore itself may repair (rewrite) a torn journal.
//
// The file is written under a private name and hard-linked into place, so
// `lock` never exists without its pid. A lock whose pid is no longer running
// (a killed command) is taken over, with a note for the user. The takeover
// renames the stale file aside first and checks it is still the dead owner's,
// so two commands finding the same stale lock cannot both win.

import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { ensureDir, join } from './files';

export const LOCK_FILE = 'lock';
/** How long a command waits for another one to finish before giving up (50 ms polls). */
const LOCK_WAIT_POLLS = 600;
const POLL_MS = 50;

export interface LockOptions {
  pid?: number;
  /** Whether a process is running (tests substitute their own). */
  isAlive?: (pid: number) => boolean;
  polls?: number;
  pollMs?: number;
}

export type LockResult = { ok: true; release: () => void; notes: string[] } | { ok: false; message: string };

/** signal 0 probes without signalling; EPERM means it exists but belongs to someone else. */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function tryLink(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

/** Moves a dead owner's lock aside; true when the file moved was indeed that owner's. */
function takeOver(lock: string, deadPid: number, pid: number): boolean {
  const aside = `${lock}.stale-${pid}`;
  try {
    renameSync(lock, aside);
  } catch {
    return false; // Someone else moved it first.
  }
  const moved = readPid(aside);
  // Between our read and the rename a live command may have taken over: put its lock back
  // (if the slot was taken again meanwhile, that newer owner keeps it).
  if (moved !== deadPid) tryLink(aside, lock);
  unlinkQuietly(aside);
  return moved === deadPid;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function acquireLock(dir: string, opts: LockOptions = {}): Promise<LockResult> {
  const pid = opts.pid ?? process.pid;
  const isAlive = opts.isAlive ?? processIsAlive;
  const polls = opts.polls ?? LOCK_WAIT_POLLS;
  ensureDir(dir);
  const lock = join(dir, LOCK_FILE);
  const mine = join(dir, `${LOCK_FILE}.${pid}`);
  writeFileSync(mine, `${pid}\n`);
  const notes: string[] = [];
  let holder: number | undefined;
  try {
    for (let attempt = 0; attempt <= polls; attempt++) {
      if (tryLink(mine, lock)) {
        const release = () => {
          if (readPid(lock) === pid) unlinkQuietly(lock);
        };
        return { ok: true, release, notes };
      }
      holder = readPid(lock);
      // Released between our link and our read: try again at once.
      if (holder === undefined) continue;
      if (holder !== pid && !isAlive(holder)) {
        if (takeOver(lock, holder, pid)) notes.push(`the lock on ${dir} was held by process ${holder}, which is no longer running; taking it over`);
        continue;
      }
      await sleep(opts.pollMs ?? POLL_MS);
    }
  } finally {
    unlinkQuietly(mine);
  }
  return {
    ok: false,
    message: `the state directory ${dir} is locked by process ${holder ?? 'unknown'}; wait for it to finish, or remove ${lock} if that process is not kubelab`,
  };
}
