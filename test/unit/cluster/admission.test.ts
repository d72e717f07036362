import { test } from 'node:test';
import assert from 'node:assert/strict';
import { missingLastAppliedWarning } from '../../../runtime/src/cluster/admission';
import { LAST_APPLIED } from '../../../runtime/src/cluster/apply-merge';
import { rfc3339 } from '../../../runtime/src/cluster/clock';
import { createCluster } from '../../../runtime/src/cluster/cluster';
import { NAME_ALPHABET } from '../../../runtime/src/cluster/random';
import { resolveResource } from '../../../runtime/src/cluster/resources';
import { POD_UPDATE_DETAIL } from '../../../runtime/src/cluster/update-rules';

// No controllers: these tests look at what the API server stores, not at reactions to it.
const cluster = () => createCluster({ seed: 'admission', controllers: false });

const pod = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, ...extra },
  spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] },
});

const rc = (replicas?: number) => ({
  apiVersion: 'v1',
  kind: 'ReplicationController',
  metadata: { name: 'kubia' },
  spec: {
    ...(replicas === undefined ? {} : { replicas }),
    selector: { app: 'kubia' },
    template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] } },
  },
});

const rs = (app: string) => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'kubia' },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app } },
    template: { metadata: { labels: { app } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] } },
  },
});

function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  assert.ok(r.ok, JSON.stringify(r));
  return r as Extract<T, { ok: true }>;
}

function refused<T extends { ok: boolean }>(r: T): Extract<T, { ok: false }> {
  assert.equal(r.ok, false, 'the request was expected to be refused');
  return r as Extract<T, { ok: false }>;
}

test('create stores a defaulted object with uid, resourceVersion, generation and creationTimestamp', () => {
  const c = cluster();
  const before = c.store.resourceVersion();
  const r = ok(c.create(pod('kubia-manual')));
  assert.equal(r.outcome, 'created');
  const m = r.object.metadata;
  assert.match(m.uid, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(Number(m.resourceVersion), before + 1);
  assert.equal(m.generation, 1);
  assert.equal(m.namespace, 'default');
  assert.equal(m.creationTimestamp, rfc3339(c.clock.now()));
  assert.equal(r.object.spec.restartPolicy, 'Always', 'defaults are applied before storage');
});

test('a second create of the same name is AlreadyExists (409) with the resource and name', () => {
  const c = cluster();
  ok(c.create(pod('kubia-manual')));
  const e = refused(c.create(pod('kubia-manual'))).error;
  assert.equal(e.code, 409);
  assert.equal(e.reason, 'AlreadyExists');
  assert.equal(e.message, 'pods "kubia-manual" already exists');
  ok(c.create(rs('kubia')));
  assert.equal(refused(c.create(rs('kubia'))).error.message, 'replicasets.apps "kubia" already exists');
});

test('generateName appends five characters of the real alphabet to a prefix cut to 58', () => {
  const c = cluster();
  const short = ok(c.create(pod('', { generateName: 'kubia-' }))).object.metadata.name;
  assert.match(short, new RegExp(`^kubia-[${NAME_ALPHABET}]{5}$`));
  const long = ok(c.create(pod('', { generateName: 'a'.repeat(70) }))).object.metadata.name;
  assert.equal(long.length, 63);
  assert.ok(long.startsWith('a'.repeat(58)));
});

test('an unknown field is a BadRequest strict decoding error and nothing is stored', () => {
  const c = cluster();
  const bad = { ...pod('x'), spec: { containers: [{ name: 'c', image: 'i', imagePullPolcy: 'Always' }] } };
  const e = refused(c.create(bad)).error;
  assert.equal(e.code, 400);
  assert.equal(e.message, 'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagePullPolcy"');
  assert.equal(c.store.get('Pod', 'default', 'x'), undefined);
});

test('apply creates with the last-applied annotation, then reports unchanged, then configured', () => {
  const c = cluster();
  const created = ok(c.apply(pod('p')));
  assert.equal(created.outcome, 'created');
  assert.deepEqual(JSON.parse(created.object.metadata.annotations![LAST_APPLIED]), pod('p'));
  assert.equal(ok(c.apply(pod('p'))).outcome, 'unchanged');
  const labelled = ok(c.apply(pod('p', { labels: { env: 'prod' } })));
  assert.equal(labelled.outcome, 'configured');
  assert.deepEqual(labelled.object.metadata.labels, { env: 'prod' });
  // A label dropped from the manifest since the last apply is removed.
  assert.equal(ok(c.apply(pod('p'))).object.metadata.labels, undefined);
});

test('apply to an object made by create warns about the missing annotation, then patches it', () => {
  const c = cluster();
  ok(c.create(pod('p')));
  const r = ok(c.apply(pod('p', { labels: { env: 'prod' } })));
  assert.deepEqual(r.warnings, [missingLastAppliedWarning(resolveResource('pods')!, 'p')]);
  assert.match(r.warnings[0], /^resource pods\/p is missing the kubectl\.kubernetes\.io\/last-applied-configuration annotation/);
  assert.ok(r.object.metadata.annotations?.[LAST_APPLIED]);
});

test('apply keeps replicas set by kubectl scale when the manifest never set them', () => {
  const c = cluster();
  ok(c.apply(rc()));
  const scaled = ok(c.scale(resolveResource('rc')!, 'default', 'kubia', 5));
  assert.equal(scaled.outcome, 'scaled');
  assert.equal(scaled.object.metadata.generation, 2, 'a scale write changes spec, so generation moves');
  assert.equal(ok(c.apply(rc())).object.spec.replicas, 5);
  assert.equal(ok(c.apply(rc(3))).object.spec.replicas, 3);
});

test('the scale subresource exists for RC and RS only', () => {
  const c = cluster();
  ok(c.create(pod('p')));
  const e = refused(c.scale(resolveResource('po')!, 'default', 'p', 2)).error;
  assert.equal(e.code, 404);
  assert.equal(e.message, 'the server could not find the requested resource');
  assert.equal(refused(c.scale(resolveResource('rc')!, 'default', 'nope', 2)).error.message, 'replicationcontrollers "nope" not found');
});

test('replace of a missing object is NotFound; a stale resourceVersion is a Conflict', () => {
  const c = cluster();
  assert.equal(refused(c.replace(pod('p'))).error.message, 'pods "p" not found');
  // An RC: without controllers nothing else writes it between our requests.
  const first = ok(c.create(rc(1))).object;
  ok(c.replace({ ...first, metadata: { ...first.metadata, labels: { a: '2' } } }));
  const e = refused(c.replace({ ...first, metadata: { ...first.metadata, labels: { a: '3' } } })).error;
  assert.equal(e.code, 409);
  assert.equal(e.reason, 'Conflict');
  assert.equal(e.message, 'Operation cannot be fulfilled on replicationcontrollers "kubia": the object has been modified; please apply your changes to the latest version and try again');
  // Without a resourceVersion the update is unconditional.
  const replaced = ok(c.replace(rc(2)));
  assert.equal(replaced.outcome, 'replaced');
  assert.equal(replaced.object.metadata.uid, first.metadata.uid, 'an update keeps the uid');
  assert.equal(replaced.object.metadata.generation, 2);
});

test('immutable fields: a ReplicaSet selector, a Pod spec and a Service clusterIP', () => {
  const c = cluster();
  ok(c.create(rs('kubia')));
  const sel = refused(c.replace(rs('other'))).error;
  assert.equal(sel.code, 422);
  assert.match(sel.message, /^The ReplicaSet "kubia" is invalid: spec\.selector: Invalid value: .*: field is immutable$/);

  ok(c.create(pod('p')));
  const live = () => c.store.get('Pod', 'default', 'p')!;
  const withContainer = (change: Record<string, unknown>) => ({ ...live(), spec: { ...live().spec, containers: [{ ...live().spec.containers[0], ...change }] } });
  assert.equal(refused(c.replace(withContainer({ workingDir: '/tmp' }))).error.message, `The Pod "p" is invalid: spec: Forbidden: ${POD_UPDATE_DETAIL}`);
  assert.equal(ok(c.replace(withContainer({ image: 'luksa/kubia:v2' }))).object.spec.containers[0].image, 'luksa/kubia:v2', 'images may change');

  const svc = ok(c.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80 }], selector: { app: 'kubia' } } })).object;
  const moved = { ...svc, spec: { ...svc.spec, clusterIP: '10.96.0.99', clusterIPs: ['10.96.0.99'] } };
  assert.match(refused(c.replace(moved)).error.message, /spec\.clusterIPs\[0\]: Invalid value: .*: may not change once set/);
});
