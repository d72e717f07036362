// batch/v1 defaulting (pkg/apis/batch/v1/defaults.go, validation-rules §6).
// The selector and the generated labels come later, in prepareForCreate (§9).
import { defaultTemplateOf } from './pod';
import { asArray, asRecord, isEmptyMap, isRecord, type Obj } from '../values';
import { ensureRecord, setDefault, setIfZero } from './setters';

const MAX_INT32 = 2147483647;

/** SetDefaults_Job. */
export function defaultJob(job: Obj): void {
  const spec = ensureRecord(job, 'spec');
  const template = defaultTemplateOf(spec, true)!;
  // A non-parallel Job may leave both unset; then both are 1.
  if (spec.completions == null && spec.parallelism == null) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  setDefault(spec, 'parallelism', 1);
  setDefault(spec, 'backoffLimit', spec.backoffLimitPerIndex != null ? MAX_INT32 : 6);
  const labels = asRecord(asRecord(template.metadata)?.labels);
  const meta = ensureRecord(job, 'metadata');
  if (labels && isEmptyMap(meta.labels)) meta.labels = { ...labels };
  setDefault(spec, 'completionMode', 'NonIndexed');
  setDefault(spec, 'suspend', false);
  const podFailurePolicy = asRecord(spec.podFailurePolicy);
  if (podFailurePolicy) defaultPodFailurePolicy(podFailurePolicy);
  setDefault(spec, 'podReplacementPolicy', podFailurePolicy ? 'Failed' : 'TerminatingOrFailed');
  setDefault(spec, 'manualSelector', false);
}

/** onPodConditions patterns match `status: "True"` unless told otherwise. */
function defaultPodFailurePolicy(policy: Obj): void {
  for (const rule of asArray(policy.rules)) {
    for (const pattern of asArray(asRecord(rule)?.onPodConditions)) {
      if (isRecord(pattern)) setIfZero(pattern, 'status', 'True');
    }
  }
}

/**
 * SetDefaults_CronJob. The job template's JobSpec is not defaulted here (the
 * controller's Job is, when it is created); only its pod template is.
 */
export function defaultCronJob(cj: Obj): void {
  const spec = ensureRecord(cj, 'spec');
  setIfZero(spec, 'concurrencyPolicy', 'Allow');
  setDefault(spec, 'suspend', false);
  setDefault(spec, 'successfulJobsHistoryLimit', 3);
  setDefault(spec, 'failedJobsHistoryLimit', 1);
  const jobSpec = ensureRecord(ensureRecord(spec, 'jobTemplate'), 'spec');
  defaultTemplateOf(jobSpec, true);
}
