import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { workspace } from './cli-harness';

const KUBIA_MANUAL = `apiVersion: v1
kind: Pod
metadata:
  name: kubia-manual
spec:
  containers:
  - image: luksa/kubia
    name: kubia
    ports:
    - containerPort: 8080
      protocol: TCP
`;

const RC_MISMATCH = `apiVersion: v1
kind: ReplicationController
metadata:
  name: kubia-rc
spec:
  replicas: 3
  selector:
    app: kubia
  template:
    metadata:
      labels:
        app: other
    spec:
      containers:
      - name: kubia
        image: luksa/kubia
`;

test('create prints kind/name created, a second create is AlreadyExists, and the state lives in .kubelab/', async () => {
  const w = workspace({ 'kubia-manual.yaml': KUBIA_MANUAL });
  const first = await w.run('create -f kubia-manual.yaml');
  assert.equal(first.code, 0);
  assert.equal(first.stdout, 'pod/kubia-manual created\n');
  assert.ok(existsSync(join(w.cwd, '.kubelab', 'snapshot.json')));
  const again = await w.run('create -f kubia-manual.yaml');
  assert.equal(again.code, 1);
  assert.equal(again.stderr, 'Error from server (AlreadyExists): error when creating "kubia-manual.yaml": pods "kubia-manual" already exists\n');
});

test('apply creates, then reports unchanged, then configured after an edit', async () => {
  const w = workspace({ 'p.yaml': KUBIA_MANUAL });
  assert.equal((await w.run('apply -f p.yaml')).stdout, 'pod/kubia-manual created\n');
  assert.equal((await w.run('apply -f p.yaml')).stdout, 'pod/kubia-manual unchanged\n');
  w.write('p.yaml', KUBIA_MANUAL.replace('name: kubia-manual', 'name: kubia-manual\n  labels:\n    env: prod'));
  assert.equal((await w.run('apply -f p.yaml')).stdout, 'pod/kubia-manual configured\n');
  const got = await w.run('get pods -l env=prod -o name');
  assert.equal(got.stdout, 'pod/kubia-manual\n');
});

test('an invalid object is refused with the API server text and nothing is stored', async () => {
  const w = workspace({ 'rc.yaml': RC_MISMATCH });
  const r = await w.run('create -f rc.yaml');
  assert.equal(r.code, 1);
  assert.equal(
    r.stderr,
    'The ReplicationController "kubia-rc" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`\n',
  );
  const get = await w.run('get rc');
  assert.equal(get.stderr, 'No resources found in default namespace.\n');
});

test('unknown fields are a BadRequest strict decoding error', async () => {
  const w = workspace({ 'p.yaml': KUBIA_MANUAL.replace('name: kubia\n', 'name: kubia\n    imagePullPolcy: Always\n') });
  const r = await w.run('create -f p.yaml');
  assert.equal(
    r.stderr,
    'Error from server (BadRequest): error when creating "p.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagePullPolcy"\n',
  );
});

test('an unknown kind is refused by the client with the mapper text', async () => {
  const w = workspace({ 'p.yaml': KUBIA_MANUAL.replace('kind: Pod', 'kind: pod') });
  const r = await w.run('apply -f p.yaml');
  assert.equal(r.code, 1);
  assert.equal(r.stderr, 'error: resource mapping not found for name: "kubia-manual" namespace: "" from "p.yaml": no matches for kind "pod" in version "v1"\nensure CRDs are installed first\n');
});

test('options may stand anywhere; --state picks another directory', async () => {
  const w = workspace({ 'p.yaml': KUBIA_MANUAL });
  assert.equal((await w.run('create --state other -f p.yaml')).code, 0);
  assert.ok(existsSync(join(w.cwd, 'other', 'snapshot.json')));
  assert.equal((await w.run('get -o name --state=other po')).stdout, 'pod/kubia-manual\n');
  assert.equal((await w.run('get po')).stderr, 'No resources found in default namespace.\n');
});

test('-o json of a list prints a List with items; -o yaml of one object prints the object', async () => {
  const w = workspace({ 'p.yaml': KUBIA_MANUAL });
  await w.run('create -f p.yaml');
  const list = JSON.parse((await w.run('get pods -o json')).stdout);
  assert.equal(list.kind, 'List');
  assert.deepEqual(list.items.map((o: any) => o.metadata.name), ['kubia-manual']);
  const yaml = (await w.run('get po kubia-manual -o yaml')).stdout;
  assert.match(yaml, /^apiVersion: v1\nkind: Pod\nmetadata:\n/);
  assert.match(yaml, /creationTimestamp: "?2026-01-01T00:00:00Z"?/);
});

test('label needs --overwrite to change a value; key- removes it', async () => {
  const w = workspace({ 'p.yaml': KUBIA_MANUAL });
  await w.run('create -f p.yaml');
  assert.equal((await w.run('label po kubia-manual creation_method=manual')).stdout, 'pod/kubia-manual labeled\n');
  const refused = await w.run('label po kubia-manual creation_method=other');
  assert.equal(refused.code, 1);
  assert.equal(refused.stderr, "error: 'creation_method' already has a value (manual), and --overwrite is false\n");
  assert.equal((await w.run('label po kubia-manual creation_method=other --overwrite')).stdout, 'pod/kubia-manual labeled\n');
  assert.match((await w.run('get po -L creation_method')).stdout, /CREATION_METHOD\nkubia-manual\s.*\sother\n/);
  await w.run('label po kubia-manual creation_method-');
  assert.equal((await w.run('get po -l creation_method')).stderr, 'No resources found in default namespace.\n');
  assert.equal((await w.run('annotate pod kubia-manual mycompany.com/someannotation=foo bar')).stdout, 'pod/kubia-manual annotated\n');
});

test('delete prints kind "name" deleted and a missing one is NotFound', async () => {
  const w = workspace({ 'p.yaml': KUBIA_MANUAL });
  await w.run('create -f p.yaml');
  assert.equal((await w.run('delete po kubia-manual')).stdout, 'pod "kubia-manual" deleted\n');
  const missing = await w.run('delete po kubia-manual');
  assert.equal(missing.stderr, 'Error from server (NotFound): pods "kubia-manual" not found\n');
});

test('time advance moves virtual time and is remembered', async () => {
  const w = workspace();
  assert.equal((await w.run('time now')).stdout, '2026-01-01T00:00:00Z\n');
  assert.equal((await w.run('time advance 1h30m')).stdout, '2026-01-01T01:30:00Z\n');
  assert.equal((await w.run('time now')).stdout, '2026-01-01T01:30:00Z\n');
});

test('nodes: three by default, add, label, fail turns NotReady after the grace period, restore', async () => {
  const w = workspace();
  assert.equal((await w.run('get no -o name')).stdout, 'node/kubelab-worker\nnode/kubelab-worker2\nnode/kubelab-worker3\n');
  assert.equal((await w.run('node add extra --cpu 4 --label disk=ssd')).stdout, 'node/extra added\n');
  assert.equal((await w.run('get no -l disk=ssd -o name')).stdout, 'node/extra\n');
  await w.run('node fail extra');
  await w.run('time advance 60s');
  const node = JSON.parse((await w.run('get no extra -o json')).stdout);
  const ready = node.status.conditions.find((c: any) => c.type === 'Ready');
  assert.equal(ready.status, 'Unknown');
  assert.ok(node.spec.taints.some((t: any) => t.key === 'node.kubernetes.io/unreachable' && t.effect === 'NoExecute'));
  await w.run('node restore extra');
  const back = JSON.parse((await w.run('get no extra -o json')).stdout);
  assert.equal(back.status.conditions.find((c: any) => c.type === 'Ready').status, 'True');
  assert.equal(back.spec.taints, undefined);
});
