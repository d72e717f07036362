// KIA ch.4 §4.3: a ReplicaSet with a set-based selector adopts the pods an
// orphaning RC deletion left behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, mustCreate, pods, remove, workloadCluster } from './workload-harness';

const template = { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] } };

test('a ReplicaSet with matchExpressions In adopts the RC orphans and creates nothing', () => {
  const c = workloadCluster();
  mustCreate(c, { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'kubia' }, spec: { replicas: 3, template } });
  c.advance(30_000);
  remove(c, 'rc', 'kubia', 'Orphan');
  c.advance(1_000);
  const rs = mustCreate(c, {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'kubia' },
    spec: { replicas: 3, selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['kubia'] }] }, template },
  });
  c.advance(1_000);
  const ps = pods(c);
  assert.equal(ps.length, 3);
  assert.ok(ps.every((p) => p.metadata.ownerReferences?.[0].uid === rs.metadata.uid && p.metadata.ownerReferences[0].kind === 'ReplicaSet'));
  assert.deepEqual(eventsOf(c, 'ReplicaSet', 'kubia'), []);
  assert.equal(c.store.get('ReplicaSet', 'default', 'kubia')!.status.readyReplicas, 3);
});

test('a fresh ReplicaSet creates its pods with events from replicaset-controller', () => {
  const c = workloadCluster();
  mustCreate(c, { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'kubia' }, spec: { replicas: 3, selector: { matchLabels: { app: 'kubia' } }, template } });
  c.advance(30_000);
  assert.equal(pods(c).filter((p) => p.status?.phase === 'Running').length, 3);
  const evs = eventsOf(c, 'ReplicaSet', 'kubia');
  assert.equal(evs.length, 3);
  assert.ok(evs.every((e) => e.reason === 'SuccessfulCreate' && e.component === 'replicaset-controller' && /^Created pod: kubia-\w{5}$/.test(e.message)));
});
