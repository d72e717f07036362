import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient, positionOf, textAt } from './harness';

const MULTI = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: kubia-manual',
  'spec:',
  '  containers:',
  '  - image: luksa/kubia',
  '    name: kubia',
  '---',
  'apiVersion: v1',
  'kind: Pod',
  'metadata: [broken',
  '---',
  'apiVersion: batch/v1',
  'kind: Job',
  'metadata:',
  '  name: batch-job',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '      - name: main',
  '        image: luksa/batch-job:1.0',
  '        imagePullPolcy: Always',
  '',
].join('\n');

let client: TestClient;
before(async () => {
  client = new TestClient();
  await client.initialize();
});
after(() => client.shutdown());

test('every document of a file is checked and one broken document hides nothing', async () => {
  const uri = 'untitled:multi.yaml';
  await client.open(uri, MULTI);
  const diags = await client.diagnosticsFor(uri);
  for (const d of diags) {
    assert.equal(d.source, 'kubelab');
    assert.equal(d.codeDescription?.href, `https://github.com/kubelab/kubelab/blob/main/docs/rules.md#${d.code}`);
  }
  const image = diags.find((d) => d.code === 'image-latest-tag');
  assert.ok(image, 'untagged image warned');
  assert.equal(image.severity, 2);
  assert.equal(textAt(MULTI, image.range), 'luksa/kubia');
  const syntax = diags.find((d) => d.code === 'yaml-syntax');
  assert.ok(syntax, 'syntax error of the second document');
  assert.ok(syntax.range.start.line >= 11 && syntax.range.start.line <= 12, 'inside the second document');
  // validation-rules §13: unknown fields are reported at the key, with the strict decoding text.
  const unknown = diags.find((d) => d.code === 'unknown-field');
  assert.ok(unknown);
  assert.equal(textAt(MULTI, unknown.range), 'imagePullPolcy');
  assert.match(unknown.message, /unknown field "spec\.template\.spec\.containers\[0\]\.imagePullPolcy"/);
  // §9: a Job's restartPolicy defaults to Always, which is rejected.
  const restart = diags.find((d) => d.code === 'job');
  assert.ok(restart);
  assert.equal(restart.message, 'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"');
  assert.equal(restart.severity, 1);
});

test('an incremental edit re-validates and moves ranges', async () => {
  const uri = 'untitled:edit.yaml';
  await client.open(uri, MULTI);
  await client.diagnosticsFor(uri);
  // Tag the image: `luksa/kubia` → `luksa/kubia:1.0`.
  const end = positionOf(MULTI, 'luksa/kubia', 0, 'luksa/kubia'.length);
  await client.edit(uri, { start: end, end }, ':1.0');
  const diags = await client.diagnosticsFor(uri);
  assert.equal(diags.filter((d) => d.code === 'image-latest-tag').length, 0);
  // Insert a line at the top: every later range moves one line down.
  const before = diags.find((d) => d.code === 'unknown-field')!;
  await client.edit(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, '# comment\n');
  const after = (await client.diagnosticsFor(uri)).find((d) => d.code === 'unknown-field')!;
  assert.equal(after.range.start.line, before.range.start.line + 1);
  assert.equal(after.range.start.character, before.range.start.character);
});

const NOT_KUBERNETES: Record<string, string> = {
  'github-workflow.yml': 'name: CI\non:\n  push:\n    branches: [main]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm test\n',
  'docker-compose.yml': 'services:\n  web:\n    image: nginx:latest\n    ports:\n      - "8080:80"\n  db:\n    image: postgres\n',
  'playbook.yml': '- hosts: all\n  become: true\n  tasks:\n    - name: install nginx\n      apt:\n        name: nginx\n        state: present\n',
  'values.yaml': 'replicaCount: 1\nimage:\n  repository: nginx\n  tag: ""\nservice:\n  type: ClusterIP\n  port: 80\n',
};

for (const [name, text] of Object.entries(NOT_KUBERNETES)) {
  test(`non-Kubernetes YAML gets no diagnostics: ${name}`, async () => {
    const uri = `untitled:${name}`;
    await client.open(uri, text);
    assert.deepEqual(await client.diagnosticsFor(uri), []);
  });
}

test('suppression comments silence a lint rule for a line or a document', async () => {
  const uri = 'untitled:suppress.yaml';
  const text = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: web',
    'spec:',
    '  containers:',
    '  # kubelab-disable-next-line image-latest-tag',
    '  - image: nginx',
    '    name: a',
    '  - image: nginx:latest',
    '    name: b',
    '---',
    '# kubelab-disable missing-probes, missing-resources',
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: web2',
    'spec:',
    '  containers:',
    '  - image: nginx:1.27',
    '    name: a',
    '',
  ].join('\n');
  await client.open(uri, text);
  const diags = await client.diagnosticsFor(uri);
  const images = diags.filter((d) => d.code === 'image-latest-tag');
  assert.deepEqual(images.map((d) => textAt(text, d.range)), ['nginx:latest']);
  const second = diags.filter((d) => d.range.start.line > 11);
  assert.deepEqual(second.map((d) => d.code), ['prefer-replicaset']);
});

test('kubelab.lint.rules switches a rule off or changes its severity', async () => {
  const c = new TestClient({ settings: { lint: { rules: { 'image-latest-tag': 'error', 'missing-probes': 'off' } } } });
  await c.initialize();
  try {
    const uri = 'untitled:settings.yaml';
    await c.open(uri, MULTI);
    const diags = await c.diagnosticsFor(uri);
    assert.equal(diags.find((d) => d.code === 'image-latest-tag')?.severity, 1);
    assert.equal(diags.filter((d) => d.code === 'missing-probes').length, 0);
  } finally {
    await c.shutdown();
  }
});

test('kubelab.validate.enable false publishes nothing', async () => {
  const c = new TestClient({ settings: { validate: { enable: false } } });
  await c.initialize();
  try {
    const uri = 'untitled:off.yaml';
    await c.open(uri, MULTI);
    assert.deepEqual(await c.diagnosticsFor(uri), []);
  } finally {
    await c.shutdown();
  }
});
