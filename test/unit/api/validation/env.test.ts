import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type FieldError, renderFieldError } from '../../../../runtime/src/api/field';
import { envWarnings, validateEnv, validateEnvFrom } from '../../../../runtime/src/api/validation/env';

const E = 'spec.containers[0].env';
const render = (errs: FieldError[]) => errs.map((e) => renderFieldError(e));

test('plain values and the usual valueFrom sources pass', () => {
  const env = [
    { name: 'INTERVAL', value: '30' },
    { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
    { name: 'APP', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } },
    { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1m' } } },
    { name: 'FIRST', valueFrom: { configMapKeyRef: { name: 'fortune-config', key: 'sleep-interval' } } },
    { name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'fortune-https', key: 'foo' } } },
  ];
  assert.deepEqual(validateEnv(env, E, 33), []);
});

test('a missing name is Required', () => {
  const errs = validateEnv([{ value: 'x' }], E, 33);
  assert.deepEqual(render(errs), ['spec.containers[0].env[0].name: Required value']);
  assert.equal(errs[0].rule, 'env');
});

test('names follow the relaxed rule from 1.32 and the strict regex before', () => {
  assert.deepEqual(validateEnv([{ name: '1st-value', value: 'a' }], E, 33), []);
  assert.deepEqual(render(validateEnv([{ name: 'A=B', value: 'a' }], E, 33)), [
    `spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='`,
  ]);
  const strict = validateEnv([{ name: '1st', value: 'a' }], E, 31);
  assert.equal(strict.length, 1);
  assert.match(strict[0].detail ?? '', /^a valid environment variable name must consist of alphabetic characters/);
});

test('valueFrom needs exactly one source and no value', () => {
  assert.deepEqual(render(validateEnv([{ name: 'A', valueFrom: {} }], E, 33)), [
    'spec.containers[0].env[0].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
  ]);
  const both = { name: 'A', value: 'x', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } };
  assert.deepEqual(render(validateEnv([both], E, 33)), ['spec.containers[0].env[0].valueFrom: Invalid value: "": may not be specified when `value` is not empty']);
  const two = { name: 'A', valueFrom: { secretKeyRef: { name: 's', key: 'k' }, configMapKeyRef: { name: 'c', key: 'k' } } };
  assert.deepEqual(render(validateEnv([two], E, 33)), ['spec.containers[0].env[0].valueFrom: Invalid value: "": may not have more than one field specified at a time']);
});

test('key refs: key Required, key format, object name', () => {
  const errs = validateEnv([{ name: 'A', valueFrom: { configMapKeyRef: { name: 'cfg' } } }, { name: 'B', valueFrom: { secretKeyRef: { name: 'Bad', key: 'a b' } } }], E, 33);
  assert.deepEqual(
    errs.map((e) => [e.path, e.type]),
    [
      ['spec.containers[0].env[0].valueFrom.configMapKeyRef.key', 'Required'],
      ['spec.containers[0].env[1].valueFrom.secretKeyRef.name', 'Invalid'],
      ['spec.containers[0].env[1].valueFrom.secretKeyRef.key', 'Invalid'],
    ],
  );
  assert.match(errs[2].detail ?? '', /^a valid config key must consist of alphanumeric characters, '-', '_' or '\.'/);
});

test('fieldRef paths outside the downward API are NotSupported or fail conversion', () => {
  const errs = validateEnv(
    [
      { name: 'A', valueFrom: { fieldRef: { fieldPath: 'metadata.labels' } } },
      { name: 'B', valueFrom: { fieldRef: { fieldPath: 'spec.containers' } } },
    ],
    E,
    33,
  );
  assert.deepEqual(render(errs), [
    'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: "metadata.labels": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"',
    'spec.containers[0].env[1].valueFrom.fieldRef.fieldPath: Invalid value: "spec.containers": error converting fieldPath: field label not supported: spec.containers',
  ]);
});

test('resourceFieldRef: known resources and divisors only', () => {
  const errs = validateEnv(
    [
      { name: 'A', valueFrom: { resourceFieldRef: { resource: 'limits.gpu' } } },
      { name: 'B', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '2' } } },
    ],
    E,
    33,
  );
  assert.deepEqual(render(errs), [
    'spec.containers[0].env[0].valueFrom.resourceFieldRef.resource: Unsupported value: "limits.gpu": supported values: "limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory"',
    "spec.containers[0].env[1].valueFrom.resourceFieldRef.divisor: Invalid value: \"limits.cpu\": only divisor's values 1m and 1 are supported with the cpu resource",
  ]);
});

test('envFrom: one of configMapRef or secretRef, reported at envFrom itself', () => {
  const F = 'spec.containers[0].envFrom';
  assert.deepEqual(validateEnvFrom([{ configMapRef: { name: 'cfg' }, prefix: 'CONFIG_' }], F, 33), []);
  assert.deepEqual(render(validateEnvFrom([{ prefix: 'X_' }], F, 33)), [
    'spec.containers[0].envFrom: Invalid value: "": must specify one of: `configMapRef` or `secretRef`',
  ]);
  assert.deepEqual(render(validateEnvFrom([{ configMapRef: {}, secretRef: { name: 's' } }], F, 33)), [
    'spec.containers[0].envFrom[0].configMapRef.name: Required value',
    'spec.containers[0].envFrom: Invalid value: "": may not have more than one field specified at a time',
  ]);
});

test('a repeated env name is a warning that names the later entry', () => {
  const warnings = envWarnings([{ name: 'X', value: 'a' }, { name: 'X', value: 'b' }], E);
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0].warning, true);
  assert.equal(renderFieldError(warnings[0]), 'spec.containers[0].env[1]: hides previous definition of "X", which may be dropped when using apply');
});

test('redefining X in terms of $(X) is the accepted idiom', () => {
  assert.deepEqual(envWarnings([{ name: 'PATH', value: '/bin' }, { name: 'PATH', value: '$(PATH):/opt/bin' }], E), []);
  assert.equal(envWarnings([{ name: 'X', value: 'a' }, { name: 'X', value: '$(X)' }], E).length, 1);
});
