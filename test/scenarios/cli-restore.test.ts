// KIA §4.1.2 through the built CLI: every `node dist/cli.js` command restores
// the cluster from --state DIR, so kubia-liveness reaches its restart only if
// the kubelet's state (probe counters, request counts) survives between commands.
// Each step is compared with the same sequence run in one process.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCluster } from '../../runtime/src/cluster/cluster';
import { printTable } from '../../runtime/src/cluster/printers/index';
import { seedManifest } from '../seeds';

const KUBIA_LIVENESS = seedManifest('kubia-liveness');

function newestMtime(dir: string): number {
  return Math.max(0, ...readdirSync(dir).map((n) => {
    const st = statSync(join(dir, n));
    return st.isDirectory() ? newestMtime(join(dir, n)) : st.mtimeMs;
  }));
}

function ensureBuilt(): void {
  if (existsSync('dist/cli.js') && statSync('dist/cli.js').mtimeMs >= newestMtime('runtime/src')) return;
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { encoding: 'utf8' });
  assert.ok(existsSync('dist/cli.js'), `build failed: ${r.stderr}`);
}

test('kubia-liveness through CLI commands: RESTARTS 1 right when it happens in one process', { timeout: 120_000 }, () => {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-restore-'));
  writeFileSync(join(dir, 'kubia-liveness.yaml'), KUBIA_LIVENESS);
  const kubectl = (line: string) => {
    const r = spawnSync(process.execPath, ['dist/cli.js', ...line.split(' '), '--state', join(dir, 'state')], { cwd: process.cwd(), encoding: 'utf8' });
    assert.equal(r.status, 0, `${line}: ${r.stderr}`);
    return r.stdout;
  };
  const straight = createCluster();
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'kubia-liveness' }, spec: { containers: [{ image: 'luksa/kubia-unhealthy', name: 'kubia', livenessProbe: { httpGet: { path: '/', port: 8080 } } }] } };
  assert.ok(straight.create(pod).ok);
  assert.equal(kubectl(`create -f ${join(dir, 'kubia-liveness.yaml')}`), 'pod/kubia-liveness created\n');

  const rows: string[] = [];
  for (let step = 1; step <= 5; step++) {
    straight.advance(30_000);
    kubectl('time advance 30s');
    const expected = printTable('Pod', straight.store.list('Pod', { namespace: 'default' }), { now: straight.clock.now() });
    const got = kubectl('get po');
    assert.equal(got, expected, `after ${step * 30} s`);
    rows.push(got.split('\n')[1]);
  }
  // Killed at ~75 s, SIGKILL after the 30 s grace period, restarted at once.
  assert.match(rows[2], /\s0\s+90s$/);
  assert.match(rows[3], /\s1 \(15s ago\)\s+2m$/);

  const node = straight.store.get('Pod', 'default', 'kubia-liveness')!.spec.nodeName;
  const previous = straight.kubelets.get(node)!.logs('default', 'kubia-liveness', { previous: true });
  assert.ok(previous.ok);
  assert.equal(kubectl('logs kubia-liveness --previous'), previous.text);
  assert.match(previous.text, /^Kubia server starting\.\.\.\n(Received request from ::ffff:\S+\n){8}$/);
  straight.stop();
});
