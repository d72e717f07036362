// KIA ch.4 §4.2: the ReplicationController `kubia`, step by step as the book's
// kubectl session runs it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KUBIA_RC } from './service-cluster';
import { eventsOf, labelPod, livePods, mustCreate, pods, remove, scale, workloadCluster } from './workload-harness';

const kubiaRc = () => structuredClone(KUBIA_RC);

const running = (ps: any[]) => ps.filter((p) => p.status?.phase === 'Running');
const managedBy = (ps: any[], uid: string) => ps.filter((p) => (p.metadata.ownerReferences ?? []).some((r: any) => r.uid === uid && r.controller));

function startedRc() {
  const c = workloadCluster();
  const rc = mustCreate(c, kubiaRc());
  c.advance(30_000);
  return { c, rc };
}

test('an RC with 3 replicas runs 3 pods named kubia-xxxxx with a controller ownerRef', () => {
  const { c, rc } = startedRc();
  const ps = pods(c);
  assert.equal(running(ps).length, 3);
  for (const p of ps) {
    assert.match(p.metadata.name, /^kubia-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    assert.deepEqual(p.metadata.ownerReferences, [{ apiVersion: 'v1', kind: 'ReplicationController', name: 'kubia', uid: rc.metadata.uid, controller: true, blockOwnerDeletion: true }]);
  }
  const status = c.store.get('ReplicationController', 'default', 'kubia')!.status;
  assert.deepEqual(status, { replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
  const created = eventsOf(c, 'ReplicationController', 'kubia').filter((e) => e.reason === 'SuccessfulCreate');
  assert.deepEqual(created.map((e) => e.message).sort(), ps.map((p) => `Created pod: ${p.metadata.name}`).sort());
  assert.ok(created.every((e) => e.component === 'replication-controller'));
});

test('deleting a pod of an RC brings a replacement while the old one terminates', () => {
  const { c } = startedRc();
  const victim = pods(c)[0].metadata.name;
  remove(c, 'pod', victim);
  const live = livePods(c);
  assert.equal(live.length, 3, 'a replacement exists at once');
  assert.ok(!live.some((p) => p.metadata.name === victim));
  assert.ok(c.store.get('Pod', 'default', victim)?.metadata.deletionTimestamp, 'the old pod shows Terminating');
  c.advance(60_000);
  assert.equal(running(pods(c)).length, 3);
  assert.equal(c.store.get('Pod', 'default', victim), undefined);
});

test('adding a label changes nothing; relabelling app out of the selector releases the pod and a new one is created', () => {
  const { c, rc } = startedRc();
  const first = pods(c)[0].metadata.name;
  labelPod(c, first, { env: 'dev' });
  assert.equal(pods(c).length, 3);
  labelPod(c, first, { app: 'kubia-dev' });
  c.advance(30_000);
  const ps = pods(c);
  assert.equal(ps.length, 4);
  const released = c.store.get('Pod', 'default', first)!;
  assert.equal(released.metadata.ownerReferences, undefined, 'the released pod has no controller');
  assert.equal(released.status.phase, 'Running', 'and keeps running');
  assert.equal(managedBy(ps, rc.metadata.uid).length, 3);
});

test('a foreign pod labelled app=kubia is adopted and the surplus pod deleted (kubia-gpu)', () => {
  const { c } = startedRc();
  mustCreate(c, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'kubia-gpu', labels: { app: 'kubia', gpu: 'true' } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] } });
  c.advance(1_000);
  const deletes = eventsOf(c, 'ReplicationController', 'kubia').filter((e) => e.reason === 'SuccessfulDelete');
  assert.equal(deletes.length, 1);
  assert.equal(livePods(c).length, 3);
  // Unscheduled / not-ready pods go first: the brand-new kubia-gpu is the one deleted.
  assert.deepEqual(deletes[0].message, 'Deleted pod: kubia-gpu');
});

test('scaling to 10 and back to 3 follows spec.replicas; status reports observedGeneration', () => {
  const { c } = startedRc();
  scale(c, 'ReplicationController', 'kubia', 10);
  c.advance(30_000);
  assert.equal(running(pods(c)).length, 10);
  let rc = c.store.get('ReplicationController', 'default', 'kubia')!;
  assert.equal(rc.status.readyReplicas, 10);
  assert.equal(rc.status.observedGeneration, 2);
  scale(c, 'ReplicationController', 'kubia', 3);
  assert.equal(livePods(c).length, 3, 'the surplus is marked for deletion at once');
  c.advance(60_000);
  assert.equal(pods(c).length, 3);
  rc = c.store.get('ReplicationController', 'default', 'kubia')!;
  assert.equal(rc.status.replicas, 3);
  assert.equal(rc.status.observedGeneration, 3);
});

test('delete --cascade=orphan keeps the pods; a re-created RC adopts them without creating any', () => {
  const { c } = startedRc();
  const before = pods(c).map((p) => p.metadata.name).sort();
  remove(c, 'rc', 'kubia', 'Orphan');
  c.advance(1_000);
  assert.equal(c.store.get('ReplicationController', 'default', 'kubia'), undefined);
  assert.deepEqual(pods(c).map((p) => p.metadata.name).sort(), before);
  assert.ok(pods(c).every((p) => p.metadata.ownerReferences === undefined));
  const rc2 = mustCreate(c, kubiaRc());
  c.advance(1_000);
  assert.deepEqual(pods(c).map((p) => p.metadata.name).sort(), before);
  assert.equal(managedBy(pods(c), rc2.metadata.uid).length, 3);
  assert.equal(eventsOf(c, 'ReplicationController', 'kubia').filter((e) => e.reason === 'SuccessfulCreate').length, 0);
});

test('deleting the RC (background) removes its pods', () => {
  const { c } = startedRc();
  remove(c, 'rc', 'kubia');
  c.advance(60_000);
  assert.equal(pods(c).length, 0);
});
