// What every controller with a pod template shares (core/validation
// ValidatePodTemplateSpec, ValidatePodTemplateSpecForRC, apps/validation
// ValidatePodTemplateSpecForReplicaSet): the template's own checks, the
// selector-vs-template-labels check, the "replicated pods" rules and the
// Go renderings of the values those errors carry.
import { child, forbidden, invalid, notSupported, renderValue, withRule, type FieldError } from '../field';
import { matches, type Selector } from '../selectors';
import { asArray, asRecord, asStringMap, isRecord, type Obj } from '../values';
import { validateAnnotations, validateLabels } from './metadata';
import { validatePodSpec } from './podspec';

const NEGATIVE_MSG = 'must be greater than or equal to 0';

/** ValidateNonnegativeField; absent fields are Go zero values and pass. */
export function validateNonnegative(value: unknown, path: string): FieldError[] {
  return typeof value === 'number' && value < 0 ? [invalid(path, value, NEGATIVE_MSG)] : [];
}

/**
 * ValidatePodTemplateSpec. Label and annotation errors sit at `<path>.labels` /
 * `<path>.annotations` with no `metadata` segment: upstream passes the
 * template's embedded ObjectMeta with the template's own path.
 */
export function validatePodTemplateSpec(template: Obj, path: string, minor: number): FieldError[] {
  const meta = asRecord(template.metadata) ?? {};
  const spec = asRecord(template.spec) ?? {};
  const errs = [
    ...withRule('metadata', validateLabels(meta.labels, child(path, 'labels'))),
    ...withRule('metadata', validateAnnotations(meta.annotations, child(path, 'annotations'))),
    ...withRule('pod-spec', validatePodSpec(spec, child(path, 'spec'), { isTemplate: true, minor })),
  ];
  if (asArray(spec.ephemeralContainers).length > 0) {
    errs.push({ ...forbidden(child(path, 'spec.ephemeralContainers'), 'ephemeral containers not allowed in pod template'), rule: 'pod-spec' });
  }
  return errs;
}

export function templateLabels(template: Obj | undefined): Record<string, string> | undefined {
  return asStringMap(asRecord(template?.metadata)?.labels);
}

/** Invalid `<path>.metadata.labels` when the selector does not select the template's own pods. */
export function selectorMismatch(selector: Selector, template: Obj | undefined, path: string, minor: number): FieldError[] {
  const labels = templateLabels(template);
  if (matches(selector, labels)) return [];
  const e = invalid(child(path, 'metadata.labels'), labels, '`selector` does not match template `labels`');
  if (labels === undefined) e.rendered = minor >= 34 ? 'null' : 'map[string]string(nil)';
  return [e];
}

/** A selector requiring nothing (labels.Selector.Empty()); the null selector is not empty. */
export function isEmptySelector(sel: Selector): boolean {
  return !sel.nothing && sel.requirements.length === 0;
}

/** The null selector of a missing `selector` field: it matches nothing. */
export const NOTHING: Selector = { requirements: [], nothing: true };

/**
 * RC/RS/DS pods run forever: restartPolicy must be Always and
 * activeDeadlineSeconds is refused (`<kind>` names the controller in the text).
 */
export function validateReplicatedPodSpec(template: Obj, path: string, kind: string): FieldError[] {
  const spec = asRecord(template.spec) ?? {};
  const errs: FieldError[] = [];
  if (spec.restartPolicy !== 'Always') errs.push(notSupported(child(path, 'spec.restartPolicy'), spec.restartPolicy ?? '', ['Always']));
  if (spec.activeDeadlineSeconds != null) {
    errs.push(forbidden(child(path, 'spec.activeDeadlineSeconds'), `activeDeadlineSeconds in ${kind} is not Supported`));
  }
  return errs;
}

// --- Go renderings of struct values (field.Error prints %#v up to 1.33, JSON from 1.34) ---

/** A *metav1.LabelSelector as the error text shows it (pointers are dereferenced since 1.32). */
export function renderLabelSelector(sel: unknown, minor: number): string {
  if (minor >= 34) return JSON.stringify(sel ?? null);
  if (!isRecord(sel)) return '<nil>';
  const labels = asStringMap(sel.matchLabels);
  const exprs = asArray(sel.matchExpressions).filter(isRecord);
  const labelsText = labels ? renderValue(labels, minor) : 'map[string]string(nil)';
  const exprsText = Array.isArray(sel.matchExpressions)
    ? `[]v1.LabelSelectorRequirement{${exprs.map(goRequirement).join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${labelsText}, MatchExpressions:${exprsText}}`;
}

function goRequirement(r: Obj): string {
  const values = Array.isArray(r.values) ? renderValue(r.values.map(String)) : '[]string(nil)';
  return `v1.LabelSelectorRequirement{Key:${JSON.stringify(String(r.key ?? ''))}, Operator:${JSON.stringify(String(r.operator ?? ''))}, Values:${values}}`;
}

/** An intstr.IntOrString value (it has no value-receiver String(), so %#v shows the struct). */
export function renderIntOrString(v: unknown, minor: number): string {
  if (minor >= 34) return JSON.stringify(v);
  if (typeof v === 'string') return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${JSON.stringify(v)}}`;
  return `intstr.IntOrString{Type:0, IntVal:${typeof v === 'number' ? v : 0}, StrVal:""}`;
}
