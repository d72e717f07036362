import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCluster, restoreCluster, type Cluster } from '../../../runtime/src/cluster/cluster';
import { isNodeReady, NODE_MONITOR_GRACE_MS, TAINT_UNREACHABLE, TAINT_UNSCHEDULABLE } from '../../../runtime/src/cluster/nodes';
import type { KubeObject } from '../../../runtime/src/cluster/types';

const cluster = () => createCluster({ seed: 'nodes', nodes: ['a', 'b'], controllers: false });
const node = (c: Cluster, name: string) => c.store.get('Node', undefined, name)!;
const taints = (n: KubeObject) => (n.spec?.taints ?? []).map((t: { key: string; effect: string }) => `${t.key}:${t.effect}`);
const ready = (n: KubeObject) => (n.status.conditions as any[]).find((x) => x.type === 'Ready');
const reasons = (c: Cluster, n: KubeObject) => c.events.eventsFor(n).map((e: any) => e.reason);

test('a new node is Ready with capacity, the kubelet labels and a RegisteredNode event', () => {
  const c = cluster();
  const r = c.nodes.add('extra', { labels: { disk: 'ssd' } });
  assert.ok(r.ok);
  const n = node(c, 'extra');
  assert.equal(isNodeReady(n), true);
  assert.equal(n.metadata.labels?.['kubernetes.io/hostname'], 'extra');
  assert.equal(n.metadata.labels?.disk, 'ssd');
  assert.equal(n.status.capacity.pods, '110');
  assert.deepEqual(reasons(c, n), ['RegisteredNode']);
  assert.deepEqual(c.nodes.add('extra'), { ok: false, message: 'nodes "extra" already exists' });
  assert.deepEqual(c.nodes.remove('nope'), { ok: false, message: 'nodes "nope" not found' });
});

test('a failed node stays Ready until the grace period, then turns Unknown with the unreachable taints', () => {
  const c = cluster();
  assert.ok(c.nodes.fail('a').ok);
  c.advance(NODE_MONITOR_GRACE_MS - 1000);
  assert.equal(ready(node(c, 'a')).status, 'True');
  c.advance(1000);
  const n = node(c, 'a');
  assert.deepEqual(
    (n.status.conditions as any[]).map((x) => [x.type, x.status, x.reason]),
    ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'].map((t) => [t, 'Unknown', 'NodeStatusUnknown']),
  );
  assert.equal(ready(n).message, 'Kubelet stopped posting node status.');
  assert.deepEqual(taints(n), [`${TAINT_UNREACHABLE}:NoSchedule`, `${TAINT_UNREACHABLE}:NoExecute`]);
  assert.ok(reasons(c, n).includes('NodeNotReady'));
  assert.equal(isNodeReady(node(c, 'b')), true, 'the other node is untouched');
});

test('restore brings the node back Ready without the taints, with a NodeReady event', () => {
  const c = cluster();
  c.nodes.fail('a');
  c.advance(NODE_MONITOR_GRACE_MS);
  assert.ok(c.nodes.restore('a').ok);
  const n = node(c, 'a');
  assert.equal(ready(n).status, 'True');
  assert.deepEqual(taints(n), []);
  assert.ok(reasons(c, n).includes('NodeReady'));
});

test('restoring a node within the grace period leaves it Ready and never NotReady', () => {
  const c = cluster();
  c.nodes.fail('a');
  c.advance(10_000);
  c.nodes.restore('a');
  c.advance(NODE_MONITOR_GRACE_MS);
  assert.equal(ready(node(c, 'a')).status, 'True');
  assert.equal(reasons(c, node(c, 'a')).includes('NodeNotReady'), false);
});

test('cordon sets unschedulable with its NoSchedule taint; uncordon clears both', () => {
  const c = cluster();
  c.nodes.cordon('b', true);
  assert.equal(node(c, 'b').spec.unschedulable, true);
  assert.deepEqual(taints(node(c, 'b')), [`${TAINT_UNSCHEDULABLE}:NoSchedule`]);
  c.nodes.cordon('b', false);
  assert.equal(node(c, 'b').spec.unschedulable, undefined);
  assert.deepEqual(taints(node(c, 'b')), []);
});

test('a failure survives a restore: the NotReady transition is re-armed from the saved instant', () => {
  const c = cluster();
  c.nodes.fail('a');
  c.advance(20_000);
  const restored = restoreCluster(JSON.parse(JSON.stringify(c.state())), { controllers: false });
  c.stop();
  restored.advance(NODE_MONITOR_GRACE_MS - 20_000);
  assert.equal(ready(node(restored, 'a')).status, 'Unknown');
});
