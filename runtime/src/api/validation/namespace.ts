// Namespace v1 (core/validation ValidateNamespace, validateFinalizerName,
// validateKubeFinalizerName; validation-rules §12). The name itself is checked
// by ObjectMeta validation as a DNS-1123 label.
import { invalid, withRule, type FieldError, invalidEach } from '../field';
import { isQualifiedName } from '../formats';
import { asArray, asRecord, asString, type Obj } from '../values';
import { isStandardFinalizerName, NOT_STANDARD_FINALIZER_MSG } from './metadata';

const RULE = 'namespace';

export function validateNamespace(ns: Obj): FieldError[] {
  const spec = asRecord(ns.spec) ?? {};
  // Upstream reports every finalizer at the list's path, without an index.
  const path = 'spec.finalizers';
  const errs = asArray(spec.finalizers).flatMap((f) => validateFinalizerName(asString(f), path));
  return withRule(RULE, errs);
}

function validateFinalizerName(name: string, path: string): FieldError[] {
  const errs = invalidEach(path, name, isQualifiedName(name));
  if (!name.includes('/') && !isStandardFinalizerName(name)) errs.push(invalid(path, name, NOT_STANDARD_FINALIZER_MSG));
  return errs;
}
