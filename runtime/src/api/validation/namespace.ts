// Namespace v1 (core/validation ValidateNamespace, validateFinalizerName,
// validateKubeFinalizerName; validation-rules §12). The name itself is checked
// by ObjectMeta validation as a DNS-1123 label.
import { invalid, withRule, type FieldError } from '../field';
import { isQualifiedName } from '../formats';
import { asArray, asRecord, asString, type Obj } from '../defaults/values';

export const RULE = 'namespace';

/** helper.IsStandardFinalizerName: the unprefixed names the system owns. */
const STANDARD_FINALIZERS = ['kubernetes', 'orphan', 'foregroundDeletion'];

export function validateNamespace(ns: Obj): FieldError[] {
  const spec = asRecord(ns.spec) ?? {};
  // Upstream reports every finalizer at the list's path, without an index.
  const path = 'spec.finalizers';
  const errs = asArray(spec.finalizers).flatMap((f) => validateFinalizerName(asString(f), path));
  return withRule(RULE, errs);
}

function validateFinalizerName(name: string, path: string): FieldError[] {
  const errs = isQualifiedName(name).map((m) => invalid(path, name, m));
  if (!name.includes('/') && !STANDARD_FINALIZERS.includes(name)) {
    errs.push(invalid(path, name, 'name is neither a standard finalizer name nor is it fully qualified'));
  }
  return errs;
}
