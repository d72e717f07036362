// CronJob batch/v1 on create (batch/validation ValidateCronJobCreate,
// validateCronJobSpec, validateScheduleFormat, ValidateJobTemplateSpec;
// validation-rules §10). Schedule and time-zone texts come from ../cron.
import { child, invalid, notSupported, required, withRule, type FieldError } from '../field';
import { maxLenError } from '../formats';
import { validateSchedule, validateTimeZone } from '../cron';
import { asRecord, asString, type Obj } from '../values';
import { validateJobSpecFields } from './job';
import { renderLabelSelector, validateNonnegative } from './podtemplate';

const RULE = 'cron-job';

/** The controller names each Job `<cronjob>-<minutes>`: 11 characters on top of a 63-character label. */
const CRONJOB_NAME_MAX = 63 - 11;

const CONCURRENCY_POLICIES = ['Allow', 'Forbid', 'Replace'];

export function validateCronJob(cj: Obj, minor: number): FieldError[] {
  const spec = asRecord(cj.spec) ?? {};
  const name = asString(asRecord(cj.metadata)?.name);
  const errs = validateCronJobSpec(spec, 'spec', minor);
  if (name.length > CRONJOB_NAME_MAX) errs.push(invalid('metadata.name', name, maxLenError(CRONJOB_NAME_MAX)));
  return withRule(RULE, errs);
}

function validateCronJobSpec(spec: Obj, path: string, minor: number): FieldError[] {
  const errs: FieldError[] = [];
  const schedulePath = child(path, 'schedule');
  const schedule = asString(spec.schedule);
  if (schedule === '') errs.push(required(schedulePath, ''));
  else errs.push(...validateScheduleFormat(schedule, schedulePath));
  errs.push(...validateNonnegative(spec.startingDeadlineSeconds, child(path, 'startingDeadlineSeconds')));
  if (typeof spec.timeZone === 'string') {
    const detail = validateTimeZone(spec.timeZone);
    if (detail) errs.push(invalid(child(path, 'timeZone'), spec.timeZone, detail));
  }
  const policyPath = child(path, 'concurrencyPolicy');
  const policy = asString(spec.concurrencyPolicy);
  if (policy === '') errs.push(required(policyPath, ''));
  else if (!CONCURRENCY_POLICIES.includes(policy)) errs.push(notSupported(policyPath, policy, CONCURRENCY_POLICIES));
  errs.push(...validateJobTemplateSpec(asRecord(spec.jobTemplate) ?? {}, child(path, 'jobTemplate'), minor));
  errs.push(...validateNonnegative(spec.successfulJobsHistoryLimit, child(path, 'successfulJobsHistoryLimit')));
  errs.push(...validateNonnegative(spec.failedJobsHistoryLimit, child(path, 'failedJobsHistoryLimit')));
  return errs;
}

/** On create a TZ in the schedule is never allowed (updates keep an old one). */
function validateScheduleFormat(schedule: string, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const detail = validateSchedule(schedule);
  if (detail) errs.push(invalid(path, schedule, detail));
  if (schedule.includes('TZ')) errs.push(invalid(path, schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  return errs;
}

/** ValidateJobTemplateSpec: the Job's selector is always generated, so none may be written. */
function validateJobTemplateSpec(template: Obj, path: string, minor: number): FieldError[] {
  const specPath = child(path, 'spec');
  const spec = asRecord(template.spec) ?? {};
  const errs = validateJobSpecFields(spec, specPath, minor);
  if (spec.selector != null) {
    errs.push({ ...invalid(child(specPath, 'selector'), spec.selector, '`selector` will be auto-generated'), rendered: renderLabelSelector(spec.selector, minor) });
  }
  if (spec.manualSelector === true) errs.push(notSupported(child(specPath, 'manualSelector'), true, ['nil', 'false']));
  return errs;
}
