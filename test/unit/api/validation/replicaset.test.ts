import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorsOf, messages, podTemplate } from './prepared';

const rs = (spec: Record<string, unknown>) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'kubia' }, spec });

test('the seed ReplicaSet (apps/v1) is valid', () => {
  assert.deepEqual(messages(rs({ replicas: 3, selector: { matchLabels: { app: 'kubia' } }, template: podTemplate({ app: 'kubia' }) })), []);
});

test('matchExpressions that select the template are valid', () => {
  const sel = { matchExpressions: [{ key: 'app', operator: 'In', values: ['kubia'] }] };
  assert.deepEqual(messages(rs({ selector: sel, template: podTemplate({ app: 'kubia' }) })), []);
});

test('no selector: Required and, since nil selects nothing, the mismatch too', () => {
  assert.deepEqual(messages(rs({ template: podTemplate({ app: 'kubia' }) })), [
    'spec.selector: Required value',
    'spec.template.metadata.labels: Invalid value: map[string]string{"app":"kubia"}: `selector` does not match template `labels`',
  ]);
});

test('an empty selector reuses the Deployment wording', () => {
  const errs = errorsOf(rs({ selector: {}, template: podTemplate({ app: 'kubia' }) }));
  const e = errs.find((x) => x.path === 'spec.selector');
  assert.equal(e?.type, 'Invalid');
  assert.equal(e?.detail, 'empty selector is invalid for deployment');
  assert.equal(e?.rule, 'replica-set');
  assert.ok(!errs.some((x) => x.path === 'spec.template.metadata.labels'));
});

test('an unconvertible selector skips all template validation', () => {
  const sel = { matchExpressions: [{ key: 'app', operator: 'in', values: ['kubia'] }] };
  const errs = errorsOf(rs({ selector: sel, template: { spec: { containers: [] } } }));
  assert.ok(errs.some((e) => e.path === 'spec.selector' && e.detail === 'invalid label selector'));
  assert.ok(!errs.some((e) => e.path.startsWith('spec.template')));
});

test('mismatching matchLabels, restartPolicy and deadline rules', () => {
  const obj = rs({ selector: { matchLabels: { app: 'other' } }, template: podTemplate({ app: 'kubia' }, { restartPolicy: 'Never', activeDeadlineSeconds: 5 }) });
  assert.deepEqual(messages(obj), [
    'spec.template.metadata.labels: Invalid value: map[string]string{"app":"kubia"}: `selector` does not match template `labels`',
    'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported',
  ]);
});

test('negative replicas', () => {
  assert.deepEqual(messages(rs({ replicas: -2, selector: { matchLabels: { app: 'kubia' } }, template: podTemplate({ app: 'kubia' }) })), [
    'spec.replicas: Invalid value: -2: must be greater than or equal to 0',
  ]);
});
