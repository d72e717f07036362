import { test } from 'node:test';
import assert from 'node:assert/strict';
import { messages, podTemplate } from './prepared';

const jobTemplate = (spec: Record<string, unknown> = {}) => ({ spec: { template: podTemplate({ app: 'periodic-batch-job' }, { restartPolicy: 'OnFailure' }), ...spec } });
const cj = (spec: Record<string, unknown>, name = 'batch-job-every-fifteen-minutes') => ({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name }, spec });

test('the seed CronJob, moved to batch/v1, is valid', () => {
  assert.deepEqual(messages(cj({ schedule: '0,15,30,45 * * * *', startingDeadlineSeconds: 15, jobTemplate: jobTemplate() })), []);
});

test('schedule Required, parse errors and TZ', () => {
  assert.deepEqual(messages(cj({ jobTemplate: jobTemplate() })), ['spec.schedule: Required value']);
  assert.deepEqual(messages(cj({ schedule: '* * * *', jobTemplate: jobTemplate() })), ['spec.schedule: Invalid value: "* * * *": expected exactly 5 fields, found 4: [* * * *]']);
  assert.deepEqual(messages(cj({ schedule: 'TZ=UTC 0 * * * *', jobTemplate: jobTemplate() })).at(-1), 'spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead');
});

test('timeZone', () => {
  assert.deepEqual(messages(cj({ schedule: '@hourly', timeZone: '', jobTemplate: jobTemplate() })), ['spec.timeZone: Invalid value: "": timeZone must be nil or non-empty string']);
  assert.deepEqual(messages(cj({ schedule: '@hourly', timeZone: 'Europe/Berlin', jobTemplate: jobTemplate() })), []);
});

test('name longer than 52 characters', () => {
  const name = 'c'.repeat(53);
  assert.deepEqual(messages(cj({ schedule: '@daily', jobTemplate: jobTemplate() }, name)), [`metadata.name: Invalid value: "${name}": must be no more than 52 characters`]);
});

test('concurrencyPolicy and history limits', () => {
  assert.deepEqual(messages(cj({ schedule: '@daily', concurrencyPolicy: 'Sometimes', failedJobsHistoryLimit: -1, jobTemplate: jobTemplate() })), [
    'spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"',
    'spec.failedJobsHistoryLimit: Invalid value: -1: must be greater than or equal to 0',
  ]);
});

test('jobTemplate: restartPolicy, selector and manualSelector', () => {
  const always = { spec: { template: podTemplate({ app: 'x' }) } };
  assert.deepEqual(messages(cj({ schedule: '@daily', jobTemplate: always })), ['spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']);
  const withSelector = messages(cj({ schedule: '@daily', jobTemplate: jobTemplate({ selector: { matchLabels: { app: 'x' } }, manualSelector: true }) }));
  assert.deepEqual(withSelector, [
    'spec.jobTemplate.spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` will be auto-generated',
    'spec.jobTemplate.spec.manualSelector: Unsupported value: true: supported values: "nil", "false"',
  ]);
});
