import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCluster, restoreCluster } from '../../../runtime/src/cluster/cluster';
import { createClock } from '../../../runtime/src/cluster/clock';
import { createRng } from '../../../runtime/src/cluster/random';
import { resolveResource } from '../../../runtime/src/cluster/resources';
import { createStore } from '../../../runtime/src/cluster/store/store';

const pod = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, ...extra },
  spec: { containers: [{ name: 'c', image: 'luksa/kubia' }] },
});

test('a store told not to record changes keeps no journal', () => {
  const store = createStore({ clock: createClock(), rng: createRng('journal'), recordChanges: false });
  const p = store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a', uid: '', resourceVersion: '', creationTimestamp: '' } });
  store.update({ ...p, metadata: { ...p.metadata, labels: { x: 'y' } } });
  store.remove('Pod', 'default', 'a');
  assert.deepEqual(store.takeChanges(), { puts: [], removals: [] });
});

test('a cluster records store changes only when asked to (persistence does)', () => {
  const plain = createCluster({ seed: 'journal', nodes: 1 });
  plain.create(pod('a'));
  plain.advance(10_000);
  assert.deepEqual(plain.store.takeChanges(), { puts: [], removals: [] });

  const recorded = createCluster({ seed: 'journal', nodes: 1, recordChanges: true });
  recorded.create(pod('a'));
  assert.ok(recorded.store.takeChanges().puts.some((o) => o.kind === 'Pod' && o.metadata.name === 'a'));
});

const rc = {
  apiVersion: 'v1',
  kind: 'ReplicationController',
  metadata: { name: 'kubia' },
  spec: { replicas: 0, selector: { app: 'kubia' }, template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] } } },
};
const refTo = (name: string, uid: string) => ({ apiVersion: 'v1', kind: 'ReplicationController', name, uid, controller: true, blockOwnerDeletion: true });

test('an owner counts only under the name and uid its reference gives (isDangling)', () => {
  const c = createCluster({ seed: 'gc-refs', controllers: false, nodes: 1 });
  const owner = c.create(rc);
  assert.ok(owner.ok);
  const uid = owner.object.metadata.uid;
  c.create(pod('owned', { ownerReferences: [refTo('kubia', uid)] }));
  c.create(pod('wrong-uid', { ownerReferences: [refTo('kubia', 'not-the-uid')] }));
  c.create(pod('wrong-name', { ownerReferences: [refTo('other', uid)] }));
  c.create(pod('ownerless'));
  c.advance(40_000);
  const left = c.store.list('Pod', { namespace: 'default' }).map((p) => p.metadata.name);
  assert.deepEqual(left, ['owned', 'ownerless']);
});

test('after a restore the collector still finds an owner\'s dependents', () => {
  const c = createCluster({ seed: 'gc-restore', controllers: false, nodes: 1 });
  const owner = c.create(rc);
  assert.ok(owner.ok);
  c.create(pod('owned', { ownerReferences: [refTo('kubia', owner.object.metadata.uid)] }));
  c.create(pod('ownerless'));
  c.advance(10_000);
  const r = restoreCluster(c.state(), { controllers: false });
  r.delete(resolveResource('rc')!, 'default', 'kubia', { propagationPolicy: 'Background' });
  r.advance(40_000);
  assert.deepEqual(r.store.list('Pod', { namespace: 'default' }).map((p) => p.metadata.name), ['ownerless']);
});
