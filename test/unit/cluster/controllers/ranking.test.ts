import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podsToDelete } from '../../../../runtime/src/cluster/controllers/ranking';
import { slowStartBatch } from '../../../../runtime/src/cluster/controllers/pod-writes';
import type { KubeObject } from '../../../../runtime/src/cluster/types';

const NOW = Date.UTC(2026, 0, 1, 12);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function pod(name: string, o: { node?: string; phase?: string; readySince?: number; created?: number; restarts?: number; cost?: string; uid?: string } = {}): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      name, uid: o.uid ?? name, resourceVersion: '1', creationTimestamp: iso(o.created ?? NOW - 3600_000),
      ...(o.cost ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': o.cost } } : {}),
    },
    spec: o.node ? { nodeName: o.node } : {},
    status: {
      phase: o.phase ?? 'Running',
      conditions: o.readySince !== undefined ? [{ type: 'Ready', status: 'True', lastTransitionTime: iso(o.readySince) }] : [],
      containerStatuses: [{ restartCount: o.restarts ?? 0 }],
    },
  };
}

const names = (ps: KubeObject[]) => ps.map((p) => p.metadata.name);

test('unscheduled, then Pending, then not-ready pods go first', () => {
  const ps = [
    pod('ready', { node: 'n1', readySince: NOW - 600_000 }),
    pod('not-ready', { node: 'n2' }),
    pod('pending', { node: 'n3', phase: 'Pending' }),
    pod('unscheduled', { phase: 'Pending' }),
  ];
  assert.deepEqual(names(podsToDelete(ps, ps, 3, NOW)), ['unscheduled', 'pending', 'not-ready']);
});

test('lower deletion cost first, then doubled-up nodes, then the one ready for the shorter time', () => {
  const a = pod('costly', { node: 'n1', readySince: NOW - 60_000, cost: '100' });
  const b = pod('doubled', { node: 'n2', readySince: NOW - 7200_000 });
  const c = pod('doubled2', { node: 'n2', readySince: NOW - 7200_000 });
  const d = pod('fresh', { node: 'n3', readySince: NOW - 10_000 });
  const e = pod('old', { node: 'n4', readySince: NOW - 7200_000 });
  const ps = [a, b, c, d, e];
  assert.deepEqual(names(podsToDelete(ps, ps, 4, NOW)).slice(0, 3), ['doubled', 'doubled2', 'fresh']);
  assert.equal(names(podsToDelete(ps, ps, 4, NOW)).at(-1), 'old', 'the costly pod is kept last');
});

test('times in one log2 bucket are told apart by uid; more restarts go first', () => {
  const x = pod('x', { node: 'n1', readySince: NOW - 3000_000, uid: 'b' });
  const y = pod('y', { node: 'n2', readySince: NOW - 3001_000, uid: 'a' });
  assert.deepEqual(names(podsToDelete([x, y], [x, y], 1, NOW)), ['y']);
  const r = pod('restarted', { node: 'n1', restarts: 4 });
  const s = pod('steady', { node: 'n2' });
  assert.deepEqual(names(podsToDelete([s, r], [s, r], 1, NOW)), ['restarted']);
});

test('slow start: batches of 1, 2, 4 … and a failing batch stops the rest', () => {
  let n = 0;
  assert.equal(slowStartBatch(10, () => (n++, true)), 10);
  assert.equal(n, 10);
  let calls = 0;
  assert.equal(slowStartBatch(10, () => ++calls !== 2), 2, 'the second batch has a failure');
  assert.equal(calls, 3, 'batches 1 and 2 ran, nothing after');
});
