import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClusterState } from '../../../runtime/src/cluster/cluster';
import { FORMAT_VERSION } from '../../../runtime/src/cluster/persistence/format';
import { foldRecords } from '../../../runtime/src/cluster/persistence/replay';
import { commitStateDir, compact, JOURNAL, restoreStateDir, SNAPSHOT } from '../../../runtime/src/cluster/persistence/state-dir';
import type { KubeObject } from '../../../runtime/src/cluster/types';

const obj = (name: string, rv: number): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: `u-${name}`, resourceVersion: String(rv), creationTimestamp: '2026-01-01T00:00:00Z' },
});

/** A tiny stand-in for a cluster: objects named by the commands so far. */
function fakeCluster() {
  let state: ClusterState = { seed: 's', nowMs: 0, rng: [1, 2, 3, 4], store: { resourceVersion: 0, objects: [] } };
  return {
    put(name: string) {
      const rv = state.store.resourceVersion + 1;
      const o = obj(name, rv);
      state = { ...state, nowMs: rv * 1000, store: { resourceVersion: rv, objects: [...state.store.objects.filter((x) => x.metadata.name !== name), o] } };
      return { state: () => state, changes: { puts: [o], removals: [] }, nowMs: state.nowMs, rng: state.rng, resourceVersion: rv };
    },
    names: () => state.store.objects.map((o) => o.metadata.name).sort(),
  };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'kubelab-persist-'));
const restoredNames = (dir: string) => {
  const r = restoreStateDir(dir);
  assert.ok(r.ok, !r.ok ? r.message : '');
  const s = foldRecords(r.value.state!, r.value.records);
  return { names: s.store.objects.map((o) => o.metadata.name).sort(), notes: r.value.notes, seq: r.value.seq, state: s };
};

test('an empty directory restores to nothing; the first commit writes a snapshot, later ones the journal', () => {
  const dir = tmp();
  const r = restoreStateDir(dir);
  assert.ok(r.ok && r.value.state === undefined && r.value.seq === 0);
  const c = fakeCluster();
  let seq = commitStateDir(dir, 0, c.put('a'));
  assert.ok(existsSync(join(dir, SNAPSHOT)));
  seq = commitStateDir(dir, seq, c.put('b'));
  seq = commitStateDir(dir, seq, c.put('c'));
  assert.equal(readFileSync(join(dir, JOURNAL), 'utf8').trim().split('\n').length, 2);
  const back = restoredNames(dir);
  assert.deepEqual(back.names, ['a', 'b', 'c']);
  assert.equal(back.seq, 3);
  assert.equal(back.state.store.resourceVersion, 3);
  assert.equal(back.state.nowMs, 3000);
  rmSync(dir, { recursive: true });
});

test('a torn last journal line is reported, kept aside and dropped; the next append starts clean', () => {
  const dir = tmp();
  const c = fakeCluster();
  let seq = commitStateDir(dir, 0, c.put('a'));
  seq = commitStateDir(dir, seq, c.put('b'));
  appendFileSync(join(dir, JOURNAL), '0123456789abcdef {"seq":3,"nowMs"');
  const back = restoredNames(dir);
  assert.deepEqual(back.names, ['a', 'b']);
  assert.equal(back.notes.length, 1);
  assert.match(back.notes[0], /journal\.jsonl is damaged \(line 2 is incomplete \(an interrupted write\)\); kept as .*journal\.jsonl\.corrupt-1/);
  assert.ok(existsSync(join(dir, `${JOURNAL}.corrupt-1`)));
  commitStateDir(dir, back.seq, c.put('c'));
  assert.deepEqual(restoredNames(dir).names, ['a', 'b', 'c']);
  rmSync(dir, { recursive: true });
});

test('a damaged snapshot falls back to the previous generation without losing a committed change', () => {
  const dir = tmp();
  const c = fakeCluster();
  let seq = commitStateDir(dir, 0, c.put('a'));
  seq = commitStateDir(dir, seq, c.put('b'));
  const mid = c.put('c');
  seq = commitStateDir(dir, seq, mid);
  compact(dir, seq, mid.state());
  seq = commitStateDir(dir, seq, c.put('d'));
  const text = readFileSync(join(dir, SNAPSHOT), 'utf8');
  writeFileSync(join(dir, SNAPSHOT), text.replace('"c"', '"x"'));
  const back = restoredNames(dir);
  assert.deepEqual(back.names, ['a', 'b', 'c', 'd']);
  assert.match(back.notes[0], /snapshot\.json is damaged: its checksum does not match its contents; kept as/);
  rmSync(dir, { recursive: true });
});

test('a truncated snapshot with no earlier generation gives a clear message', () => {
  const dir = tmp();
  const c = fakeCluster();
  const seq = commitStateDir(dir, 0, c.put('a'));
  commitStateDir(dir, seq, c.put('b'));
  truncateSync(join(dir, SNAPSHOT), 20);
  const r = restoreStateDir(dir);
  assert.ok(!r.ok);
  assert.match(r.message, /cannot restore the cluster in .*: no intact snapshot is left\. .*snapshot\.json is damaged: it is not valid JSON/);
  assert.ok(readdirSync(dir).some((f) => f.startsWith('snapshot.json.corrupt-')));
  rmSync(dir, { recursive: true });
});

test('a snapshot of another format version is refused by name', () => {
  const dir = tmp();
  writeFileSync(join(dir, SNAPSHOT), JSON.stringify({ format: 'kubelab-state', version: FORMAT_VERSION + 1, seq: 1, state: {} }));
  const r = restoreStateDir(dir);
  assert.ok(!r.ok || r.value.notes.length > 0);
  const text = r.ok ? r.value.notes.join() : r.message;
  assert.match(text, new RegExp(`format version ${FORMAT_VERSION + 1}; this kubelab reads version ${FORMAT_VERSION}`));
  rmSync(dir, { recursive: true });
});
