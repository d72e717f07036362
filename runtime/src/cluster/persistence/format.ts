// The on-disk format of a cluster state directory, version 2 (version 1, read
// too, lacks the components' state: its kubelets start fresh):
//   snapshot.json       {"format":"kubelab-state","version":1,"seq":N,"checksum":"…","state":{…}}
//   journal.jsonl       one line per acknowledged command: "<checksum> <json record>\n"
//   snapshot.prev.json, journal.prev.jsonl   the generation before the last compaction
// A record carries the objects a command wrote and removed, the resourceVersion
// counter, virtual time, the Rng state and the components' state after it
// (ClusterState.components), so replay needs no simulation.

import { createHash } from 'node:crypto';
import type { ClusterState } from '../cluster';
import type { RngState } from '../random';
import type { StoreChanges } from '../store/store';

export const FORMAT_NAME = 'kubelab-state';
export const FORMAT_VERSION = 2;
/** Versions this kubelab reads: 1 differs only by lacking `components`. */
const READABLE_VERSIONS: readonly number[] = [1, FORMAT_VERSION];

export interface JournalRecord {
  seq: number;
  nowMs: number;
  rng: RngState;
  resourceVersion: number;
  changes: StoreChanges;
  components?: Record<string, unknown>;
}

export interface Snapshot {
  seq: number;
  state: ClusterState;
}

export function checksum(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export function encodeSnapshot(s: Snapshot): string {
  const state = JSON.stringify(s.state);
  return `{"format":"${FORMAT_NAME}","version":${FORMAT_VERSION},"seq":${s.seq},"checksum":"${checksum(state)}","state":${state}}\n`;
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; problem: string };

export function decodeSnapshot(text: string): Decoded<Snapshot> {
  let doc: any;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { ok: false, problem: text.length === 0 ? 'the file is empty' : `it is not valid JSON (${(e as Error).message})` };
  }
  if (doc?.format !== FORMAT_NAME) return { ok: false, problem: 'it is not a kubelab state file' };
  if (!READABLE_VERSIONS.includes(doc.version))
    return { ok: false, problem: `it has format version ${doc.version}; this kubelab reads version ${FORMAT_VERSION}` };
  if (typeof doc.seq !== 'number' || typeof doc.state !== 'object' || doc.state === null) return { ok: false, problem: 'required fields are missing' };
  if (checksum(JSON.stringify(doc.state)) !== doc.checksum) return { ok: false, problem: 'its checksum does not match its contents' };
  return { ok: true, value: { seq: doc.seq, state: doc.state } };
}

export function encodeRecord(r: JournalRecord): string {
  const json = JSON.stringify(r);
  return `${checksum(json)} ${json}\n`;
}

export function decodeRecord(line: string): Decoded<JournalRecord> {
  const space = line.indexOf(' ');
  const json = space < 0 ? '' : line.slice(space + 1);
  if (space < 0 || checksum(json) !== line.slice(0, space)) return { ok: false, problem: 'checksum mismatch' };
  try {
    return { ok: true, value: JSON.parse(json) as JournalRecord };
  } catch {
    return { ok: false, problem: 'not valid JSON' };
  }
}
