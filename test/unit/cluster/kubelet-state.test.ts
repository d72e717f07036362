import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCluster } from '../../../runtime/src/cluster/cluster';
import { loadKubelet, saveKubelet } from '../../../runtime/src/cluster/kubelet/saved-state';
import { createBackoff } from '../../../runtime/src/cluster/kubelet/backoff';
import { openCluster } from '../../../runtime/src/cluster/persistence';
import { checksum, decodeSnapshot, FORMAT_NAME } from '../../../runtime/src/cluster/persistence/format';
import { foldRecords } from '../../../runtime/src/cluster/persistence/replay';
import { printTable } from '../../../runtime/src/cluster/printers/index';

const KUBIA_MANUAL = {
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'kubia-manual' },
  spec: { containers: [{ image: 'luksa/kubia', name: 'kubia', ports: [{ containerPort: 8080 }] }] },
};

test('the saved kubelet state is plain JSON and keeps "never" (Infinity) due times', () => {
  const state = {
    lastIP: 4, images: ['luksa/kubia'], backoff: { 'u/kubia': { backoffMs: 10_000, lastUpdateMs: 5 } },
    pods: { 'default/p': { stage: { kind: 'running', killAtMs: Infinity, exitCode: 0 }, probes: [{ state: { nextAtMs: Infinity } }], text: 'Infinity' } as any },
  };
  const saved = saveKubelet(state);
  assert.deepEqual(JSON.parse(JSON.stringify(saved)), saved, 'survives JSON unchanged');
  const back = loadKubelet(JSON.parse(JSON.stringify(saved)))!;
  assert.deepEqual(back, state);
  assert.notEqual(back.pods, state.pods, 'a copy, never shared');
  assert.equal(loadKubelet(undefined), undefined);
});

test('backoff entries round-trip: a restored backoff continues the same doubling', () => {
  const a = createBackoff();
  a.next('k', 0);
  a.next('k', 20_000);
  const b = createBackoff(undefined, undefined, a.entries());
  assert.equal(b.current('k'), 20_000);
  b.next('k', 50_000);
  assert.equal(b.current('k'), 40_000);
  assert.equal(a.current('k'), 20_000, 'the saved entries are copies');
});

test('the journal carries the kubelets: a pod is Running after a reopen, not ContainerCreating again', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'kubelab-p1-')), 'state');
  const open = () => {
    const r = openCluster(dir);
    assert.ok(r.ok);
    return r.value;
  };
  const first = open();
  assert.ok(first.cluster.create(KUBIA_MANUAL).ok);
  first.save(); // the first commit writes the snapshot
  first.cluster.advance(2_000);
  first.save(); // later ones append journal records
  first.cluster.stop();

  const second = open();
  second.cluster.advance(60_000);
  second.save();
  const straight = createCluster();
  straight.create(KUBIA_MANUAL);
  straight.advance(62_000);
  const table = (c: typeof straight) => printTable('Pod', c.store.list('Pod', { namespace: 'default' }), { now: c.clock.now(), wide: true });
  assert.equal(table(second.cluster), table(straight));
  assert.match(table(second.cluster), /kubia-manual\s+1\/1\s+Running\s+0\s+62s/);
  second.cluster.stop();
  straight.stop();
});

test('replay takes the last record\'s components; a record without them keeps the snapshot\'s', () => {
  const c = createCluster();
  const state = c.state();
  const record = (seq: number, components?: Record<string, unknown>) => ({
    seq, nowMs: state.nowMs, rng: state.rng, resourceVersion: state.store.resourceVersion, changes: { puts: [], removals: [] }, ...(components ? { components } : {}),
  });
  assert.deepEqual(foldRecords(state, [record(1, { kubelets: { a: 1 } }), record(2, { kubelets: { a: 2 } })]).components, { kubelets: { a: 2 } });
  assert.deepEqual(foldRecords(state, [record(1)]).components, state.components);
  c.stop();
});

test('a version 1 snapshot (no components) still opens; its kubelets start fresh', () => {
  const c = createCluster();
  const { components: _dropped, ...v1 } = c.state();
  const text = JSON.stringify(v1);
  assert.ok(decodeSnapshot(`{"format":"${FORMAT_NAME}","version":1,"seq":1,"checksum":"${checksum(text)}","state":${text}}`).ok);
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-p1-'));
  writeFileSync(join(dir, 'snapshot.json'), `{"format":"${FORMAT_NAME}","version":1,"seq":1,"checksum":"${checksum(text)}","state":${text}}\n`);
  const opened = openCluster(dir);
  assert.ok(opened.ok);
  assert.equal(opened.value.cluster.store.list('Node').length, 3);
  opened.value.cluster.stop();
  c.stop();
});
