import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { checkObject, isKubernetesLike, type Finding } from '../../../runtime/src/api/check';
import { seedManifest } from '../../seeds';

const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');
const check = (yaml: string) => checkObject(parse(yaml));

// The manifests of "Kubernetes in Action" ch. 3–4 as the seed notes give them.
const seeds = {
  kubiaManual: seedManifest('kubia-manual'),
  withLabels: seedManifest('kubia-manual-with-labels'),
  gpu: seedManifest('kubia-gpu'),
  liveness: `apiVersion: v1
kind: Pod
metadata:
  name: kubia-liveness
spec:
  containers:
    - image: luksa/kubia-unhealthy
      name: kubia
      livenessProbe:
        httpGet:
          path: /
          port: 8080
        initialDelaySeconds: 15
`,
  namespace: seedManifest('custom-namespace'),
  rc: `apiVersion: v1
kind: ReplicationController
metadata:
  name: kubia
spec:
  replicas: 3
  selector:
    app: kubia
  template:
    metadata:
      labels:
        app: kubia
    spec:
      containers:
        - name: kubia
          image: luksa/kubia
          ports:
            - containerPort: 8080
`,
  rs: `apiVersion: apps/v1
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
        app: kubia
    spec:
      containers:
        - name: kubia
          image: luksa/kubia
`,
  ds: seedManifest('ssd-monitor-daemonset'),
  job: `apiVersion: batch/v1
kind: Job
metadata:
  name: batch-job
spec:
  template:
    metadata:
      labels:
        app: batch-job
    spec:
      restartPolicy: OnFailure
      containers:
        - name: main
          image: luksa/batch-job
`,
  parallelJob: seedManifest('multi-completion-parallel-batch-job'),
  cronJob: (apiVersion: string) => `apiVersion: ${apiVersion}
kind: CronJob
metadata:
  name: batch-job-every-fifteen-minutes
spec:
  schedule: "0,15,30,45 * * * *"
  startingDeadlineSeconds: 15
  jobTemplate:
    spec:
      template:
        metadata:
          labels:
            app: periodic-batch-job
        spec:
          restartPolicy: OnFailure
          containers:
          - name: main
            image: luksa/batch-job
`,
};

test('the seed manifests are accepted', () => {
  for (const [name, text] of Object.entries({ ...seeds, cronJob: seeds.cronJob('batch/v1') })) {
    assert.deepEqual(errors(check(text)), [], name);
  }
});

test('kubia-rc: the selector mismatch, exactly as the seed shows it', () => {
  const text = seeds.rc.replace('name: kubia\n', 'name: kubia-rc\n').replace('selector:\n    app: kubia\n', 'selector:\n    app: kubia-rc\n');
  assert.deepEqual(check(text), [
    {
      path: 'spec.template.metadata.labels',
      severity: 'error',
      code: 'replication-controller',
      message: 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"kubia"}: `selector` does not match template `labels`',
      anchor: 'value',
    },
  ]);
});

test('the apps/v1beta2 ReplicaSet is a removed apiVersion', () => {
  const fs = check(seeds.rs.replace('apps/v1', 'apps/v1beta2'));
  assert.equal(fs.length, 1);
  assert.equal(fs[0].code, 'removed-api-version');
  assert.equal(fs[0].path, 'apiVersion');
  assert.match(fs[0].message, /no matches for kind "ReplicaSet" in version "apps\/v1beta2"/);
});

test('the batch/v1beta1 CronJob of the seed is a removed apiVersion too (gone in 1.25)', () => {
  assert.deepEqual(check(seeds.cronJob('batch/v1beta1')).map((f) => [f.code, f.path]), [['removed-api-version', 'apiVersion']]);
});

test('a ReplicaSet whose matchLabels is a list fails to decode, and nothing else is reported', () => {
  const text = seeds.rs.replace('    matchLabels:\n      app: kubia\n', '    matchLabels:\n      - key: app\n        operator: in\n        values:\n          - kubia\n');
  const fs = check(text);
  assert.ok(fs.length > 0);
  assert.ok(fs.every((f) => f.code === 'type-mismatch' || f.code === 'unknown-field'), JSON.stringify(fs));
  assert.ok(fs.some((f) => f.code === 'type-mismatch' && f.path.startsWith('spec.selector.matchLabels')));
});

test('kind: pod is an unknown kind with a suggestion', () => {
  assert.deepEqual(check('apiVersion: v1\nkind: pod\nmetadata:\n  name: kubia-liveness\n'), [
    { path: 'kind', severity: 'error', code: 'unknown-kind', message: 'no matches for kind "pod" in version "v1"; did you mean "Pod"?', anchor: 'value' },
  ]);
  assert.deepEqual(check('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n'), []);
});

test('missing kind or apiVersion: kubectl\'s text, kind checked first, long objects abbreviated', () => {
  const [noKind] = check('apiVersion: v1\nmetadata:\n  name: x\n');
  assert.deepEqual(noKind, { path: 'kind', severity: 'error', code: 'missing-kind', message: `Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"x"}}'`, anchor: 'key' });
  const [noVersion] = check('kind: Pod\n');
  assert.equal(noVersion.path, 'apiVersion');
  assert.equal(noVersion.message, `Object 'apiVersion' is missing in '{"kind":"Pod"}'`);
  const [long] = checkObject({ apiVersion: 'v1', metadata: { name: 'x'.repeat(200) } });
  assert.ok(long.message.endsWith("...'"));
  assert.ok(long.message.length < 140);
});

test('documents that are not Kubernetes objects', () => {
  assert.deepEqual(check('- a\n- b\n').map((f) => [f.code, f.message]), [['not-an-object', 'document is a list, not a Kubernetes object']]);
  assert.deepEqual(check('hello\n').map((f) => [f.code, f.message]), [['not-an-object', 'document is a scalar, not a Kubernetes object']]);
  assert.deepEqual(check('services:\n  web:\n    image: nginx\n'), []);
  assert.deepEqual(checkObject(null), []);
  assert.equal(isKubernetesLike({ kind: 'Pod' }), true);
  assert.equal(isKubernetesLike({ services: {} }), false);
  assert.equal(isKubernetesLike(['kind']), false);
});

test('an unknown field is reported at its key and validation still runs', () => {
  const text = seeds.job.replace('      restartPolicy: OnFailure\n', '').replace('image: luksa/batch-job', 'image: luksa/batch-job\n          imagePullPolcy: Always');
  const fs = check(text);
  const unknown = fs.find((f) => f.code === 'unknown-field');
  assert.equal(unknown?.path, 'spec.template.spec.containers[0].imagePullPolcy');
  assert.equal(unknown?.anchor, 'key');
  const restart = fs.find((f) => f.code === 'job');
  assert.equal(restart?.message, 'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"');
  assert.equal(restart?.anchor, 'key');
});

test('a type error stops before validation', () => {
  const fs = check(seeds.rs.replace('replicas: 3', 'replicas: "three"').replace('app: kubia\n  template', 'app: other\n  template'));
  assert.deepEqual(fs.map((f) => [f.code, f.path]), [['type-mismatch', 'spec.replicas']]);
});

test('API warnings become warning findings with kubectl\'s text', () => {
  const fs = check(seeds.job.replace('name: batch-job\n', 'name: batch.job\n'));
  assert.deepEqual(errors(fs), []);
  const w = fs.find((f) => f.severity === 'warning' && f.code === 'job');
  assert.equal(w?.path, 'metadata.name');
  assert.equal(w?.message, 'metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]');
});

test('a Job name over 63 characters is one finding, not one per job-name label', () => {
  const name = 'j'.repeat(64);
  const fs = errors(check(seeds.job.replace('name: batch-job\n', `name: ${name}\n`)));
  assert.deepEqual(fs.map((f) => f.message), [`spec.template.labels: Invalid value: "${name}": must be no more than 63 characters`]);
});

test('the placeholder uid never leaks into the input', () => {
  const obj = parse(seeds.job);
  const before = structuredClone(obj);
  checkObject(obj);
  assert.deepEqual(obj, before);
});

test('a kind: List is checked item by item, with paths from the document root', () => {
  const list = {
    apiVersion: 'v1',
    kind: 'List',
    items: [
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'ok' }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } },
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bad' }, spec: { containers: [{ name: 'c' }] } },
    ],
  };
  const findings = checkObject(list).filter((f) => f.severity === 'error');
  assert.deepEqual(
    findings.map((f) => [f.path, f.message]),
    [['items[1].spec.containers[0].image', 'spec.containers[0].image: Required value']],
  );
});
