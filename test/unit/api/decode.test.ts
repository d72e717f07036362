import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { decode } from '../../../runtime/src/api/decode';
import { kindByName, resolveKind, type KindInfo } from '../../../runtime/src/api/kinds';
import { QUANTITY_PATTERN } from '../../../runtime/src/api/quantity';
import { seedManifest } from '../../seeds';

const QUANTITY_MESSAGE = `quantities must match the regular expression '${QUANTITY_PATTERN}'`;

function served(text: string): { info: KindInfo; obj: unknown } {
  const obj = parse(text);
  const r = resolveKind(obj.apiVersion, obj.kind);
  assert.equal(r.type, 'served');
  return { info: (r as { info: KindInfo }).info, obj };
}

function decodeYaml(text: string) {
  const { info, obj } = served(text);
  return decode(info, obj);
}

/** The single error of a manifest, as [code, path, message]. */
function only(text: string): [string, string, string] {
  const errs = decodeYaml(text);
  assert.equal(errs.length, 1, JSON.stringify(errs));
  return [errs[0].code, errs[0].path, errs[0].message];
}

const POD = `
apiVersion: v1
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

const BOOK_MANIFESTS: Record<string, string> = {
  Pod: POD,
  ReplicationController: `
apiVersion: v1
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
  ReplicaSet: `
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: kubia
spec:
  replicas: 3
  selector:
    matchExpressions:
      - key: app
        operator: In
        values: [kubia]
  template:
    metadata:
      labels:
        app: kubia
    spec:
      containers:
        - name: kubia
          image: luksa/kubia
`,
  DaemonSet: seedManifest('ssd-monitor-daemonset'),
  Job: `
apiVersion: batch/v1
kind: Job
metadata:
  name: multi-completion-batch-job
spec:
  completions: 5
  parallelism: 2
  activeDeadlineSeconds: 30
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
  CronJob: seedManifest('batch-job-every-fifteen-minutes'),
  Service: `
apiVersion: v1
kind: Service
metadata:
  name: kubia
spec:
  sessionAffinity: ClientIP
  ports:
  - name: http
    port: 80
    targetPort: 8080
  - name: https
    port: 443
    targetPort: https
  selector:
    app: kubia
`,
  Namespace: seedManifest('custom-namespace'),
};

test('the book manifests of every kind decode without errors', () => {
  for (const [kind, text] of Object.entries(BOOK_MANIFESTS)) {
    const { info, obj } = served(text);
    assert.equal(info.kind, kind);
    assert.deepEqual(decode(info, obj), [], kind);
  }
});

test('kubectl get -o yaml output (status, managedFields, timestamps) decodes', () => {
  const errs = decodeYaml(`
apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: "2021-10-27T07:33:55Z"
  labels:
    run: kubia
  managedFields:
  - apiVersion: v1
    fieldsType: FieldsV1
    fieldsV1:
      f:metadata:
        f:labels:
          .: {}
          f:run: {}
    manager: kubectl-run
    operation: Update
    time: "2021-10-27T07:33:55Z"
  name: kubia
  namespace: default
  resourceVersion: "4437"
  uid: 5c0ee0bd-1b6a-4b8e-9e4a-3f7c3b1a2f3e
spec:
  containers:
  - image: luksa/kubia
    imagePullPolicy: Always
    name: kubia
    resources: {}
    terminationMessagePath: /dev/termination-log
    terminationMessagePolicy: File
  dnsPolicy: ClusterFirst
  enableServiceLinks: true
  restartPolicy: Always
  terminationGracePeriodSeconds: 30
status:
  conditions:
  - lastProbeTime: null
    lastTransitionTime: "2021-10-27T07:33:55Z"
    status: "True"
    type: Initialized
  containerStatuses:
  - containerID: docker://4c5b
    image: luksa/kubia:latest
    lastState: {}
    name: kubia
    ready: true
    restartCount: 0
    started: true
    state:
      running:
        startedAt: "2021-10-27T07:34:30Z"
  phase: Running
  podIP: 172.17.0.3
  qosClass: BestEffort
`);
  assert.deepEqual(errs, []);
});

test('a typo in a template field is an unknown field with its full path (§13)', () => {
  const text = BOOK_MANIFESTS.ReplicaSet.replace('image: luksa/kubia', 'image: luksa/kubia\n          imagePullPolcy: Always');
  assert.deepEqual(only(text), [
    'unknown-field',
    'spec.template.spec.containers[0].imagePullPolcy',
    'strict decoding error: unknown field "spec.template.spec.containers[0].imagePullPolcy"',
  ]);
});

test('field names are case-sensitive, and several unknown fields come in document order', () => {
  const errs = decodeYaml(`
apiVersion: v1
kind: Pod
metadata:
  name: x
  Labels: {app: x}
spec:
  containers:
  - name: a
    Image: nginx
  restartpolicy: Never
`);
  assert.deepEqual(
    errs.map((e) => [e.code, e.path]),
    [
      ['unknown-field', 'metadata.Labels'],
      ['unknown-field', 'spec.containers[0].Image'],
      ['unknown-field', 'spec.restartpolicy'],
    ],
  );
});

test('replicas: "three" is a Go type error naming the struct field', () => {
  assert.deepEqual(only(BOOK_MANIFESTS.ReplicaSet.replace('replicas: 3', 'replicas: "three"')), [
    'type-mismatch',
    'spec.replicas',
    'json: cannot unmarshal string into Go struct field ReplicaSetSpec.spec.replicas of type int32',
  ]);
});

test('unquoted numbers where strings belong: label and env values', () => {
  assert.deepEqual(only(POD.replace('name: kubia-manual', 'name: kubia-manual\n  labels:\n    version: 1')), [
    'type-mismatch',
    'metadata.labels[version]',
    'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
  ]);
  assert.deepEqual(only(POD.replace('name: kubia\n', 'name: kubia\n    env:\n    - name: PORT\n      value: 8080\n')), [
    'type-mismatch',
    'spec.containers[0].env[0].value',
    'json: cannot unmarshal number into Go struct field EnvVar.spec.containers.env.value of type string',
  ]);
});

test('a quoted containerPort is a string into int32', () => {
  assert.deepEqual(only(POD.replace('containerPort: 8080', 'containerPort: "8080"')), [
    'type-mismatch',
    'spec.containers[0].ports[0].containerPort',
    'json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
  ]);
  const [, , inTemplate] = only(BOOK_MANIFESTS.ReplicationController.replace('containerPort: 8080', 'containerPort: "8080"'));
  assert.equal(inTemplate, 'json: cannot unmarshal string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32');
});

test('numbers that cannot be the integer type show their text', () => {
  assert.equal(only(POD.replace('containerPort: 8080', 'containerPort: 80.5'))[2], 'json: cannot unmarshal number 80.5 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32');
  assert.equal(only(POD.replace('containerPort: 8080', 'containerPort: 3000000000'))[2], 'json: cannot unmarshal number 3000000000 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32');
  // A whole float is an integer once YAML is JSON.
  assert.deepEqual(decodeYaml(POD.replace('containerPort: 8080', 'containerPort: 8080.0')), []);
});

test('JSON kinds Go reports: bool, object, array', () => {
  assert.equal(only(POD.replace('image: luksa/kubia', 'image: true'))[2], 'json: cannot unmarshal bool into Go struct field Container.spec.containers.image of type string');
  assert.equal(only(POD.replace('image: luksa/kubia', 'image: {name: x}'))[2], 'json: cannot unmarshal object into Go struct field Container.spec.containers.image of type string');
  assert.equal(only(POD.replace('image: luksa/kubia', 'image: [x]'))[2], 'json: cannot unmarshal array into Go struct field Container.spec.containers.image of type string');
});

test('the seed RS selector written as a list is an array into a map', () => {
  const text = BOOK_MANIFESTS.ReplicaSet.replace(
    'matchExpressions:\n      - key: app\n        operator: In\n        values: [kubia]',
    'matchLabels:\n      - key: app\n        operator: in\n        values:\n          - kubia',
  );
  assert.deepEqual(only(text), [
    'type-mismatch',
    'spec.selector.matchLabels',
    'json: cannot unmarshal array into Go struct field LabelSelector.spec.selector.matchLabels of type map[string]string',
  ]);
});

test('wrong types for structs and lists name the Go type as reflect prints it', () => {
  const pod = kindByName('Pod')!;
  const msg = (obj: unknown) => decode(pod, obj).map((e) => e.message);
  assert.deepEqual(msg({ spec: 'x' }), ['json: cannot unmarshal string into Go struct field Pod.spec of type v1.PodSpec']);
  assert.deepEqual(msg({ spec: { containers: 'x' } }), ['json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type []v1.Container']);
  assert.deepEqual(msg({ spec: { containers: ['x'] } }), ['json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type v1.Container']);
  assert.deepEqual(msg({ spec: { containers: [{ command: [1] }] } }), ['json: cannot unmarshal number into Go struct field Container.spec.containers.command of type string']);
  assert.deepEqual(msg({ metadata: { labels: 'app=x' } }), ['json: cannot unmarshal string into Go struct field ObjectMeta.metadata.labels of type map[string]string']);
  assert.deepEqual(msg({ spec: { securityContext: { supplementalGroups: [1000, 1.5] } } }), [
    'json: cannot unmarshal number 1.5 into Go struct field PodSecurityContext.spec.securityContext.supplementalGroups of type int64',
  ]);
  assert.deepEqual(msg({ spec: { restartPolicy: 1 } }), ['json: cannot unmarshal number into Go struct field PodSpec.spec.restartPolicy of type v1.RestartPolicy']);
  assert.deepEqual(msg({ spec: { hostNetwork: 'yes' } }), ['json: cannot unmarshal string into Go struct field PodSpec.spec.hostNetwork of type bool']);
  assert.deepEqual(msg({ spec: { containers: [{ resources: { limits: 'x' } }] } }), [
    'json: cannot unmarshal string into Go struct field ResourceRequirements.spec.containers.resources.limits of type v1.ResourceList',
  ]);
  assert.deepEqual(msg('x'), ['json: cannot unmarshal string into Go value of type v1.Pod']);
});

test('label keys with a slash keep their key in the path', () => {
  const errs = decode(kindByName('Pod')!, { metadata: { labels: { 'app.kubernetes.io/name': 5 } } });
  assert.equal(errs[0].path, 'metadata.labels[app.kubernetes.io/name]');
});

test('null is accepted anywhere, as Go decodes it to the zero value', () => {
  const pod = kindByName('Pod')!;
  assert.deepEqual(decode(pod, null), []);
  assert.deepEqual(decode(pod, { metadata: null, spec: { containers: [null, { name: null, ports: null, resources: { limits: { cpu: null } } }] } }), []);
  assert.deepEqual(decode(kindByName('ReplicaSet')!, { spec: { replicas: null, selector: null } }), []);
});

test('quantities: strings and YAML numbers that parse are accepted', () => {
  const res = (limits: string) =>
    decodeYaml(POD.replace('name: kubia\n', `name: kubia\n    resources:\n      requests:\n${limits}\n      limits:\n${limits}\n`));
  assert.deepEqual(res('        cpu: 500m\n        memory: 128Mi'), []);
  assert.deepEqual(res('        cpu: 1\n        memory: 1e9'), []);
  assert.deepEqual(res('        cpu: 0.5\n        memory: "1Gi"'), []);
});

test('malformed quantities fail with the regex message at the resource key', () => {
  for (const bad of ['"1 GB"', 'abc', '5MB', 'true', '{amount: 1}', '""']) {
    const errs = decodeYaml(POD.replace('name: kubia\n', `name: kubia\n    resources:\n      limits:\n        memory: ${bad}\n`));
    assert.deepEqual(
      errs.map((e) => [e.code, e.path, e.message]),
      [['invalid-quantity', 'spec.containers[0].resources.limits[memory]', QUANTITY_MESSAGE]],
      bad,
    );
  }
  const pod = kindByName('Pod')!;
  assert.deepEqual(
    decode(pod, { spec: { volumes: [{ name: 'v', emptyDir: { sizeLimit: '1 Gi' } }] } }).map((e) => [e.code, e.path]),
    [['invalid-quantity', 'spec.volumes[0].emptyDir.sizeLimit']],
  );
});

test('int-or-string fields accept both, and integers must be whole int32s', () => {
  const svc = (targetPort: string) => BOOK_MANIFESTS.Service.replace('targetPort: 8080', `targetPort: ${targetPort}`);
  assert.deepEqual(decodeYaml(svc('"8080"')), []);
  assert.deepEqual(decodeYaml(svc('http')), []);
  assert.deepEqual(only(svc('80.5')), [
    'type-mismatch',
    'spec.ports[0].targetPort',
    'json: cannot unmarshal number 80.5 into Go struct field ServicePort.spec.ports.targetPort of type int32',
  ]);
  assert.equal(only(svc('true'))[2], 'json: cannot unmarshal bool into Go struct field ServicePort.spec.ports.targetPort of type int32');
  const ds = kindByName('DaemonSet')!;
  assert.deepEqual(decode(ds, { spec: { updateStrategy: { rollingUpdate: { maxUnavailable: '10%', maxSurge: 0 } } } }), []);
});

// The shared corpus of real manifests (never copied into the repo): every scored
// `valid` document of our kinds must decode cleanly.
const CORPUS = [join(__dirname, '../../../../shared/corpus'), '/work/shared/corpus'].find((d) => existsSync(join(d, 'INDEX.tsv')));

test('valid corpus manifests of our kinds have no decode errors', { skip: CORPUS ? false : 'shared corpus not present' }, () => {
  const rows = readFileSync(join(CORPUS!, 'INDEX.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
  let checked = 0;
  const failures: string[] = [];
  for (const [path, , , expected, scored] of rows) {
    if (expected !== 'valid' || scored !== 'yes') continue;
    for (const doc of parseAllDocuments(readFileSync(join(CORPUS!, path), 'utf8'))) {
      if (doc.errors.length) continue;
      const obj = doc.toJS() as { apiVersion?: unknown; kind?: unknown } | null;
      const r = resolveKind(obj?.apiVersion, obj?.kind);
      if (r.type !== 'served') continue;
      checked++;
      for (const e of decode(r.info, obj)) failures.push(`${path}: ${e.message}`);
    }
  }
  assert.deepEqual(failures, []);
  assert.ok(checked > 100, `checked ${checked} documents`);
});
