// ReplicationController v1 (core/validation ValidateReplicationControllerSpec,
// ValidatePodTemplateSpecForRC; validation-rules §8). The selector is a plain
// map: only its emptiness and its match with the template labels are checked.
import { child, required, withRule, type FieldError } from '../field';
import { selectorFromMap } from '../selectors';
import { asRecord, asStringMap, type Obj } from '../values';
import {
  isEmptySelector,
  selectorMismatch,
  validateNonnegative,
  validatePodTemplateSpec,
  validateReplicatedPodSpec,
} from './podtemplate';

const RULE = 'replication-controller';

export function validateReplicationController(rc: Obj, minor: number): FieldError[] {
  const spec = asRecord(rc.spec) ?? {};
  const path = 'spec';
  const selector = selectorFromMap(asStringMap(spec.selector));
  const errs: FieldError[] = [...validateNonnegative(spec.minReadySeconds, child(path, 'minReadySeconds'))];
  if (isEmptySelector(selector)) errs.push(required(child(path, 'selector'), ''));
  errs.push(...validateNonnegative(spec.replicas, child(path, 'replicas')));
  const templatePath = child(path, 'template');
  const template = asRecord(spec.template);
  if (!template) {
    errs.push(required(templatePath, ''));
    return withRule(RULE, errs);
  }
  if (!isEmptySelector(selector)) errs.push(...selectorMismatch(selector, template, templatePath, minor));
  errs.push(...validatePodTemplateSpec(template, templatePath, minor));
  errs.push(...validateReplicatedPodSpec(template, templatePath, 'ReplicationController'));
  return withRule(RULE, errs);
}
