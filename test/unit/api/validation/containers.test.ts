import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type FieldError, renderFieldError } from '../../../../runtime/src/api/field';
import { containerWarnings, validateAllContainers, validateImagesForPod } from '../../../../runtime/src/api/validation/containers';

const ctx = { volumes: new Set<string>(), gracePeriod: 30, minor: 33 };
const render = (errs: FieldError[]) => errs.map((e) => renderFieldError(e));
/** A container as §6 defaulting leaves it. */
const container = (extra: object = {}) => ({
  name: 'kubia',
  image: 'luksa/kubia',
  imagePullPolicy: 'Always',
  terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File',
  ...extra,
});
const probe = { httpGet: { path: '/', port: 8080, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 };

test('a defaulted kubia container passes', () => {
  const spec = { containers: [container({ ports: [{ containerPort: 8080, protocol: 'TCP' }], livenessProbe: probe })] };
  assert.deepEqual(validateAllContainers(spec, 'spec', ctx), []);
});

test('no containers at all is Required at containers', () => {
  const errs = validateAllContainers({ containers: [] }, 'spec.template.spec', ctx);
  assert.deepEqual(render(errs), ['spec.template.spec.containers: Required value']);
  assert.equal(errs[0].rule, 'containers');
});

test('name Required or a DNS-1123 label; image Required', () => {
  const errs = validateAllContainers({ containers: [container({ name: '', image: '' }), container({ name: 'Kubia_1' })] }, 'spec', ctx);
  assert.deepEqual(
    errs.map((e) => [e.path, e.type]),
    [
      ['spec.containers[0].name', 'Required'],
      ['spec.containers[0].image', 'Required'],
      ['spec.containers[1].name', 'Invalid'],
    ],
  );
});

test('names are unique across containers and init containers', () => {
  const spec = { containers: [container(), container()], initContainers: [container(), container({ name: 'init' }), container({ name: 'init' })] };
  assert.deepEqual(render(validateAllContainers(spec, 'spec', ctx)), [
    'spec.containers[1].name: Duplicate value: "kubia"',
    'spec.initContainers[0].name: Duplicate value: "kubia"',
    'spec.initContainers[2].name: Duplicate value: "init"',
  ]);
});

test('imagePullPolicy and terminationMessagePolicy are enums', () => {
  const errs = validateAllContainers({ containers: [container({ imagePullPolicy: 'always', terminationMessagePolicy: 'Log' })] }, 'spec', ctx);
  assert.deepEqual(render(errs), [
    'spec.containers[0].terminationMessagePolicy: Unsupported value: "Log": supported values: "File", "FallbackToLogsOnError"',
    'spec.containers[0].imagePullPolicy: Unsupported value: "always": supported values: "Always", "IfNotPresent", "Never"',
  ]);
});

test('restartPolicy: Forbidden on regular containers, only Always on init containers', () => {
  const spec = { containers: [container({ restartPolicy: 'Always' })], initContainers: [container({ name: 'init', restartPolicy: 'OnFailure' })] };
  assert.deepEqual(render(validateAllContainers(spec, 'spec', ctx)), [
    'spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers',
    'spec.initContainers[0].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
  ]);
});

test('plain init containers may not have probes or lifecycle; sidecars may', () => {
  const plain = { containers: [container()], initContainers: [container({ name: 'init', livenessProbe: probe, lifecycle: { preStop: { exec: { command: ['x'] } } } })] };
  assert.deepEqual(render(validateAllContainers(plain, 'spec', ctx)), [
    'spec.initContainers[0].lifecycle: Forbidden: may not be set for init containers without restartPolicy=Always',
    'spec.initContainers[0].livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
  ]);
  const sidecar = { containers: [container()], initContainers: [container({ name: 'log', restartPolicy: 'Always', readinessProbe: probe })] };
  assert.deepEqual(validateAllContainers(sidecar, 'spec', ctx), []);
});

test('family errors keep their own rule ids', () => {
  const spec = {
    containers: [container({ ports: [{ protocol: 'TCP' }], env: [{ value: 'x' }], volumeMounts: [{ name: 'data', mountPath: '/d' }], livenessProbe: { ...probe, successThreshold: 3 } })],
  };
  assert.deepEqual(
    validateAllContainers(spec, 'spec', ctx).map((e) => [e.path, e.rule]),
    [
      ['spec.containers[0].ports[0].containerPort', 'ports'],
      ['spec.containers[0].env[0].name', 'env'],
      ['spec.containers[0].volumeMounts[0].name', 'volumes'],
      ['spec.containers[0].livenessProbe.successThreshold', 'probes'],
    ],
  );
});

test('host ports: regular containers together, each init container alone (path says initContainers[0])', () => {
  const port = { ports: [{ containerPort: 80, hostPort: 80, protocol: 'TCP' }] };
  const spec = {
    containers: [container(port), container({ name: 'b', ...port })],
    initContainers: [container({ name: 'i1', ...port }), container({ name: 'i2', ports: [port.ports[0], port.ports[0]] })],
  };
  assert.deepEqual(render(validateAllContainers(spec, 'spec', ctx)), [
    'spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//80"',
    'spec.initContainers[0].ports[1].hostPort: Duplicate value: "TCP//80"',
  ]);
});

test('Pods reject images with surrounding whitespace', () => {
  const spec = { containers: [container({ image: ' luksa/kubia' })] };
  assert.deepEqual(render(validateImagesForPod(spec, 'spec')), ['spec.containers[0].image: Invalid value: " luksa/kubia": must not have leading or trailing whitespace']);
  assert.deepEqual(validateAllContainers(spec, 'spec', ctx), []);
});

test('container warnings: fractional bytes, then repeated env names, init containers first', () => {
  const spec = {
    initContainers: [container({ name: 'init', env: [{ name: 'A', value: '1' }, { name: 'A', value: '2' }] })],
    containers: [container({ resources: { limits: { memory: '0.5' } } })],
  };
  assert.deepEqual(containerWarnings(spec, 'spec').map((e) => renderFieldError(e)), [
    'spec.initContainers[0].env[1]: hides previous definition of "A", which may be dropped when using apply',
    'spec.containers[0].resources.limits[memory]: fractional byte value "500m" is invalid, must be an integer',
  ]);
});
