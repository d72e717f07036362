import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCluster, restoreCluster, type Cluster } from '../../../runtime/src/cluster/cluster';
import { FINALIZER_FOREGROUND } from '../../../runtime/src/cluster/deletion';
import { resolveResource } from '../../../runtime/src/cluster/resources';
import type { KubeObject } from '../../../runtime/src/cluster/types';

// Without controllers the dependents are exactly the ones written here (no RC re-creates them).
function ownerWithPods(n = 2): { c: Cluster; owner: KubeObject } {
  const c = createCluster({ seed: 'gc', controllers: false });
  const created = c.create({
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: { name: 'kubia' },
    spec: { replicas: n, selector: { app: 'kubia' }, template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] } } },
  });
  assert.ok(created.ok);
  const owner = created.object;
  for (let i = 0; i < n; i++) {
    const ref = { apiVersion: 'v1', kind: 'ReplicationController', name: 'kubia', uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true };
    const r = c.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `kubia-${i}`, labels: { app: 'kubia' }, ownerReferences: [ref] }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] } });
    assert.ok(r.ok);
  }
  c.advance(10_000);
  return { c, owner };
}

const rc = resolveResource('rc')!;
const pods = (c: Cluster) => c.store.list('Pod', { namespace: 'default' });

test('background: the owner goes at once, its pods are deleted gracefully and then go', () => {
  const { c } = ownerWithPods();
  const r = c.delete(rc, 'default', 'kubia', { propagationPolicy: 'Background' });
  assert.ok(r.ok && r.removed);
  assert.equal(c.store.get('ReplicationController', 'default', 'kubia'), undefined);
  assert.ok(pods(c).every((p) => p.metadata.deletionTimestamp), 'running pods get a deletionTimestamp first');
  c.advance(31_000);
  assert.deepEqual(pods(c), []);
});

test('orphan: the pods stay and lose their ownerReference, then the owner goes', () => {
  const { c } = ownerWithPods();
  const r = c.delete(rc, 'default', 'kubia', { propagationPolicy: 'Orphan' });
  assert.ok(r.ok);
  assert.equal(c.store.get('ReplicationController', 'default', 'kubia'), undefined);
  assert.deepEqual(pods(c).map((p) => [p.metadata.name, p.metadata.ownerReferences, p.metadata.deletionTimestamp]), [
    ['kubia-0', undefined, undefined],
    ['kubia-1', undefined, undefined],
  ]);
});

test('foreground: the owner stays with the foregroundDeletion finalizer until its blocking pods are gone', () => {
  const { c, owner } = ownerWithPods();
  const r = c.delete(rc, 'default', 'kubia', { propagationPolicy: 'Foreground' });
  assert.ok(r.ok && !r.removed);
  const waiting = c.store.get('ReplicationController', 'default', 'kubia');
  assert.ok(waiting?.metadata.deletionTimestamp);
  assert.deepEqual(waiting?.metadata.finalizers, [FINALIZER_FOREGROUND]);
  assert.equal(waiting?.metadata.generation, (owner.metadata.generation ?? 1) + 1, 'markAsDeleting bumps generation once');
  assert.ok(pods(c).every((p) => p.metadata.deletionTimestamp));
  c.advance(31_000);
  assert.deepEqual(pods(c), []);
  assert.equal(c.store.get('ReplicationController', 'default', 'kubia'), undefined);
});

test('a dependent whose owner uid does not exist is collected', () => {
  const c = createCluster({ seed: 'gc', controllers: false });
  const ref = { apiVersion: 'v1', kind: 'ReplicationController', name: 'ghost', uid: '00000000-0000-4000-8000-000000000000', controller: true };
  const r = c.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'orphaned', ownerReferences: [ref] }, spec: { containers: [{ name: 'c', image: 'i' }] } });
  assert.ok(r.ok);
  c.advance(31_000);
  assert.equal(c.store.get('Pod', 'default', 'orphaned'), undefined);
});

test('a dependent that drops its last ownerReference is forgotten: deleting the former owner leaves it alone', () => {
  const { c } = ownerWithPods(1);
  const live = c.store.get('Pod', 'default', 'kubia-0')!;
  const metadata = { ...live.metadata };
  delete metadata.ownerReferences;
  c.store.update({ ...live, metadata });
  c.tick();
  const r = c.delete(rc, 'default', 'kubia', { propagationPolicy: 'Background' });
  assert.ok(r.ok && r.removed);
  c.advance(31_000);
  assert.deepEqual(pods(c).map((p) => [p.metadata.name, p.metadata.deletionTimestamp]), [['kubia-0', undefined]]);
});

test('a dependent with one live owner only loses the dangling reference', () => {
  const { c, owner } = ownerWithPods(1);
  const live = c.store.get('Pod', 'default', 'kubia-0')!;
  const ghost = { apiVersion: 'v1', kind: 'ReplicaSet', name: 'ghost', uid: '00000000-0000-4000-8000-000000000001' };
  c.store.update({ ...live, metadata: { ...live.metadata, ownerReferences: [...live.metadata.ownerReferences!, ghost] } });
  c.tick();
  const after = c.store.get('Pod', 'default', 'kubia-0')!;
  assert.equal(after.metadata.deletionTimestamp, undefined);
  assert.deepEqual(after.metadata.ownerReferences?.map((r) => r.uid), [owner.metadata.uid]);
});

test('the GC graph is rebuilt after a restore: a background delete then still collects the pods', () => {
  const { c } = ownerWithPods();
  const restored = restoreCluster(JSON.parse(JSON.stringify(c.state())), { controllers: false });
  c.stop();
  assert.ok(restored.delete(rc, 'default', 'kubia').ok);
  restored.advance(31_000);
  assert.deepEqual(pods(restored), []);
});
