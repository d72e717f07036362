import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createObject, type AdmissionContext, type AdmissionResult } from '../../../runtime/src/cluster/admission';
import { createCluster, type Cluster } from '../../../runtime/src/cluster/cluster';
import { podBodyKey } from '../../../runtime/src/cluster/pod-body-memo';

const manifest = (metadata: Record<string, unknown>, container: Record<string, unknown> = { name: 'c', image: 'luksa/kubia', ports: [{ containerPort: 8080 }] }) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata,
  spec: { containers: [container] },
});

/** The same requests against two clusters of one seed: one through the memo, one admitted in full each time. */
function bothWays(requests: unknown[]): { memo: AdmissionResult[]; full: AdmissionResult[]; clusters: [Cluster, Cluster] } {
  const a = createCluster({ seed: 'memo', controllers: false });
  const b = createCluster({ seed: 'memo', controllers: false });
  const fullCtx: AdmissionContext = { ...b.admission, podBodies: undefined };
  const memo = requests.map((r) => a.create(r));
  const full = requests.map((r) => {
    const res = createObject(fullCtx, r);
    b.tick();
    return res;
  });
  return { memo, full, clusters: [a, b] };
}

/** Results compared as JSON text, so key order counts too. */
const text = (rs: AdmissionResult[]) => rs.map((r) => JSON.stringify(r));

test('pods admitted from a remembered manifest are exactly what full admission makes', () => {
  const { memo, full, clusters } = bothWays([manifest({ name: 'a', labels: { app: 'kubia' } }), manifest({ name: 'b', labels: { app: 'kubia' } })]);
  assert.deepEqual(text(memo), text(full));
  const [a, b] = clusters;
  for (const name of ['a', 'b']) assert.equal(JSON.stringify(a.store.get('Pod', 'default', name)), JSON.stringify(b.store.get('Pod', 'default', name)));
  const second = a.store.get('Pod', 'default', 'b')!;
  assert.notEqual(second.metadata.uid, a.store.get('Pod', 'default', 'a')!.metadata.uid, 'each pod draws its own uid');
  assert.equal(second.spec?.serviceAccountName, 'default', 'the admission plugins still apply');
});

test('generated names are drawn and checked per pod', () => {
  const { memo, full } = bothWays([manifest({ generateName: 'kubia-' }), manifest({ generateName: 'kubia-' })]);
  assert.deepEqual(text(memo), text(full));
  const names = memo.map((r) => (r.ok ? r.object.metadata.name : ''));
  assert.match(names[0], /^kubia-[a-z0-9]{5}$/);
  assert.notEqual(names[0], names[1]);
});

test('the name is validated anew for every pod of a remembered manifest', () => {
  const { memo, full } = bothWays([manifest({ name: 'good' }), manifest({ name: 'Bad_Name' })]);
  assert.deepEqual(text(memo), text(full));
  const bad = memo[1];
  assert.ok(!bad.ok);
  assert.match(bad.error.message, /^The Pod "Bad_Name" is invalid: metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/);
});

test('spec errors of a remembered manifest reject every pod made from it, with its own name', () => {
  const noImage = { name: 'c' };
  const { memo, full } = bothWays([manifest({ name: 'x' }, noImage), manifest({ name: 'y' }, noImage)]);
  assert.deepEqual(text(memo), text(full));
  assert.deepEqual(memo.map((r) => (r.ok ? '' : r.error.message)), [
    'The Pod "x" is invalid: spec.containers[0].image: Required value',
    'The Pod "y" is invalid: spec.containers[0].image: Required value',
  ]);
});

test('decoding is skipped only for a manifest decoded before: a new unknown field or a non-string name is still refused', () => {
  const { memo, full } = bothWays([
    manifest({ name: 'a' }),
    { ...manifest({ name: 'b' }), extra: true },
    manifest({ name: 42 }),
  ]);
  assert.deepEqual(text(memo), text(full));
  assert.deepEqual(memo.map((r) => r.ok), [true, false, false]);
});

test('a remembered body is shared read-only', () => {
  const c = createCluster({ seed: 'memo', controllers: false });
  c.create(manifest({ name: 'a' }));
  const r = c.create(manifest({ name: 'b' }));
  assert.ok(r.ok);
  assert.ok(Object.isFrozen(r.object.spec), 'a write through one pod must not change its siblings');
  // Binding replaces spec (nodeName) but keeps its containers: both pods still share them.
  assert.equal(c.store.get('Pod', 'default', 'b')!.spec?.containers, c.store.get('Pod', 'default', 'a')!.spec?.containers);
});

test('the memo key ignores the name but not the namespace, the wording or anything else', () => {
  const key = (m: unknown, ns?: string, minor = 33) => podBodyKey(m, ns, minor);
  assert.equal(key(manifest({ name: 'a' })), key(manifest({ name: 'b' })));
  assert.notEqual(key(manifest({ name: 'a' })), key(manifest({ name: 'a' }), 'other'));
  assert.notEqual(key(manifest({ name: 'a' })), key(manifest({ name: 'a' }), undefined, 34));
  assert.notEqual(key(manifest({ name: 'a' })), key(manifest({ name: 'a', labels: { x: 'y' } })));
  assert.notEqual(key(manifest({ name: 'a', labels: undefined })), key(manifest({ name: 'a' })), 'a property set to undefined is not an absent one');
  assert.equal(key({ ...manifest({ name: 'a' }), kind: 'Service' }), undefined);
  assert.equal(key(manifest({ name: 7 })), undefined);
});

test('a manifest with the same fields in another order is admitted in full (key order shows in the output)', () => {
  const reordered = { apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ image: 'luksa/kubia', name: 'c', ports: [{ containerPort: 8080 }] }] }, metadata: { name: 'b' } };
  const { memo, full } = bothWays([manifest({ name: 'a' }), reordered]);
  assert.deepEqual(text(memo), text(full));
});

test('manifests whose keys collide are told apart by comparing them', () => {
  // Numbers hash by their integer part, so these two share a key.
  const withCpu = (name: string, cpu: number) => manifest({ name }, { name: 'c', image: 'luksa/kubia', resources: { requests: { cpu } } });
  assert.equal(podBodyKey(withCpu('a', 1), undefined, 33), podBodyKey(withCpu('b', 1.5), undefined, 33));
  const { memo, full } = bothWays([withCpu('a', 1), withCpu('b', 1.5), withCpu('c', 1)]);
  assert.deepEqual(text(memo), text(full));
  assert.deepEqual(memo.map((r) => (r.ok ? r.object.spec?.containers[0].resources.requests.cpu : undefined)), [1, 1.5, 1]);
});

test('a manifest changed after its create is not mistaken for the remembered one', () => {
  const c = createCluster({ seed: 'memo', controllers: false });
  const m = manifest({ name: 'a', labels: { app: 'kubia' } });
  c.create(m);
  m.metadata.name = 'b';
  (m.spec.containers[0] as Record<string, unknown>).image = 'luksa/other';
  const r = c.create(m);
  assert.ok(r.ok);
  assert.equal(r.object.spec?.containers[0].image, 'luksa/other');
});

test('a pod admitted from a remembered body owns its metadata: later edits of the manifest do not reach it', () => {
  const c = createCluster({ seed: 'memo', controllers: false });
  c.create(manifest({ name: 'a', labels: { app: 'kubia' } }));
  const m = manifest({ name: 'b', labels: { app: 'kubia' } });
  assert.ok(c.create(m).ok);
  (m.metadata.labels as Record<string, string>).app = 'changed';
  assert.deepEqual(c.store.get('Pod', 'default', 'b')!.metadata.labels, { app: 'kubia' });
});

test('only plain JSON data gets a memo key', () => {
  const key = (m: unknown) => podBodyKey(m, undefined, 33);
  assert.equal(key(manifest({ name: 'a', annotations: { at: new Date(0) } })), undefined);
  assert.equal(key(manifest({ name: 'a' }, { name: 'c', image: 'luksa/kubia', args: [, 'x'] })), undefined, 'a sparse array');
  assert.equal(key(manifest({ name: 'a' }, { name: 'c', image: 'luksa/kubia', env: new Map() })), undefined);
  assert.notEqual(key(manifest({ name: 'a' })), undefined);
});
