// ReplicaSet apps/v1 (apps/validation ValidateReplicaSetSpec,
// ValidatePodTemplateSpecForReplicaSet; validation-rules §8).
import { child, invalid, required, withRule, type FieldError } from '../field';
import { selectorFromLabelSelector } from '../selectors';
import { asRecord, isRecord, type Obj } from '../values';
import { validateLabelSelector } from './labelselector';
import {
  NOTHING,
  isEmptySelector,
  renderLabelSelector,
  selectorMismatch,
  validateNonnegative,
  validatePodTemplateSpec,
  validateReplicatedPodSpec,
} from './podtemplate';

const RULE = 'replica-set';

export function validateReplicaSet(rs: Obj, minor: number): FieldError[] {
  const spec = asRecord(rs.spec) ?? {};
  const path = 'spec';
  const selPath = child(path, 'selector');
  const errs: FieldError[] = [
    ...validateNonnegative(spec.replicas, child(path, 'replicas')),
    ...validateNonnegative(spec.minReadySeconds, child(path, 'minReadySeconds')),
  ];
  const raw = spec.selector;
  if (raw == null) {
    errs.push(required(selPath, ''));
  } else {
    errs.push(...withRule('label-selector', validateLabelSelector(raw, selPath)));
    if (isRecord(raw) && countTerms(raw) === 0) {
      // Upstream reuses the Deployment wording here.
      errs.push({ ...invalid(selPath, raw, 'empty selector is invalid for deployment'), rendered: renderLabelSelector(raw, minor) });
    }
  }
  const selector = raw == null ? NOTHING : selectorFromLabelSelector(raw);
  if (!selector) {
    // An unconvertible selector stops here: the template is not validated at all.
    errs.push({ ...invalid(selPath, raw, 'invalid label selector'), rendered: renderLabelSelector(raw, minor) });
    return withRule(RULE, errs);
  }
  const templatePath = child(path, 'template');
  const template = asRecord(spec.template) ?? {};
  if (!isEmptySelector(selector)) errs.push(...selectorMismatch(selector, template, templatePath, minor));
  errs.push(...validatePodTemplateSpec(template, templatePath, minor));
  errs.push(...validateReplicatedPodSpec(template, templatePath, 'ReplicaSet'));
  return withRule(RULE, errs);
}

/** len(matchLabels) + len(matchExpressions). */
export function countTerms(sel: Obj): number {
  const labels = asRecord(sel.matchLabels);
  const exprs = sel.matchExpressions;
  return (labels ? Object.keys(labels).length : 0) + (Array.isArray(exprs) ? exprs.length : 0);
}
