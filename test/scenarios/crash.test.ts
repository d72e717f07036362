// The crash test of the persistence layer: a child applying and deleting pods
// is killed with SIGKILL at random moments; after every kill the state must
// restore, and contain every change the CLI reported as done.
// KUBELAB_CRASH_KILLS overrides the number of kills (200).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { createRng } from '../../runtime/src/cluster/random';
import { foldRecords } from '../../runtime/src/cluster/persistence/replay';
import { restoreStateDir } from '../../runtime/src/cluster/persistence/state-dir';

const KILLS = Number(process.env.KUBELAB_CRASH_KILLS ?? 200);

function runUntilKilled(bundle: string, stateDir: string, workDir: string, tag: string, delayMs: number): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bundle, stateDir, workDir, tag], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d) => {
      out += d;
      timer ??= setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    // If the child never prints (killed during start-up), kill it anyway.
    const fallback = setTimeout(() => child.kill('SIGKILL'), delayMs + 3000);
    child.on('exit', () => {
      clearTimeout(fallback);
      if (timer) clearTimeout(timer);
      resolve(out);
    });
  });
}

test(`every acknowledged change survives ${KILLS} SIGKILLs`, { timeout: 20 * 60_000 }, async () => {
  const workDir = mkdtempSync(join(tmpdir(), 'kubelab-crash-'));
  const stateDir = join(workDir, 'state');
  const bundle = join(workDir, 'child.cjs');
  await build({ entryPoints: [join(__dirname, 'crash-child.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', logLevel: 'error' });
  const rng = createRng('crash');
  // name → expected presence, from acknowledged (complete) lines only.
  const expected = new Map<string, boolean>();
  // Pods whose deletion the child may have committed without printing it yet.
  const inFlight = new Set<string>();
  for (let k = 0; k < KILLS; k++) {
    const out = await runUntilKilled(bundle, stateDir, workDir, `k${k}`, 5 + rng.int(120));
    // A torn last line was being printed when the kill came: not acknowledged.
    for (const line of out.split('\n').slice(0, -1)) {
      const created = /^pod\/(p-\w+-)(\d+) (created|configured|unchanged)$/.exec(line);
      const deleted = /^pod "(\S+)" deleted$/.exec(line);
      if (created) {
        expected.set(created[1] + created[2], true);
        // The child deletes pod i-2 right after pod i (i % 3 == 2) is acknowledged.
        const i = Number(created[2]);
        if (i % 3 === 2) inFlight.add(created[1] + (i - 2));
      }
      if (deleted) {
        expected.set(deleted[1], false);
        inFlight.delete(deleted[1]);
      }
    }
    const r = restoreStateDir(stateDir);
    assert.ok(r.ok, `restore after kill ${k}: ${!r.ok ? r.message : ''}`);
    if (!r.value.state) continue;
    const state = foldRecords(r.value.state, r.value.records);
    const pods = new Map(state.store.objects.filter((o) => o.kind === 'Pod').map((o) => [o.metadata.name, o]));
    for (const [name, present] of expected) {
      const pod = pods.get(name);
      if (present) assert.ok(pod || inFlight.has(name), `kill ${k}: acknowledged pod ${name} is missing`);
      else assert.ok(!pod || pod.metadata.deletionTimestamp, `kill ${k}: acknowledged deletion of ${name} was lost`);
    }
    const rvs = state.store.objects.map((o) => Number(o.metadata.resourceVersion));
    assert.ok(Math.max(...rvs) <= state.store.resourceVersion, `kill ${k}: an object is newer than the store's resourceVersion`);
  }
  assert.ok([...expected.values()].some(Boolean), 'the child acknowledged some changes');
});
