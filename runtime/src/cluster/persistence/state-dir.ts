// A cluster state directory: restore on start, commit after each command.
//
// Restore picks the intact snapshot from which the longest unbroken chain of
// journal records (by seq) can be replayed, so one damaged file never loses an
// acknowledged change: the previous generation (snapshot.prev + journal.prev)
// covers a damaged snapshot, and a torn last journal line is a write that was
// never acknowledged. Damaged files are copied aside and reported.
//
// Commit appends one fsync'd record; a command's output is printed only after
// it returns. Every COMPACT_AFTER records the journal is folded into a new
// snapshot, keeping the previous generation.

import { statSync } from 'node:fs';
import type { ClusterState } from '../cluster';
import type { StoreChanges } from '../store/store';
import { decodeRecord, decodeSnapshot, encodeRecord, encodeSnapshot, type JournalRecord, type Snapshot } from './format';
import { appendDurable, ensureDir, join, keepAside, readIfExists, renameIfExists, writeAtomic } from './files';

export const SNAPSHOT = 'snapshot.json';
const SNAPSHOT_PREV = 'snapshot.prev.json';
export const JOURNAL = 'journal.jsonl';
const JOURNAL_PREV = 'journal.prev.jsonl';
const COMPACT_AFTER_BYTES = 4 * 1024 * 1024;

export interface Restored {
  /** Undefined when the directory holds no cluster yet. */
  state?: ClusterState;
  /** Records replayed onto the snapshot, in order. */
  records: JournalRecord[];
  seq: number;
  /** Human-readable notes about damaged files that were kept aside. */
  notes: string[];
}

export type RestoreResult = { ok: true; value: Restored } | { ok: false; message: string };

interface JournalRead {
  records: JournalRecord[];
  damaged: boolean;
  problem?: string;
}

function readJournal(path: string): JournalRead | undefined {
  const text = readIfExists(path);
  if (text === undefined) return undefined;
  const records: JournalRecord[] = [];
  const lines = text.split('\n');
  const tail = lines.pop() ?? '';
  let problem: string | undefined;
  lines.forEach((line, i) => {
    const d = decodeRecord(line);
    if (d.ok) records.push(d.value);
    else problem ??= `line ${i + 1}: ${d.problem}`;
  });
  if (tail.length > 0) problem ??= `line ${lines.length + 1} is incomplete (an interrupted write)`;
  return { records, damaged: problem !== undefined, problem };
}

/** How far an unbroken seq chain from `base` reaches through the records. */
function chainFrom(base: number, bySeq: Map<number, JournalRecord>): JournalRecord[] {
  const out: JournalRecord[] = [];
  for (let s = base + 1; bySeq.has(s); s++) out.push(bySeq.get(s)!);
  return out;
}

export function restoreStateDir(dir: string): RestoreResult {
  const notes: string[] = [];
  const snapshots: Snapshot[] = [];
  for (const name of [SNAPSHOT, SNAPSHOT_PREV]) {
    const path = join(dir, name);
    const text = readIfExists(path);
    if (text === undefined) continue;
    const d = decodeSnapshot(text);
    if (d.ok) snapshots.push(d.value);
    else notes.push(`${path} is damaged: ${d.problem}; kept as ${keepAside(path)}`);
  }
  const bySeq = new Map<number, JournalRecord>();
  for (const name of [JOURNAL_PREV, JOURNAL]) {
    const path = join(dir, name);
    const j = readJournal(path);
    if (!j) continue;
    for (const r of j.records) bySeq.set(r.seq, r);
    if (j.damaged) {
      notes.push(`${path} is damaged (${j.problem}); kept as ${keepAside(path)}; the intact records were kept`);
      // Rewritten so the next append starts on a clean line.
      writeAtomic(path, j.records.map(encodeRecord).join(''));
    }
  }
  if (snapshots.length === 0) {
    if (bySeq.size === 0) return { ok: true, value: { records: [], seq: 0, notes } };
    return { ok: false, message: `cannot restore the cluster in ${dir}: no intact snapshot is left. ${notes.join('. ')}. Remove the directory to start a new cluster.` };
  }
  const best = snapshots
    .map((s) => ({ s, chain: chainFrom(s.seq, bySeq) }))
    .sort((a, b) => b.s.seq + b.chain.length - (a.s.seq + a.chain.length) || b.s.seq - a.s.seq)[0];
  const seq = best.s.seq + best.chain.length;
  const lost = [...bySeq.keys()].filter((s) => s > seq);
  if (lost.length) notes.push(`journal records ${lost.join(', ')} follow a missing record and were not replayed`);
  return { ok: true, value: { state: best.s.state, records: best.chain, seq, notes } };
}

export interface CommitInput {
  /** The full state, taken only when a snapshot is written. */
  state: () => ClusterState;
  changes: StoreChanges;
  nowMs: number;
  rng: JournalRecord['rng'];
  resourceVersion: number;
  components?: Record<string, unknown>;
}

/** Durably records one command's effects; returns the new seq. */
export function commitStateDir(dir: string, seq: number, input: CommitInput): number {
  ensureDir(dir);
  const next = seq + 1;
  const snapshotPath = join(dir, SNAPSHOT);
  if (readIfExists(snapshotPath) === undefined && seq === 0) {
    writeAtomic(snapshotPath, encodeSnapshot({ seq: next, state: input.state() }));
    return next;
  }
  const journalPath = join(dir, JOURNAL);
  const { nowMs, rng, resourceVersion, changes, components } = input;
  appendDurable(journalPath, encodeRecord({ seq: next, nowMs, rng, resourceVersion, changes, ...(components ? { components } : {}) }));
  if (statSync(journalPath).size > COMPACT_AFTER_BYTES) compact(dir, next, input.state());
  return next;
}

/** Folds the journal into a new snapshot; every step leaves a restorable directory. */
export function compact(dir: string, seq: number, state: ClusterState): void {
  const tmp = join(dir, `${SNAPSHOT}.next`);
  writeAtomic(tmp, encodeSnapshot({ seq, state }));
  renameIfExists(join(dir, SNAPSHOT), join(dir, SNAPSHOT_PREV));
  renameIfExists(join(dir, JOURNAL), join(dir, JOURNAL_PREV));
  renameIfExists(tmp, join(dir, SNAPSHOT));
}
