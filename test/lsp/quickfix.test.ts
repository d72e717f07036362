import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CodeActionRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { TestClient, applyEdits } from './harness';

let client: TestClient;
before(async () => {
  client = new TestClient();
  await client.initialize();
});
after(() => client.shutdown());

let n = 0;

/** Opens `text`, asks for fixes of the finding, applies the one titled like `title`, re-validates. */
async function fixAndRecheck(text: string, find: (d: Diagnostic) => boolean, title: RegExp) {
  const uri = `untitled:fix-${n++}.yaml`;
  await client.open(uri, text);
  const diagnostic = (await client.diagnosticsFor(uri)).find(find);
  assert.ok(diagnostic, 'the finding is reported before the fix');
  const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic] },
  })) as CodeAction[];
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action, `offered: ${actions.map((a) => a.title).join('; ')}`);
  assert.deepEqual(action.diagnostics, [diagnostic]);
  const fixed = applyEdits(text, action.edit!.changes![uri]);
  await client.replaceAll(uri, fixed);
  const after = await client.diagnosticsFor(uri);
  assert.ok(!after.some((d) => d.code === diagnostic.code && d.message === diagnostic.message), `still reported after: ${fixed}`);
  return { fixed, after };
}

const RS_MISMATCH = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: kubia
spec:
  replicas: 3
  selector:
    matchLabels:
      app: kubia
  template:
    metadata:
      labels:
        app: kubia-v2 # the new version
    spec:
      containers:
      - name: kubia
        image: luksa/kubia:1.0
`;

const mismatch = (d: Diagnostic) => d.message.includes('`selector` does not match template `labels`');

test('template labels made to match the selector', async () => {
  const { fixed } = await fixAndRecheck(RS_MISMATCH, mismatch, /template labels match the selector/);
  assert.match(fixed, /labels:\n\s+app: kubia\n/);
  assert.match(fixed, /replicas: 3/, 'the rest is untouched');
});

test('selector made to match the template labels', async () => {
  const { fixed } = await fixAndRecheck(RS_MISMATCH, mismatch, /selector match the template labels/);
  assert.match(fixed, /matchLabels:\n\s+app: kubia-v2/);
});

test("a Job's restartPolicy set to OnFailure", async () => {
  const job = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: batch-job\nspec:\n  template:\n    spec:\n      containers:\n      - name: main\n        image: luksa/batch-job:1.0\n';
  const { fixed } = await fixAndRecheck(job, (d) => d.code === 'job' && d.message.startsWith('spec.template.spec.restartPolicy'), /OnFailure/);
  assert.match(fixed, /restartPolicy: OnFailure/);
});

test('apps/v1beta2 ReplicaSet migrated to apps/v1 with a selector from the template labels', async () => {
  const old = 'apiVersion: apps/v1beta2\nkind: ReplicaSet\nmetadata:\n  name: kubia\nspec:\n  replicas: 3\n  template:\n    metadata:\n      labels:\n        app: kubia\n    spec:\n      containers:\n      - name: kubia\n        image: luksa/kubia:1.0\n';
  const { fixed, after } = await fixAndRecheck(old, (d) => d.code === 'removed-api-version', /Migrate to apps\/v1/);
  assert.match(fixed, /^apiVersion: apps\/v1\n/);
  assert.match(fixed, /selector:\n\s+matchLabels:\n\s+app: kubia/);
  assert.deepEqual(after.filter((d) => d.severity === 1), [], 'the migrated document is valid');
});

test('batch/v1beta1 CronJob migrated to batch/v1', async () => {
  const old = 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: batch-job-every-fifteen-minutes\nspec:\n  schedule: "0,15,30,45 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: main\n            image: luksa/batch-job:1.0\n';
  const { fixed } = await fixAndRecheck(old, (d) => d.code === 'removed-api-version', /Migrate to batch\/v1/);
  assert.match(fixed, /^apiVersion: batch\/v1\n/);
});

test('unnamed Service ports get names', async () => {
  const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: kubia\nspec:\n  ports:\n  - port: 80\n    targetPort: 8080\n  - port: 443\n    targetPort: 8443\n  selector:\n    app: kubia\n';
  const { fixed, after } = await fixAndRecheck(svc, (d) => d.code === 'service' && /ports\[0\]\.name: Required value/.test(d.message), /Name the unnamed Service ports/);
  assert.match(fixed, /name: tcp-80/);
  assert.match(fixed, /name: tcp-443/);
  assert.equal(after.filter((d) => d.code === 'service').length, 0, 'both ports are named');
});

test('an unknown field renamed to the nearest valid one', async () => {
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: kubia\nspec:\n  containers:\n  - name: kubia\n    image: luksa/kubia:1.0\n    imagePullPolcy: Always\n';
  const { fixed } = await fixAndRecheck(pod, (d) => d.code === 'unknown-field', /Rename "imagePullPolcy" to "imagePullPolicy"/);
  assert.match(fixed, /\n {4}imagePullPolicy: Always\n/);
});
