// KIA ch. 3.7–3.8 (seed 002): namespaces scope names, deleting one deletes its
// pods (gracefully), and the API server refuses content for a missing or
// terminating namespace. Once in-process, once through the CLI.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCluster } from '../../runtime/src/cluster/cluster';
import { resolveResource } from '../../runtime/src/cluster/resources';
import { workspace } from './cli-harness';
import { seedManifest } from '../seeds';

const KUBIA_MANUAL = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'kubia-manual' },
  spec: { containers: [{ image: 'luksa/kubia', name: 'kubia', ports: [{ containerPort: 8080, protocol: 'TCP' }] }] },
};
const CUSTOM_NAMESPACE = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'custom-namespace' } };

const KUBIA_MANUAL_YAML = seedManifest('kubia-manual');
const CUSTOM_NAMESPACE_YAML = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: custom-namespace\n';

const ns = resolveResource('ns')!;

function clusterWithTwoKubiaManuals() {
  const c = createCluster({ seed: 'namespaces' });
  assert.equal(c.create(CUSTOM_NAMESPACE).ok, true);
  const inDefault = c.create(KUBIA_MANUAL);
  const inCustom = c.create(KUBIA_MANUAL, { namespace: 'custom-namespace' });
  assert.ok(inDefault.ok && inCustom.ok);
  return { c, inDefault: inDefault.object, inCustom: inCustom.object };
}

test('two pods named kubia-manual live side by side in default and custom-namespace', () => {
  const { c, inDefault, inCustom } = clusterWithTwoKubiaManuals();
  assert.equal(inDefault.metadata.namespace, 'default');
  assert.equal(inCustom.metadata.namespace, 'custom-namespace');
  assert.notEqual(inDefault.metadata.uid, inCustom.metadata.uid);
  assert.deepEqual(c.store.list('Pod', { namespace: 'custom-namespace' }).map((p) => p.metadata.name), ['kubia-manual']);
  // A second one in the same namespace is AlreadyExists.
  const again = c.create(KUBIA_MANUAL, { namespace: 'custom-namespace' });
  assert.equal(again.ok, false);
  assert.equal(!again.ok && again.error.message, 'pods "kubia-manual" already exists');
});

test('creating into a namespace that does not exist is NotFound for the namespace', () => {
  const c = createCluster({ seed: 'namespaces' });
  const r = c.create(KUBIA_MANUAL, { namespace: 'nope' });
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.error.code, 404);
  assert.equal(!r.ok && r.error.message, 'namespaces "nope" not found');
});

test('deleting custom-namespace terminates it, refuses new content, and removes its pods after the grace period', () => {
  const { c } = clusterWithTwoKubiaManuals();
  c.advance(10_000);
  assert.equal(c.store.get('Pod', 'custom-namespace', 'kubia-manual')?.status?.phase, 'Running');
  const d = c.delete(ns, undefined, 'custom-namespace');
  assert.equal(d.ok, true);
  assert.equal(c.store.get('Namespace', undefined, 'custom-namespace')?.status?.phase, 'Terminating');
  const pod = c.store.get('Pod', 'custom-namespace', 'kubia-manual');
  assert.ok(pod?.metadata.deletionTimestamp, 'the namespace controller deleted the pod gracefully');

  const refused = c.create({ ...KUBIA_MANUAL, metadata: { name: 'late' } }, { namespace: 'custom-namespace' });
  assert.equal(!refused.ok && refused.error.reason, 'Forbidden');
  assert.equal(!refused.ok && refused.error.message, 'pods "late" is forbidden: unable to create new content in namespace custom-namespace because it is being terminated');

  c.advance(31_000);
  assert.equal(c.store.get('Pod', 'custom-namespace', 'kubia-manual'), undefined);
  assert.equal(c.store.get('Namespace', undefined, 'custom-namespace'), undefined);
  assert.ok(c.store.get('Pod', 'default', 'kubia-manual'), "default's kubia-manual is untouched");
});

test('default, kube-system and kube-public may not be deleted', () => {
  const c = createCluster({ seed: 'namespaces' });
  for (const name of ['default', 'kube-system', 'kube-public']) {
    const r = c.delete(ns, undefined, name);
    assert.equal(!r.ok && r.error.message, `namespaces "${name}" is forbidden: this namespace may not be deleted`);
  }
  assert.equal(c.delete(ns, undefined, 'kube-node-lease').ok, true);
});

test('through the CLI: kubectl create -f kubia-manual.yaml --namespace custom-namespace, then delete ns', async () => {
  const w = workspace({ 'kubia-manual.yaml': KUBIA_MANUAL_YAML, 'custom-namespace.yaml': CUSTOM_NAMESPACE_YAML });
  assert.equal((await w.run('create -f custom-namespace.yaml')).stdout, 'namespace/custom-namespace created\n');
  assert.equal((await w.run('create -f kubia-manual.yaml')).stdout, 'pod/kubia-manual created\n');
  assert.equal((await w.run('create -f kubia-manual.yaml --namespace custom-namespace')).stdout, 'pod/kubia-manual created\n');
  assert.match((await w.run('get ns')).stdout, /^NAME\s+STATUS\s+AGE\ncustom-namespace\s+Active\s/);

  const missing = await w.run('create -f kubia-manual.yaml -n nope');
  assert.equal(missing.code, 1);
  assert.equal(missing.stderr, 'Error from server (NotFound): error when creating "kubia-manual.yaml": namespaces "nope" not found\n');

  // "delete only acts in the current namespace"
  assert.equal((await w.run('delete po kubia-manual')).stdout, 'pod "kubia-manual" deleted\n');
  assert.equal((await w.run('get pods --namespace custom-namespace -o name')).stdout, 'pod/kubia-manual\n');

  assert.equal((await w.run('delete ns custom-namespace')).stdout, 'namespace "custom-namespace" deleted\n');
  assert.equal((await w.run('get pods --namespace custom-namespace')).stderr, 'No resources found in custom-namespace namespace.\n');
  assert.equal((await w.run('get ns custom-namespace')).stderr, 'Error from server (NotFound): namespaces "custom-namespace" not found\n');
});

test('through the CLI: creating into a terminating namespace is Forbidden', async () => {
  // A finalizer nobody removes keeps the pod, and so the namespace, terminating.
  const held = KUBIA_MANUAL_YAML.replace('name: kubia-manual\n', 'name: held\n  finalizers:\n  - example.com/hold\n');
  const w = workspace({ 'kubia-manual.yaml': KUBIA_MANUAL_YAML, 'custom-namespace.yaml': CUSTOM_NAMESPACE_YAML, 'held.yaml': held });
  await w.run('create -f custom-namespace.yaml');
  assert.equal((await w.run('create -f held.yaml -n custom-namespace')).stdout, 'pod/held created\n');
  assert.equal((await w.run('delete ns custom-namespace --wait=false')).stdout, 'namespace "custom-namespace" deleted\n');
  assert.match((await w.run('get ns custom-namespace')).stdout, /\ncustom-namespace\s+Terminating\s/);
  const r = await w.run('create -f kubia-manual.yaml -n custom-namespace');
  assert.equal(r.code, 1);
  assert.equal(
    r.stderr,
    'Error from server (Forbidden): error when creating "kubia-manual.yaml": pods "kubia-manual" is forbidden: unable to create new content in namespace custom-namespace because it is being terminated\n',
  );
  const refused = await w.run('delete ns default');
  assert.equal(refused.stderr, 'Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted\n');
});
