import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderInvalidObject, renderFieldError } from '../../../../runtime/src/api/field';
import { UID, errorsOf, messages, podTemplate } from './prepared';

const job = (spec: Record<string, unknown>, name = 'batch-job') => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name }, spec });
const onFailure = podTemplate({ app: 'batch-job' }, { restartPolicy: 'OnFailure' });

test('the seed Jobs (single, completions 5, parallelism 2) are valid', () => {
  assert.deepEqual(messages(job({ template: onFailure })), []);
  assert.deepEqual(messages(job({ completions: 5, template: onFailure }, 'multi-completion-batch-job')), []);
  assert.deepEqual(messages(job({ completions: 5, parallelism: 2, template: onFailure }, 'multi-completion-batch-job')), []);
});

test('restartPolicy left to default (Always) is Required with the valid values', () => {
  assert.deepEqual(messages(job({ template: podTemplate({ app: 'x' }) })), ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']);
  assert.deepEqual(messages(job({ template: podTemplate({ app: 'x' }, { restartPolicy: 'Always' }) })), ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']);
});

test('podFailurePolicy needs restartPolicy Never', () => {
  const obj = job({ podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } }] }, template: onFailure });
  assert.deepEqual(messages(obj), ['spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified']);
});

test('negative counts', () => {
  const obj = job({ parallelism: -1, completions: -1, activeDeadlineSeconds: -1, backoffLimit: -1, template: onFailure });
  assert.deepEqual(messages(obj), [
    'spec.parallelism: Invalid value: -1: must be greater than or equal to 0',
    'spec.completions: Invalid value: -1: must be greater than or equal to 0',
    'spec.activeDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0',
    'spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0',
  ]);
  assert.deepEqual(messages(job({ activeDeadlineSeconds: 0, template: onFailure })), []);
});

test('completion modes', () => {
  assert.deepEqual(messages(job({ completionMode: 'Sequential', template: onFailure })), ['spec.completionMode: Unsupported value: "Sequential": supported values: "NonIndexed", "Indexed"']);
  assert.deepEqual(messages(job({ completionMode: 'Indexed', parallelism: 2, template: onFailure })), ['spec.completions: Required value: when completion mode is Indexed']);
  assert.deepEqual(messages(job({ backoffLimitPerIndex: 1, template: onFailure })), ['spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode']);
  assert.deepEqual(messages(job({ completionMode: 'Indexed', completions: 3, maxFailedIndexes: 1, template: onFailure })), [
    'spec.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified',
  ]);
});

test('a user selector with auto-generation is "not auto-generated"', () => {
  const obj = job({ selector: { matchLabels: { app: 'batch-job' } }, template: onFailure });
  const errs = errorsOf(obj).filter((e) => !e.warning);
  assert.deepEqual(
    errs.map((e) => [e.path, e.type, e.detail]),
    [['spec.selector', 'Invalid', '`selector` not auto-generated']],
  );
});

test('a conflicting generated label is reported at its key', () => {
  const obj = job({ template: podTemplate({ 'controller-uid': 'mine' }, { restartPolicy: 'Never' }) });
  const e = errorsOf(obj).find((x) => x.path === 'spec.template.metadata.labels[controller-uid]');
  assert.equal(e?.type, 'Invalid');
  assert.equal(e?.detail, `must be '${UID}'`);
});

test('manualSelector: nil selector is Required plus the mismatch; a matching one is fine', () => {
  assert.deepEqual(messages(job({ manualSelector: true, template: onFailure })), [
    'spec.selector: Required value',
    'spec.template.metadata.labels: Invalid value: map[string]string{"app":"batch-job"}: `selector` does not match template `labels`',
  ]);
  assert.deepEqual(messages(job({ manualSelector: true, selector: { matchLabels: { app: 'batch-job' } }, template: onFailure })), []);
});

test('a name over 63 characters fails through the generated job-name label', () => {
  const name = 'a'.repeat(64);
  const errs = errorsOf(job({ template: onFailure }, name)).filter((e) => !e.warning);
  assert.ok(errs.length >= 1);
  assert.ok(errs.every((e) => e.path === 'spec.template.labels'));
  assert.equal(
    renderInvalidObject('Job', name, errs),
    `The Job "${name}" is invalid: spec.template.labels: Invalid value: "${name}": must be no more than 63 characters`,
  );
});

test('a name that is not a DNS label is only a warning', () => {
  const errs = errorsOf(job({ template: onFailure }, 'batch.job'));
  assert.deepEqual(errs.filter((e) => !e.warning), []);
  const w = errs.find((e) => e.warning && e.path === 'metadata.name');
  assert.equal(w?.rule, 'job');
  assert.equal(renderFieldError(w!), 'metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]');
});

test('successPolicy needs Indexed mode, parseable indexes and counts within completions', () => {
  const policy = (rules: unknown[]) => ({ rules });
  assert.deepEqual(messages(job({ successPolicy: policy([{ succeededCount: 1 }]), template: onFailure })), [
    'spec.successPolicy: Invalid value: {"rules":[{"succeededCount":1}]}: requires indexed completion mode',
  ]);
  const indexed = (successPolicy: unknown) => job({ completionMode: 'Indexed', completions: 5, parallelism: 5, successPolicy, template: onFailure });
  assert.deepEqual(messages(indexed(policy([{ succeededIndexes: '0,2-4', succeededCount: 4 }]))), []);
  assert.deepEqual(messages(indexed(policy([]))), ['spec.successPolicy.rules: Required value: at least one rules must be specified when the successPolicy is specified']);
  assert.deepEqual(messages(indexed(policy([{}]))), ['spec.successPolicy.rules[0]: Required value: at least one of succeededCount or succeededIndexes must be specified']);
  assert.deepEqual(messages(indexed(policy([{ succeededIndexes: '3-1' }]))), ['spec.successPolicy.rules[0].succeededIndexes: Invalid value: "3-1": error parsing succeededIndexes: non-increasing order, previous: 3, current: 1']);
  assert.deepEqual(messages(indexed(policy([{ succeededIndexes: '0-9' }]))), ['spec.successPolicy.rules[0].succeededIndexes: Invalid value: "0-9": error parsing succeededIndexes: too large index: "9"']);
  assert.deepEqual(messages(indexed(policy([{ succeededIndexes: '0,1', succeededCount: 3 }]))), [
    'spec.successPolicy.rules[0].succeededCount: Invalid value: 3: must be less than or equal to 2 (the number of indexes in the specified succeededIndexes field)',
  ]);
  assert.deepEqual(messages(indexed(policy([{ succeededCount: 6 }]))), ['spec.successPolicy.rules[0].succeededCount: Invalid value: 6: must be less than or equal to 5 (the number of specified completions)']);
});

test('podFailurePolicy rules', () => {
  const withRules = (rules: unknown[]) => job({ podFailurePolicy: { rules }, template: podTemplate({ app: 'x' }, { restartPolicy: 'Never' }) });
  assert.deepEqual(messages(withRules([{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }])), []);
  assert.deepEqual(messages(withRules([{ action: 'Retry' }])), [
    'spec.podFailurePolicy.rules[0].action: Unsupported value: "Retry": supported values: "Count", "FailIndex", "FailJob", "Ignore"',
    'spec.podFailurePolicy.rules[0]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required',
  ]);
  assert.deepEqual(messages(withRules([{ action: 'FailJob', onExitCodes: { containerName: 'other', operator: 'In', values: [0, 3, 3, 1] } }])), [
    'spec.podFailurePolicy.rules[0].onExitCodes.containerName: Invalid value: "other": must be one of the container or initContainer names in the pod template',
    'spec.podFailurePolicy.rules[0].onExitCodes.values[0]: Invalid value: 0: must not be 0 for the In operator',
    'spec.podFailurePolicy.rules[0].onExitCodes.values[2]: Duplicate value: 3',
    'spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []int32{0, 3, 3, 1}: must be ordered',
  ]);
  assert.deepEqual(messages(withRules([{ action: 'FailIndex', onPodConditions: [{ type: 'DisruptionTarget', status: 'Maybe' }] }])), [
    'spec.podFailurePolicy.rules[0].action: Invalid value: "FailIndex": requires the backoffLimitPerIndex to be set',
    'spec.podFailurePolicy.rules[0].onPodConditions[0].status: Unsupported value: "Maybe": supported values: "False", "True", "Unknown"',
  ]);
});
