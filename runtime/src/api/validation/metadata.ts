// Object metadata (validation-rules §4): apimachinery ValidateObjectMetaAccessor,
// ValidateLabels, ValidateAnnotations, ValidateFinalizers, plus core
// ValidateObjectMeta's kube finalizer-name check.

import { child, index, invalid, required, tooLong, withRule, type FieldError } from '../field';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue, byteLength } from '../formats';
import type { NameFormat } from '../kinds';
import { asString, isRecord } from '../values';

const RULE = 'metadata';

export interface ObjectMetaOptions {
  namespaced: boolean;
  nameFormat: NameFormat;
}

const NAME_CHECKS: Readonly<Record<NameFormat, (name: string) => string[]>> = {
  subdomain: isDNS1123Subdomain,
  dns1123label: isDNS1123Label,
  dns1035label: isDNS1035Label,
};

/** TotalAnnotationSizeLimitB: 256 KiB over all keys and values. */
const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** helper.IsStandardFinalizerName: core's `kubernetes` and meta/v1's orphan/foreground finalizers. */
export function isStandardFinalizerName(name: string): boolean {
  return name === 'kubernetes' || name === 'orphan' || name === 'foregroundDeletion';
}

/** validateKubeFinalizerName's own text, for an unprefixed name that is not standard. */
export const NOT_STANDARD_FINALIZER_MSG = 'name is neither a standard finalizer name nor is it fully qualified';

/**
 * maskTrailingDash: a generateName prefix may end in `-` because random
 * characters follow. Upstream replaces the last *two* characters with `a`
 * (`name[:len(name)-2] + "a"`); reproduced as is, since it decides which
 * prefixes pass.
 */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? name.slice(0, -2) + 'a' : name;
}

/**
 * ValidateObjectMeta for a manifest about to be created. Two deliberate
 * differences from the server, which fills these in before validating: an
 * empty namespace is the request's namespace (no Required), and a name
 * generated from generateName is not invented here (only the prefix is checked).
 * A namespace on a cluster-scoped kind is silently cleared by the server.
 */
export function validateObjectMeta(meta: unknown, path: string, opts: ObjectMetaOptions): FieldError[] {
  const m = isRecord(meta) ? meta : {};
  const errs: FieldError[] = [];
  const checkName = NAME_CHECKS[opts.nameFormat];
  const name = asString(m.name);
  const generateName = asString(m.generateName);
  if (generateName !== '') {
    for (const msg of checkName(maskTrailingDash(generateName))) errs.push(invalid(child(path, 'generateName'), generateName, msg));
  }
  if (name !== '') {
    for (const msg of checkName(name)) errs.push(invalid(child(path, 'name'), name, msg));
  } else if (generateName === '') {
    errs.push(required(child(path, 'name'), 'name or generateName is required'));
  }
  const namespace = asString(m.namespace);
  if (opts.namespaced && namespace !== '') {
    for (const msg of isDNS1123Label(namespace)) errs.push(invalid(child(path, 'namespace'), namespace, msg));
  }
  if (typeof m.generation === 'number' && m.generation < 0) {
    errs.push(invalid(child(path, 'generation'), m.generation, 'must be greater than or equal to 0'));
  }
  // Absent maps are the common case: no path string is built for them.
  if (m.labels !== undefined) errs.push(...validateLabels(m.labels, child(path, 'labels')));
  if (m.annotations !== undefined) errs.push(...validateAnnotations(m.annotations, child(path, 'annotations')));
  if (m.finalizers !== undefined) errs.push(...validateFinalizers(m.finalizers, child(path, 'finalizers')));
  return withRule(RULE, errs);
}

/**
 * meta/v1 ValidateLabels: keys are qualified names (bad value = the key),
 * values label values (bad value = the value), all at the map's own path.
 * Non-map input is a decode error reported elsewhere: nothing to check here.
 */
export function validateLabels(labels: unknown, path: string): FieldError[] {
  if (!isRecord(labels)) return [];
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels)) {
    for (const msg of isQualifiedName(k)) errs.push(invalid(path, k, msg));
    if (typeof v === 'string') for (const msg of isValidLabelValue(v)) errs.push(invalid(path, v, msg));
  }
  return withRule(RULE, errs);
}

/** ValidateAnnotations: keys lower-cased, then qualified names; total size limited. */
export function validateAnnotations(ann: unknown, path: string): FieldError[] {
  if (!isRecord(ann)) return [];
  const errs: FieldError[] = [];
  let total = 0;
  for (const [k, v] of Object.entries(ann)) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, msg));
    total += byteLength(k) + (typeof v === 'string' ? byteLength(v) : 0);
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(path, '', TOTAL_ANNOTATION_SIZE_LIMIT));
  return withRule(RULE, errs);
}

/**
 * apimachinery ValidateFinalizers reports a malformed name at the list's path;
 * core's validateKubeFinalizerName then reports it again at `[i]`, or, for a
 * well-formed unprefixed name that is not standard, only there.
 */
function validateFinalizers(finalizers: unknown, path: string): FieldError[] {
  if (!Array.isArray(finalizers)) return [];
  const names = finalizers.filter((f): f is string => typeof f === 'string');
  const errs: FieldError[] = [];
  for (const f of names) for (const msg of isQualifiedName(f)) errs.push(invalid(path, f, msg));
  if (names.includes('orphan') && names.includes('foregroundDeletion')) {
    errs.push(invalid(path, names, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  finalizers.forEach((f, i) => {
    if (typeof f !== 'string') return;
    const msgs = isQualifiedName(f);
    const at = index(path, i);
    if (msgs.length > 0) for (const msg of msgs) errs.push(invalid(at, f, msg));
    else if (!f.includes('/') && !isStandardFinalizerName(f)) errs.push(invalid(at, f, NOT_STANDARD_FINALIZER_MSG));
  });
  return errs;
}
