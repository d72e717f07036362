// Job batch/v1 (batch/validation ValidateJob, validateGeneratedSelector,
// ValidateJobSpec, validateJobSpec; strategy WarningsOnCreate; validation-rules §9).
// validateJobSpecFields is shared with the CronJob's job template.
import { child, duplicate, index, invalid, key, notSupported, required, withRule, type FieldError, apiWarning, invalidOmitValue, invalidEach } from '../field';
import { isDNS1123Label, isQualifiedName } from '../formats';
import { matches, selectorFromLabelSelector } from '../selectors';
import { CONTROLLER_UID_LABELS, JOB_NAME_LABELS } from '../defaults/prepare';
import { asArray, asInt, asRecord, asString, type Obj } from '../values';
import { validateLabelSelector } from './labelselector';
import { NOTHING, renderLabelSelector, selectorMismatch, templateLabels, validateNonnegative, validatePodTemplateSpec } from './podtemplate';

const RULE = 'job';

const MAX_INDEXED_PARALLELISM = 100000;

export function validateJob(job: Obj, minor: number): FieldError[] {
  const meta = asRecord(job.metadata) ?? {};
  const spec = asRecord(job.spec) ?? {};
  const name = asString(meta.name);
  const errs = [...validateGeneratedSelector(job, minor), ...validateJobSpec(spec, 'spec', minor)];
  const completions = spec.completions;
  if (spec.completionMode === 'Indexed' && typeof completions === 'number' && completions > 0) {
    // The controller names pods' hostnames `<job>-<index>`; the last index must still be a DNS label.
    const last = `${name}-${completions - 1}`;
    if (isDNS1123Label(last).length > 0) {
      errs.push(invalid('metadata.name', name, `will not able to create pod with invalid DNS label: ${last}`));
    }
  }
  const dnsLabel = isDNS1123Label(name);
  if (name && dnsLabel.length > 0) {
    // strategy WarningsOnCreate prints the messages with %v: `[msg1 msg2]`.
    errs.push(apiWarning('metadata.name', `this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [${dnsLabel.join(' ')}]`));
  }
  return withRule(RULE, errs);
}

/**
 * validateGeneratedSelector (1.27+ labels): with an auto-generated selector the
 * template must carry the four generated labels with the Job's uid and name,
 * and the selector must select exactly such pods.
 */
function validateGeneratedSelector(job: Obj, minor: number): FieldError[] {
  const spec = asRecord(job.spec) ?? {};
  if (spec.manualSelector === true || spec.selector == null) return [];
  const meta = asRecord(job.metadata) ?? {};
  const uid = asString(meta.uid);
  const name = asString(meta.name);
  const errs: FieldError[] = [];
  if (!uid) errs.push(required('metadata.uid', ''));
  const template = asRecord(spec.template);
  const labels = templateLabels(template) ?? {};
  const labelsPath = 'spec.template.metadata.labels';
  const expected: Record<string, string> = {};
  const [legacyName, prefixedName] = JOB_NAME_LABELS;
  const [legacyUid, prefixedUid] = CONTROLLER_UID_LABELS;
  for (const [k, want] of [
    [legacyUid, uid],
    [legacyName, name],
    [prefixedUid, uid],
    [prefixedName, name],
  ] as const) {
    expected[k] = want;
    // ValidateHasLabel: a missing label is Required with the wanted value as detail.
    if (!(k in labels)) errs.push(required(key(labelsPath, k), want));
    else if (labels[k] !== want) errs.push(invalid(key(labelsPath, k), labels, `must be '${want}'`));
  }
  const selector = selectorFromLabelSelector(spec.selector);
  if (selector && !matches(selector, expected)) {
    errs.push({ ...invalid('spec.selector', spec.selector, '`selector` not auto-generated'), rendered: renderLabelSelector(spec.selector, minor) });
  }
  return errs;
}

/** ValidateJobSpec: the selector must exist and select the template's pods. */
function validateJobSpec(spec: Obj, path: string, minor: number): FieldError[] {
  const errs = validateJobSpecFields(spec, path, minor);
  const selPath = child(path, 'selector');
  if (spec.selector == null) errs.push(required(selPath, ''));
  else errs.push(...withRule('label-selector', validateLabelSelector(spec.selector, selPath)));
  const selector = spec.selector == null ? NOTHING : selectorFromLabelSelector(spec.selector);
  if (selector) errs.push(...selectorMismatch(selector, asRecord(spec.template), child(path, 'template'), minor));
  return errs;
}

/** validateJobSpec: every JobSpec check that a CronJob's job template shares. */
export function validateJobSpecFields(spec: Obj, path: string, minor: number): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished', 'backoffLimitPerIndex', 'maxFailedIndexes']) {
    errs.push(...validateNonnegative(spec[f], child(path, f)));
  }
  if (spec.maxFailedIndexes != null && spec.backoffLimitPerIndex == null) {
    errs.push(required(child(path, 'backoffLimitPerIndex'), 'when maxFailedIndexes is specified'));
  }
  errs.push(...validateCompletionMode(spec, path));
  const podFailurePolicy = asRecord(spec.podFailurePolicy);
  if (podFailurePolicy) errs.push(...validatePodFailurePolicy(podFailurePolicy, spec, child(path, 'podFailurePolicy'), minor));
  if (spec.successPolicy != null) {
    const successPath = child(path, 'successPolicy');
    if (spec.completionMode !== 'Indexed') errs.push(invalid(successPath, spec.successPolicy, 'requires indexed completion mode'));
    else errs.push(...validateSuccessPolicy(asRecord(spec.successPolicy) ?? {}, asInt(spec.completions), successPath));
  }
  errs.push(...validatePodReplacementPolicy(spec, child(path, 'podReplacementPolicy')));
  const templatePath = child(path, 'template');
  const template = asRecord(spec.template) ?? {};
  errs.push(...validatePodTemplateSpec(template, templatePath, minor));
  errs.push(...validateJobRestartPolicy(spec, asRecord(template.spec) ?? {}, child(templatePath, 'spec.restartPolicy')));
  return errs;
}

function validateCompletionMode(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const mode = spec.completionMode;
  if (mode != null) {
    if (mode !== 'NonIndexed' && mode !== 'Indexed') errs.push(notSupported(child(path, 'completionMode'), mode, ['NonIndexed', 'Indexed']));
    if (mode === 'Indexed') {
      if (spec.completions == null) errs.push(required(child(path, 'completions'), 'when completion mode is Indexed'));
      if (typeof spec.parallelism === 'number' && spec.parallelism > MAX_INDEXED_PARALLELISM) {
        errs.push(invalid(child(path, 'parallelism'), spec.parallelism, `must be less than or equal to ${MAX_INDEXED_PARALLELISM} when completion mode is Indexed`));
      }
      if (typeof spec.completions === 'number' && typeof spec.maxFailedIndexes === 'number' && spec.maxFailedIndexes > spec.completions) {
        errs.push(invalid(child(path, 'maxFailedIndexes'), spec.maxFailedIndexes, 'must be less than or equal to completions'));
      }
    }
  }
  if (mode == null || mode === 'NonIndexed') {
    for (const f of ['backoffLimitPerIndex', 'maxFailedIndexes']) {
      if (spec[f] != null) errs.push(invalid(child(path, f), spec[f], 'requires indexed completion mode'));
    }
  }
  return errs;
}

/**
 * The restartPolicy defaulted to Always is reported as Required (PR #95747):
 * the user most likely did not write it.
 */
function validateJobRestartPolicy(spec: Obj, podSpec: Obj, path: string): FieldError[] {
  const policy = podSpec.restartPolicy;
  if (policy === 'Always' || policy == null || policy === '') return [required(path, 'valid values: "OnFailure", "Never"')];
  if (policy !== 'OnFailure' && policy !== 'Never') return [notSupported(path, policy, ['OnFailure', 'Never'])];
  if (spec.podFailurePolicy != null && policy !== 'Never') {
    return [invalid(path, policy, 'only "Never" is supported when podFailurePolicy is specified')];
  }
  return [];
}

function validatePodReplacementPolicy(spec: Obj, path: string): FieldError[] {
  const policy = spec.podReplacementPolicy;
  if (policy == null) return [];
  if (spec.podFailurePolicy != null) return policy === 'Failed' ? [] : [notSupported(path, policy, ['Failed'])];
  return policy === 'Failed' || policy === 'TerminatingOrFailed' ? [] : [notSupported(path, policy, ['Failed', 'TerminatingOrFailed'])];
}

const POLICY_ACTIONS = ['Count', 'FailIndex', 'FailJob', 'Ignore'];
const EXIT_CODE_OPERATORS = ['In', 'NotIn'];
const CONDITION_STATUSES = ['False', 'True', 'Unknown'];

/** Go's %q of a []string: `["A" "B"]`. */
function quotedList(values: readonly string[]): string {
  return `[${values.map((v) => JSON.stringify(v)).join(' ')}]`;
}

/** validatePodFailurePolicy and its rule helpers (the TooMany limits are left out). */
function validatePodFailurePolicy(policy: Obj, spec: Obj, path: string, minor: number): FieldError[] {
  const podSpec = asRecord(asRecord(spec.template)?.spec) ?? {};
  const containerNames = new Set(
    [...asArray(podSpec.containers), ...asArray(podSpec.initContainers)].map((c) => asString(asRecord(c)?.name)),
  );
  const errs: FieldError[] = [];
  asArray(policy.rules).forEach((rule, i) => {
    const rulePath = index(child(path, 'rules'), i);
    const r = asRecord(rule) ?? {};
    const actionPath = child(rulePath, 'action');
    if (!r.action) errs.push(required(actionPath, `valid values: ${quotedList(POLICY_ACTIONS)}`));
    else if (r.action === 'FailIndex') {
      if (spec.backoffLimitPerIndex == null) errs.push(invalid(actionPath, r.action, 'requires the backoffLimitPerIndex to be set'));
    } else if (!POLICY_ACTIONS.includes(String(r.action))) errs.push(notSupported(actionPath, r.action, POLICY_ACTIONS));
    const onExitCodes = asRecord(r.onExitCodes);
    const onPodConditions = asArray(r.onPodConditions);
    if (onExitCodes) errs.push(...validateOnExitCodes(onExitCodes, child(rulePath, 'onExitCodes'), containerNames, minor));
    onPodConditions.forEach((pattern, j) => errs.push(...validateOnPodCondition(asRecord(pattern) ?? {}, index(child(rulePath, 'onPodConditions'), j))));
    if (onExitCodes && onPodConditions.length > 0) {
      errs.push(invalidOmitValue(rulePath, 'specifying both OnExitCodes and OnPodConditions is not supported'));
    }
    if (!onExitCodes && onPodConditions.length === 0) {
      errs.push(invalidOmitValue(rulePath, 'specifying one of OnExitCodes and OnPodConditions is required'));
    }
  });
  return errs;
}

function validateOnExitCodes(req: Obj, path: string, containerNames: Set<string>, minor: number): FieldError[] {
  const errs: FieldError[] = [];
  const opPath = child(path, 'operator');
  if (!req.operator) errs.push(required(opPath, `valid values: ${quotedList(EXIT_CODE_OPERATORS)}`));
  else if (!EXIT_CODE_OPERATORS.includes(String(req.operator))) errs.push(notSupported(opPath, req.operator, EXIT_CODE_OPERATORS));
  if (req.containerName != null && !containerNames.has(asString(req.containerName))) {
    errs.push(invalid(child(path, 'containerName'), req.containerName, 'must be one of the container or initContainer names in the pod template'));
  }
  const valuesPath = child(path, 'values');
  const values = asArray(req.values).filter((v): v is number => typeof v === 'number');
  // A []int32 prints in Go syntax up to 1.33.
  const rendered = minor >= 34 ? JSON.stringify(values) : `[]int32{${values.join(', ')}}`;
  if (values.length === 0) errs.push({ ...invalid(valuesPath, values, 'at least one value is required'), rendered });
  const seen = new Set<number>();
  values.forEach((v, j) => {
    if (req.operator === 'In' && v === 0) errs.push(invalid(index(valuesPath, j), v, 'must not be 0 for the In operator'));
    if (seen.has(v)) errs.push(duplicate(index(valuesPath, j), v));
    seen.add(v);
  });
  if (values.some((v, j) => j > 0 && values[j - 1] > v)) errs.push({ ...invalid(valuesPath, values, 'must be ordered'), rendered });
  return errs;
}

function validateOnPodCondition(pattern: Obj, path: string): FieldError[] {
  const errs = invalidEach(child(path, 'type'), asString(pattern.type), isQualifiedName(asString(pattern.type)));
  const statusPath = child(path, 'status');
  if (!pattern.status) errs.push(required(statusPath, `valid values: ${quotedList(CONDITION_STATUSES)}`));
  else if (!CONDITION_STATUSES.includes(String(pattern.status))) errs.push(notSupported(statusPath, pattern.status, CONDITION_STATUSES));
  return errs;
}

/** validateSuccessPolicy / validateSuccessPolicyRule (the TooMany and TooLong limits are left out). */
function validateSuccessPolicy(policy: Obj, completions: number, path: string): FieldError[] {
  const rulesPath = child(path, 'rules');
  const rules = asArray(policy.rules);
  const errs: FieldError[] = [];
  if (rules.length === 0) errs.push(required(rulesPath, 'at least one rules must be specified when the successPolicy is specified'));
  rules.forEach((rule, i) => {
    const r = asRecord(rule) ?? {};
    const rulePath = index(rulesPath, i);
    if (r.succeededCount == null && r.succeededIndexes == null) {
      errs.push(required(rulePath, 'at least one of succeededCount or succeededIndexes must be specified'));
    }
    let total = 0;
    if (typeof r.succeededIndexes === 'string') {
      const parsed = parseIndexes(r.succeededIndexes, completions);
      if (typeof parsed === 'string') errs.push(invalid(child(rulePath, 'succeededIndexes'), r.succeededIndexes, `error parsing succeededIndexes: ${parsed}`));
      else total = parsed;
    }
    if (typeof r.succeededCount === 'number') {
      const countPath = child(rulePath, 'succeededCount');
      errs.push(...validateNonnegative(r.succeededCount, countPath));
      if (r.succeededCount > completions) {
        errs.push(invalid(countPath, r.succeededCount, `must be less than or equal to ${completions} (the number of specified completions)`));
      }
      if (r.succeededIndexes != null && r.succeededCount > total) {
        errs.push(invalid(countPath, r.succeededCount, `must be less than or equal to ${total} (the number of indexes in the specified succeededIndexes field)`));
      }
    }
  });
  return errs;
}

/** validateIndexesFormat: `1,3-5,7` → how many indexes, or the parse error text. */
function parseIndexes(text: string, completions: number): number | string {
  if (text === '') return 0;
  let last: number | undefined;
  let total = 0;
  for (const interval of text.split(',')) {
    const limits = interval.split('-');
    if (limits.length > 2) return `the fragment ${JSON.stringify(interval)} violates the requirement that an index interval can have at most two parts separated by '-'`;
    const bounds: number[] = [];
    for (const l of limits) {
      if (!/^[+-]?\d+$/.test(l)) return `cannot convert string to integer for index: ${JSON.stringify(l)}`;
      if (Number(l) >= completions) return `too large index: ${JSON.stringify(l)}`;
      bounds.push(Number(l));
    }
    const [x, y = x] = bounds;
    if (bounds.length === 2 && x >= y) return `non-increasing order, previous: ${x}, current: ${y}`;
    if (last !== undefined && last >= x) return `non-increasing order, previous: ${last}, current: ${x}`;
    total += y - x + 1;
    last = y;
  }
  return total;
}
