import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorsOf, messages, podTemplate } from './prepared';

const ds = (spec: Record<string, unknown>) => ({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'ssd-monitor' }, spec });
const seedTemplate = podTemplate({ app: 'ssd-monitor' }, { nodeSelector: { disk: 'ssd' } });

test('the seed DaemonSet is valid', () => {
  assert.deepEqual(messages(ds({ selector: { matchLabels: { app: 'ssd-monitor' } }, template: seedTemplate })), []);
});

test('no selector: no Required error, only the mismatch', () => {
  assert.deepEqual(messages(ds({ template: seedTemplate })), [
    'spec.template.metadata.labels: Invalid value: map[string]string{"app":"ssd-monitor"}: `selector` does not match template `labels`',
  ]);
});

test('empty selector', () => {
  const errs = errorsOf(ds({ selector: {}, template: seedTemplate }));
  const e = errs.find((x) => x.path === 'spec.selector');
  assert.equal(e?.detail, 'empty selector is invalid for daemonset');
  assert.equal(e?.rule, 'daemon-set');
});

test('restartPolicy and activeDeadlineSeconds of the pods', () => {
  const obj = ds({ selector: { matchLabels: { app: 'x' } }, template: podTemplate({ app: 'x' }, { restartPolicy: 'OnFailure', activeDeadlineSeconds: 1 }) });
  assert.deepEqual(messages(obj), [
    'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
    'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in DaemonSet is not Supported',
  ]);
});

test('update strategy: unknown type shows the whole struct', () => {
  const obj = ds({ selector: { matchLabels: { app: 'x' } }, template: podTemplate({ app: 'x' }), updateStrategy: { type: 'Recreate' } });
  assert.deepEqual(messages(obj), [
    'spec.updateStrategy: Unsupported value: apps.DaemonSetUpdateStrategy{Type:"Recreate", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}: supported values: "RollingUpdate", "OnDelete"',
  ]);
});

test('rolling update: both zero, both set, bad percent, over 100%', () => {
  const base = { selector: { matchLabels: { app: 'x' } }, template: podTemplate({ app: 'x' }) };
  const withRolling = (rollingUpdate: Record<string, unknown>) => ds({ ...base, updateStrategy: { type: 'RollingUpdate', rollingUpdate } });
  assert.deepEqual(messages(withRolling({ maxUnavailable: 0, maxSurge: 0 })), [
    'spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0',
  ]);
  assert.deepEqual(messages(withRolling({ maxUnavailable: 1, maxSurge: '10%' })), [
    'spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"10%"}: may not be set when maxUnavailable is non-zero',
  ]);
  assert.deepEqual(messages(withRolling({ maxUnavailable: '150%' })), [
    'spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%',
  ]);
  const bad = messages(withRolling({ maxUnavailable: 'half' }));
  assert.equal(bad[0], `spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"half"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`);
  assert.deepEqual(messages(withRolling({ maxUnavailable: -1 })), ['spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: -1: must be greater than or equal to 0']);
});

test('revisionHistoryLimit and minReadySeconds must not be negative', () => {
  const obj = ds({ selector: { matchLabels: { app: 'x' } }, template: podTemplate({ app: 'x' }), revisionHistoryLimit: -1, minReadySeconds: -1 });
  assert.deepEqual(messages(obj), [
    'spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0',
    'spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0',
  ]);
});
