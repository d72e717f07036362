import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderInvalidObject } from '../../../../runtime/src/api/field';
import { errorsOf, messages, podTemplate } from './prepared';

const rc = (spec: Record<string, unknown>, name = 'kubia') => ({ apiVersion: 'v1', kind: 'ReplicationController', metadata: { name }, spec });

test('the seed RC with matching selector and labels is valid', () => {
  assert.deepEqual(messages(rc({ replicas: 3, selector: { app: 'kubia' }, template: podTemplate({ app: 'kubia' }) })), []);
});

test('an RC without selector takes the template labels and is valid', () => {
  assert.deepEqual(messages(rc({ replicas: 3, template: podTemplate({ app: 'kubia' }) })), []);
});

test('kubia-rc: selector app=kubia-rc does not match template labels app=kubia (the seed error)', () => {
  const obj = rc({ replicas: 3, selector: { app: 'kubia-rc' }, template: podTemplate({ app: 'kubia' }) }, 'kubia-rc');
  const errs = errorsOf(obj).filter((e) => !e.warning);
  assert.equal(errs.length, 1);
  assert.equal(errs[0].path, 'spec.template.metadata.labels');
  assert.equal(errs[0].type, 'Invalid');
  assert.equal(errs[0].rule, 'replication-controller');
  assert.equal(
    renderInvalidObject('ReplicationController', 'kubia-rc', errs),
    'The ReplicationController "kubia-rc" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"kubia"}: `selector` does not match template `labels`',
  );
});

test('1.34 renders the labels as JSON', () => {
  const obj = rc({ selector: { app: 'kubia-rc' }, template: podTemplate({ app: 'kubia' }) });
  assert.deepEqual(messages(obj, 34), ['spec.template.metadata.labels: Invalid value: {"app":"kubia"}: `selector` does not match template `labels`']);
});

test('no template: Required spec.template, and no selector to default from', () => {
  assert.deepEqual(messages(rc({ replicas: 0 })), ['spec.selector: Required value', 'spec.template: Required value']);
});

test('negative replicas and minReadySeconds', () => {
  assert.deepEqual(messages(rc({ replicas: -1, minReadySeconds: -5, template: podTemplate({ app: 'kubia' }) })), [
    'spec.minReadySeconds: Invalid value: -5: must be greater than or equal to 0',
    'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
  ]);
});

test('pods of an RC must restart Always and may not have a deadline', () => {
  const obj = rc({ template: podTemplate({ app: 'kubia' }, { restartPolicy: 'OnFailure', activeDeadlineSeconds: 30 }) });
  assert.deepEqual(messages(obj), [
    'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
    'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicationController is not Supported',
  ]);
});

test('template labels are checked at spec.template.labels (no metadata segment)', () => {
  const errs = errorsOf(rc({ selector: { app: 'kubia' }, template: podTemplate({ app: 'kubia', 'bad key!': 'x' }) }));
  assert.ok(errs.some((e) => e.path === 'spec.template.labels' && e.type === 'Invalid' && e.value === 'bad key!'));
});

test('template pod spec errors carry the spec.template.spec prefix', () => {
  const errs = errorsOf(rc({ template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'kubia' }] } } }));
  assert.ok(errs.some((e) => e.path === 'spec.template.spec.containers[0].image' && e.type === 'Required'));
});
