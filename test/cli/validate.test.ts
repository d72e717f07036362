import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scratch, kubelab, validateJson } from './helpers';
import { collectInputs } from '../../runtime/src/cli/inputs';
import { parseKubernetesVersion } from '../../runtime/src/cli/validate';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: main
    image: nginx
`;

const RC_MISMATCH = `apiVersion: v1
kind: ReplicationController
metadata:
  name: kubia-rc
spec:
  selector:
    app: kubia-rc
  template:
    metadata:
      labels:
        app: kubia
    spec:
      containers:
      - name: kubia
        image: luksa/kubia
`;

test('usage errors exit 2 with a message on stderr', async () => {
  const dir = scratch({ 'pod.yaml': POD });
  const cases: [string[], string][] = [
    [['validate', '--nope', 'pod.yaml'], 'error: unknown flag: --nope'],
    [['validate', '--format', 'xml', 'pod.yaml'], 'error: unknown format "xml"'],
    [['validate', '--kubernetes-version', '1.20', 'pod.yaml'], 'error: unsupported --kubernetes-version "1.20"'],
    [['validate', 'missing.yaml'], 'error: the path "missing.yaml" does not exist'],
    [['validate'], 'error: no input'],
    [['frobnicate'], 'error: unknown command "frobnicate" for "kubelab"'],
  ];
  for (const [argv, message] of cases) {
    const r = await kubelab(dir, argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.ok(r.stderr.startsWith(message), `${argv.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '');
  }
});

test('a valid manifest exits 0 and says so on stderr only', async () => {
  const r = await kubelab(scratch({ 'pod.yaml': POD }), ['validate', 'pod.yaml']);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, '0 errors, 0 warnings in 1 file (1 document)\n');
});

test('--kubernetes-version accepts 1.27 to 1.36, with or without v and patch', () => {
  assert.equal(parseKubernetesVersion(undefined), 33);
  assert.equal(parseKubernetesVersion('1.27'), 27);
  assert.equal(parseKubernetesVersion('v1.36.1'), 36);
  assert.equal(parseKubernetesVersion('1.26'), undefined);
  assert.equal(parseKubernetesVersion('1.37'), undefined);
  assert.equal(parseKubernetesVersion('two'), undefined);
});

test('directories are walked in name order, skipping node_modules and dot-folders', () => {
  const dir = scratch({
    'b.yaml': '',
    'a/z.yml': '',
    'a/y.json': '',
    'a/notes.txt': '',
    'node_modules/x.yaml': '',
    '.git/config.yaml': '',
    'c/.hidden/d.yaml': '',
  });
  const r = collectInputs(['.'], dir);
  assert.ok('files' in r);
  assert.deepEqual(
    r.files.map((f) => f.slice(dir.length + 1)),
    ['a/y.json', 'a/z.yml', 'b.yaml'],
  );
  // A file named explicitly is read whatever its extension; repeats are read once.
  const named = collectInputs(['a/notes.txt', 'b.yaml', 'b.yaml'], dir);
  assert.ok('files' in named && named.files.length === 2);
});

test('the selector mismatch of the seeds is placed on the template labels, in Go syntax for 1.33', async () => {
  const r = await validateJson(scratch({ 'rc.yaml': RC_MISMATCH }), 'rc.yaml');
  assert.equal(r.code, 1);
  assert.equal(r.findings.length, 1);
  const [f] = r.findings;
  assert.equal(f.path, 'spec.template.metadata.labels');
  assert.equal(f.message, 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"kubia"}: `selector` does not match template `labels`');
  // The value of `labels:` is the mapping on the next line.
  assert.deepEqual([f.line, f.column, f.endLine], [11, 9, 12]);
});

test('--kubernetes-version 1.34 renders bad values as JSON', async () => {
  const r = await kubelab(scratch({ 'rc.yaml': RC_MISMATCH }), ['validate', '-o', 'json', '--kubernetes-version=1.34', 'rc.yaml']);
  assert.match(JSON.parse(r.stdout)[0].message, /Invalid value: \{"app":"kubia"\}: `selector` does not match/);
});

test('an unknown field points at its key, in the third document of a file', async () => {
  const text = [POD, POD.replace('web', 'web2'), POD.replace('web', 'web3') + '    imagePullPolcy: Always\n'].join('---\n');
  const r = await validateJson(scratch({ 'pods.yaml': text }), 'pods.yaml');
  assert.equal(r.findings.length, 1);
  const [f] = r.findings;
  assert.equal(f.code, 'unknown-field');
  assert.equal(f.path, 'spec.containers[0].imagePullPolcy');
  const line = text.split('\n').findIndex((l) => l.includes('imagePullPolcy')) + 1;
  assert.deepEqual([f.line, f.column, f.endLine, f.endColumn], [line, 5, line, 5 + 'imagePullPolcy'.length]);
});

test('a mapping with neither apiVersion nor kind is an error with kubectl\'s text', async () => {
  const r = await validateJson(scratch({ 'x.yaml': '# header\nmetadata:\n  name: web\n' }), 'x.yaml');
  assert.equal(r.code, 1);
  assert.deepEqual(
    r.findings.map((f) => [f.code, f.message, f.line]),
    [['missing-kind', `Object 'Kind' is missing in '{"metadata":{"name":"web"}}'`, 2]],
  );
});

test('YAML syntax errors are findings of their document; the other documents are still checked', async () => {
  const text = 'a: [1, 2\n---\n' + RC_MISMATCH;
  const r = await validateJson(scratch({ 'mixed.yaml': text }), 'mixed.yaml');
  const codes = r.findings.map((f) => f.code);
  assert.ok(codes.includes('yaml-syntax'));
  assert.ok(codes.includes('replication-controller'));
  assert.ok(r.findings.filter((f) => f.code === 'yaml-syntax').every((f) => f.line <= 2));
});

test('stdin is read for -', async () => {
  const r = await kubelab(scratch(), ['validate', '-o', 'json', '-'], RC_MISMATCH);
  assert.equal(r.code, 1);
  assert.equal(JSON.parse(r.stdout)[0].file, '<stdin>');
});

test('text format: one compiler-style line per finding and a summary on stderr', async () => {
  const r = await kubelab(scratch({ 'rc.yaml': RC_MISMATCH, 'pod.yaml': POD }), ['validate', '.']);
  assert.equal(r.code, 1);
  assert.equal(
    r.stdout,
    'rc.yaml:11:9: error: spec.template.metadata.labels: Invalid value: map[string]string{"app":"kubia"}: `selector` does not match template `labels` [replication-controller]\n',
  );
  assert.equal(r.stderr, '1 error, 0 warnings in 2 files (2 documents)\n');
});

test('sarif format is a SARIF 2.1.0 log with rules, levels and relative locations', async () => {
  const dir = scratch({ 'k8s/rc.yaml': RC_MISMATCH });
  const r = await kubelab(dir, ['validate', '--format', 'sarif', 'k8s']);
  assert.equal(r.code, 1);
  const log = JSON.parse(r.stdout);
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema, /sarif-2\.1\.0/);
  const run = log.runs[0];
  assert.equal(run.tool.driver.name, 'kubelab');
  assert.deepEqual(run.tool.driver.rules.map((x: { id: string }) => x.id), ['replication-controller']);
  const [res] = run.results;
  assert.equal(res.ruleId, 'replication-controller');
  assert.equal(res.ruleIndex, 0);
  assert.equal(res.level, 'error');
  assert.match(res.message.text, /`selector` does not match template `labels`/);
  const loc = res.locations[0].physicalLocation;
  assert.deepEqual(loc.artifactLocation, { uri: 'k8s/rc.yaml', uriBaseId: 'SRCROOT' });
  assert.deepEqual(loc.region, { startLine: 11, startColumn: 9, endLine: 12, endColumn: 1 });
  assert.ok(run.originalUriBaseIds.SRCROOT.uri.startsWith('file:///'));
});
