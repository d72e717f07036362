// DaemonSet apps/v1 (apps/validation ValidateDaemonSetSpec,
// ValidateDaemonSetUpdateStrategy, ValidateRollingUpdateDaemonSet; validation-rules §8).
import { child, invalid, notSupported, required, withRule, type FieldError } from '../field';
import { isValidPercent } from '../formats';
import { selectorFromLabelSelector } from '../selectors';
import { asRecord, isRecord, type Obj } from '../values';
import { validateLabelSelector } from './labelselector';
import { countTerms } from './replicaset';
import {
  NOTHING,
  renderIntOrString,
  renderLabelSelector,
  selectorMismatch,
  validateNonnegative,
  validatePodTemplateSpec,
  validateReplicatedPodSpec,
} from './podtemplate';

const RULE = 'daemon-set';

export function validateDaemonSet(ds: Obj, minor: number): FieldError[] {
  const spec = asRecord(ds.spec) ?? {};
  const path = 'spec';
  const selPath = child(path, 'selector');
  const raw = spec.selector;
  const templatePath = child(path, 'template');
  const template = asRecord(spec.template) ?? {};
  // A nil selector is not Required here; it matches nothing, so only the mismatch shows.
  const errs: FieldError[] = [...withRule('label-selector', validateLabelSelector(raw, selPath))];
  const selector = raw == null ? NOTHING : selectorFromLabelSelector(raw);
  if (selector) errs.push(...selectorMismatch(selector, template, templatePath, minor));
  if (isRecord(raw) && countTerms(raw) === 0) {
    errs.push({ ...invalid(selPath, raw, 'empty selector is invalid for daemonset'), rendered: renderLabelSelector(raw, minor) });
  }
  errs.push(...validatePodTemplateSpec(template, templatePath, minor));
  errs.push(...validateReplicatedPodSpec(template, templatePath, 'DaemonSet'));
  errs.push(...validateNonnegative(spec.minReadySeconds, child(path, 'minReadySeconds')));
  errs.push(...validateNonnegative(spec.templateGeneration, child(path, 'templateGeneration')));
  errs.push(...validateUpdateStrategy(asRecord(spec.updateStrategy) ?? {}, child(path, 'updateStrategy'), minor));
  errs.push(...validateNonnegative(spec.revisionHistoryLimit, child(path, 'revisionHistoryLimit')));
  return withRule(RULE, errs);
}

function validateUpdateStrategy(strategy: Obj, path: string, minor: number): FieldError[] {
  switch (strategy.type) {
    case 'OnDelete':
      return [];
    case 'RollingUpdate': {
      const rolling = asRecord(strategy.rollingUpdate);
      if (!rolling) return [required(child(path, 'rollingUpdate'), '')];
      return validateRollingUpdate(rolling, child(path, 'rollingUpdate'), minor);
    }
    default:
      // The bad value is the whole strategy struct.
      return [{ ...notSupported(path, strategy, ['RollingUpdate', 'OnDelete']), rendered: renderStrategy(strategy, minor) }];
  }
}

function validateRollingUpdate(rolling: Obj, path: string, minor: number): FieldError[] {
  const unavailablePath = child(path, 'maxUnavailable');
  const surgePath = child(path, 'maxSurge');
  const errs = [
    ...positiveIntOrPercent(rolling.maxUnavailable, unavailablePath, minor),
    ...positiveIntOrPercent(rolling.maxSurge, surgePath, minor),
    ...notMoreThan100Percent(rolling.maxUnavailable, unavailablePath, minor),
    ...notMoreThan100Percent(rolling.maxSurge, surgePath, minor),
  ];
  const hasUnavailable = intOrPercentValue(rolling.maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(rolling.maxSurge) !== 0;
  if (hasUnavailable && hasSurge) {
    errs.push({ ...invalid(surgePath, rolling.maxSurge, 'may not be set when maxUnavailable is non-zero'), rendered: renderIntOrString(rolling.maxSurge, minor) });
  } else if (!hasUnavailable && !hasSurge) {
    errs.push(required(unavailablePath, 'cannot be 0 when maxSurge is 0'));
  }
  return errs;
}

/** ValidatePositiveIntOrPercent. */
function positiveIntOrPercent(v: unknown, path: string, minor: number): FieldError[] {
  if (typeof v === 'string') {
    return isValidPercent(v).map((m) => ({ ...invalid(path, v, m), rendered: renderIntOrString(v, minor) }));
  }
  return validateNonnegative(v, path);
}

/** getPercentValue: the number of a valid `N%`, else undefined. */
function percentValue(v: unknown): number | undefined {
  if (typeof v !== 'string' || isValidPercent(v).length > 0) return undefined;
  return Number(v.slice(0, -1));
}

function notMoreThan100Percent(v: unknown, path: string, minor: number): FieldError[] {
  const p = percentValue(v);
  if (p === undefined || p <= 100) return [];
  return [{ ...invalid(path, v, 'must not be greater than 100%'), rendered: renderIntOrString(v, minor) }];
}

/** getIntOrPercentValue: a percent counts as its number, other strings as IntValue() (Atoi, 0 on failure). */
function intOrPercentValue(v: unknown): number {
  const p = percentValue(v);
  if (p !== undefined) return p;
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^[+-]?\d+$/.test(v)) return Number(v);
  return 0;
}

function renderStrategy(strategy: Obj, minor: number): string {
  if (minor >= 34) return JSON.stringify(strategy);
  const rolling = asRecord(strategy.rollingUpdate);
  const rollingText = rolling
    ? `&apps.RollingUpdateDaemonSet{MaxUnavailable:${renderIntOrString(rolling.maxUnavailable, minor)}, MaxSurge:${renderIntOrString(rolling.maxSurge, minor)}}`
    : '(*apps.RollingUpdateDaemonSet)(nil)';
  return `apps.DaemonSetUpdateStrategy{Type:${JSON.stringify(String(strategy.type ?? ''))}, RollingUpdate:${rollingText}}`;
}
