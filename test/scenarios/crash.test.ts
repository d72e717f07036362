// The crash test of the persistence layer: children applying and deleting
// objects through the CLI are killed with SIGKILL at random moments; after
// every kill the state must restore, and contain every change the CLI
// reported as done. Two lanes run side by side, each on its own state
// directory; most children apply Endpoints (no schema compilation at start-up,
// so a kill costs little), every eighth applies Pods through full admission.
// A killed child often dies holding the directory's lock, so the next child
// must take the stale lock over — which the test checks happened.
// KUBELAB_CRASH_KILLS overrides the number of kills (200).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { createRng, type SeededRng } from '../../runtime/src/cluster/random';
import { foldRecords } from '../../runtime/src/cluster/persistence/replay';
import { restoreStateDir } from '../../runtime/src/cluster/persistence/state-dir';

const KILLS = Number(process.env.KUBELAB_CRASH_KILLS ?? 200);
const LANES = 2;
/** One child in this many applies Pods (about a second more start-up: the schema is compiled). */
const POD_EVERY = 8;

interface Run {
  stdout: string;
  stderr: string;
}

function runUntilKilled(bundle: string, args: string[], delayMs: number): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bundle, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d) => {
      stdout += d;
      timer ??= setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (d) => (stderr += d));
    // If the child never prints (killed during start-up), kill it anyway.
    const fallback = setTimeout(() => child.kill('SIGKILL'), delayMs + 5000);
    child.on('exit', () => {
      clearTimeout(fallback);
      if (timer) clearTimeout(timer);
      resolve({ stdout, stderr });
    });
  });
}

/** What the lane's children acknowledged, and the check of a restored directory against it. */
function ledger() {
  // `kind/name` → expected presence, from acknowledged (complete) lines only.
  const expected = new Map<string, boolean>();
  // Objects whose deletion the child may have committed without printing it yet.
  const inFlight = new Set<string>();
  return {
    record(stdout: string) {
      // A torn last line was being printed when the kill came: not acknowledged.
      for (const line of stdout.split('\n').slice(0, -1)) {
        const created = /^(pod|endpoints)\/(p-\w+-)(\d+) (created|configured|unchanged)$/.exec(line);
        const deleted = /^(pod|endpoints) "(\S+)" deleted$/.exec(line);
        if (created) {
          const [, kind, prefix, i] = created;
          expected.set(`${kind}/${prefix}${i}`, true);
          // The child deletes object i-2 right after object i is acknowledged.
          if (Number(i) >= 2) inFlight.add(`${kind}/${prefix}${Number(i) - 2}`);
        }
        if (deleted) {
          expected.set(`${deleted[1]}/${deleted[2]}`, false);
          inFlight.delete(`${deleted[1]}/${deleted[2]}`);
        }
      }
    },
    check(stateDir: string, k: number) {
      const r = restoreStateDir(stateDir);
      assert.ok(r.ok, `restore after kill ${k}: ${!r.ok ? r.message : ''}`);
      if (!r.value.state) return;
      const state = foldRecords(r.value.state, r.value.records);
      const objects = new Map(state.store.objects.map((o) => [`${o.kind.toLowerCase()}/${o.metadata.name}`, o]));
      for (const [key, present] of expected) {
        const o = objects.get(key);
        if (present) assert.ok(o || inFlight.has(key), `kill ${k}: acknowledged ${key} is missing`);
        else assert.ok(!o || o.metadata.deletionTimestamp, `kill ${k}: acknowledged deletion of ${key} was lost`);
      }
      const rvs = state.store.objects.map((o) => Number(o.metadata.resourceVersion));
      assert.ok(Math.max(...rvs) <= state.store.resourceVersion, `kill ${k}: an object is newer than the store's resourceVersion`);
    },
    acknowledged: () => [...expected.values()].filter(Boolean).length,
  };
}

async function lane(bundle: string, workDir: string, id: number, kills: number[], rng: SeededRng): Promise<{ acknowledged: number; takeovers: number }> {
  const stateDir = join(workDir, `state-${id}`);
  const book = ledger();
  let takeovers = 0;
  for (const [i, k] of kills.entries()) {
    const kind = i % POD_EVERY === 0 ? 'pod' : 'endpoints';
    const run = await runUntilKilled(bundle, [stateDir, workDir, `k${k}`, kind], 5 + rng.int(120));
    book.record(run.stdout);
    if (/Warning: the lock on .* was held by process \d+, which is no longer running; taking it over/.test(run.stderr)) takeovers++;
    book.check(stateDir, k);
  }
  return { acknowledged: book.acknowledged(), takeovers };
}

test(`every acknowledged change survives ${KILLS} SIGKILLs`, { timeout: 20 * 60_000 }, async () => {
  const workDir = mkdtempSync(join(tmpdir(), 'kubelab-crash-'));
  const bundle = join(workDir, 'child.cjs');
  await build({ entryPoints: [join(__dirname, 'crash-child.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', logLevel: 'error' });
  const kills = Array.from({ length: KILLS }, (_, k) => k);
  const results = await Promise.all(
    Array.from({ length: LANES }, (_, id) => lane(bundle, workDir, id, kills.filter((k) => k % LANES === id), createRng(`crash-${id}`))),
  );
  assert.ok(results.every((r) => r.acknowledged > 0), 'every lane acknowledged some changes');
  if (KILLS >= 20) assert.ok(results.some((r) => r.takeovers > 0), 'some child found the lock of a killed one and took it over');
});
