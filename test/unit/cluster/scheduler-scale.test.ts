import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSchedulerCache } from '../../../runtime/src/cluster/scheduler/cache';
import { feasibleNodesToFind, runCycle } from '../../../runtime/src/cluster/scheduler/cycle';
import { addDemand, nodeInfo } from '../../../runtime/src/cluster/scheduler/node-info';
import { NodeList } from '../../../runtime/src/cluster/scheduler/node-list';
import { podDemand } from '../../../runtime/src/cluster/scheduler/pod-demand';
import { FLUSH_UNSCHEDULABLE_MS, SchedulingQueue } from '../../../runtime/src/cluster/scheduler/queue';
import { buildNode } from '../../../runtime/src/cluster/nodes';
import { createRng } from '../../../runtime/src/cluster/random';
import type { KubeObject } from '../../../runtime/src/cluster/types';
import { harness } from './harness';

const pod = (name: string, spec: any): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: name, resourceVersion: '1', creationTimestamp: '' }, spec });
const small = { containers: [{ name: 'c', resources: { requests: { cpu: '100m', memory: '64Mi' } } }] };

test('numFeasibleNodesToFind: every node below 100, then the adaptive percentage, never under 100 nodes or 5%', () => {
  assert.equal(feasibleNodesToFind(3), 3);
  assert.equal(feasibleNodesToFind(99), 99);
  assert.equal(feasibleNodesToFind(100), 100);
  assert.equal(feasibleNodesToFind(1000), 420); // 50 - 1000/125 = 42 %
  assert.equal(feasibleNodesToFind(5000), 500); // 10 %
  assert.equal(feasibleNodesToFind(10_000), 500); // floor of 5 %
});

test('a cycle in a 1,000-node cluster filters only until it has found enough nodes, and the next starts where it stopped', () => {
  const infos = new NodeList(Array.from({ length: 1000 }, (_, i) => nodeInfo(buildNode(`n${String(i).padStart(4, '0')}`, i, 0), [])));
  const first = runCycle(pod('a', small), infos, { start: 0 });
  assert.equal(first.processed, 420);
  assert.ok(first.placement.fits);
  const second = runCycle(pod('b', small), infos, { start: 990 });
  assert.equal(second.processed, 420);
  // The ring wraps: node n0990 … n0999, then n0000 onwards were looked at.
  assert.ok(second.placement.fits && (second.placement.node >= 'n0990' || second.placement.node < 'n0410'));
});

test('a pod that fits nowhere is checked against every node, so the message counts them all', () => {
  const infos = new NodeList(Array.from({ length: 150 }, (_, i) => nodeInfo(buildNode(`n${i}`, i, 0), [])));
  const r = runCycle(pod('big', { containers: [{ name: 'c', resources: { requests: { cpu: '1000' } } }] }), infos);
  assert.equal(r.processed, 150);
  assert.equal(!r.placement.fits && r.placement.message, '0/150 nodes are available: 150 Insufficient cpu. preemption: 0/150 nodes are available: 150 No preemption victims found for incoming pod.');
});

test('the cache follows binds, terminal phases and deletions without rebuilding node infos', () => {
  const h = harness({ nodes: 2 });
  const cache = createSchedulerCache(h.store);
  cache.resync();
  const [a] = h.nodeNames;
  const p = h.pod('web', { ...small, nodeName: a });
  cache.updatePod(p);
  const info = () => cache.nodes().infos.find((i) => i.node.metadata.name === a)!;
  assert.deepEqual([info().podCount, info().requested.milliCPU, info().requested.memory], [1, 100, 64 * 2 ** 20]);
  cache.updatePod(h.store.updateStatus({ ...p, status: { phase: 'Succeeded' } }));
  assert.deepEqual([info().podCount, info().requested.milliCPU], [0, 0]);
  cache.updatePod(h.store.updateStatus({ ...h.get('web')!, status: { phase: 'Running' } }));
  h.store.remove('Pod', 'default', 'web');
  cache.removePod(p);
  assert.deepEqual([info().podCount, info().requested.milliCPU], [0, 0]);
});

test('the queue hands out due pods by priority, then arrival; parked pods wait for a change or the flush', () => {
  const q = new SchedulingQueue();
  q.add('default', 'low', 0, 0);
  q.add('default', 'high', 10, 0);
  q.add('default', 'low2', 0, 0);
  assert.equal(q.add('default', 'low', 0, 0), false);
  const due = q.takeDue(0);
  assert.deepEqual(due.map((p) => p.key), ['default/high', 'default/low', 'default/low2']);
  q.park(due[0], 1_000);
  q.delete('default/low');
  q.park(due[2], 2_000);
  assert.equal(q.nextDueAt(), 1_000 + FLUSH_UNSCHEDULABLE_MS);
  assert.deepEqual(q.takeDue(5_000), []);
  assert.ok(q.unparkAll());
  assert.equal(q.nextDueAt(), 1_000);
  assert.deepEqual(q.takeDue(1_500).map((p) => p.key), ['default/high']);
  assert.deepEqual(q.takeDue(2_000).map((p) => p.key), ['default/low2']);
  assert.equal(q.nextDueAt(), undefined);
});

test('pods sharing one spec object (one manifest) share its parsed demand; the owner stays each pod\'s own', () => {
  const owned = (name: string, uid: string) => ({
    ...pod(name, small),
    metadata: { ...pod(name, small).metadata, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid, controller: true }] },
  });
  const a = owned('a', 'rs-1');
  const b = { ...owned('b', 'rs-2'), spec: a.spec };
  const [da, db] = [podDemand(a), podDemand(b)];
  assert.equal(da.requests, db.requests);
  assert.deepEqual([da.owner, db.owner], ['rs-1', 'rs-2']);
  assert.deepEqual([db.requests.milliCPU, db.nonZero.memory], [100, 64 * 2 ** 20]);
});

test('a cycle that only the resource scores decide picks, and draws, exactly as the walk over every window node does', () => {
  // Three node sizes, so scores differ and tie in groups; pods of two shapes in runs, so the kept scores are dropped and rebuilt.
  const shapes = [
    { cpu: '4', memory: '8Gi', pods: '110', ephemeralStorage: '100Gi' },
    { cpu: '8', memory: '16Gi', pods: '110', ephemeralStorage: '100Gi' },
    { cpu: '4', memory: '16Gi', pods: '110', ephemeralStorage: '100Gi' },
  ];
  const nodes = Array.from({ length: 300 }, (_, i) => buildNode(`n${String(i).padStart(3, '0')}`, i, 0, shapes[i % 3]));
  const kept = new NodeList(nodes.map((n) => nodeInfo(n, [])));
  const placed = new Map<string, KubeObject[]>();
  const [fast, walk] = [createRng('tree'), createRng('tree')];
  const big = { containers: [{ name: 'c', resources: { requests: { cpu: '250m', memory: '512Mi' } } }] };
  let start = 0;
  for (let i = 0; i < 600; i++) {
    const p = pod(`p${i}`, Math.floor(i / 40) % 2 ? big : small);
    // The reference: a list built afresh has no kept scores, so its cycle walks and scores every window node.
    const fresh = new NodeList(nodes.map((n) => nodeInfo(n, placed.get(n.metadata.name) ?? [])));
    const expected = runCycle(p, fresh, { rng: walk, start });
    const got = runCycle(p, kept, { rng: fast, start });
    assert.deepEqual([got.placement, got.processed], [expected.placement, expected.processed], `pod ${i}`);
    assert.ok(got.placement.fits);
    const node = got.placement.node;
    placed.set(node, [...(placed.get(node) ?? []), p]);
    const info = kept.infos.find((x) => x.node.metadata.name === node)!;
    addDemand(info, got.demand);
    kept.refresh(info);
    start = (start + got.processed) % nodes.length;
  }
  assert.equal(fast.next(), walk.next());
});
