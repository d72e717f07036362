// meta/v1 ValidateLabelSelector / ValidateLabelSelectorRequirement (validation-rules §5).
// Whether the selector also converts (LabelSelectorAsSelector) is selectors.ts's
// selectorFromLabelSelector; callers such as ReplicaSet need both.

import { child, forbidden, index, invalid, required, withRule, type FieldError } from '../field';
import { isQualifiedName, isValidLabelValue } from '../formats';
import { isRecord } from '../values';
import { validateLabels } from './metadata';

const RULE = 'label-selector';

/**
 * `path` is the selector's own path (e.g. `spec.selector`). A null selector has
 * nothing to check. Shapes that cannot decode (matchLabels given as a list, as
 * in the KIA ReplicaSet seed) are decode errors reported by decode.ts; they are
 * skipped here rather than misreported.
 */
export function validateLabelSelector(sel: unknown, path: string): FieldError[] {
  if (!isRecord(sel)) return [];
  // The label rules are metadata's; here they belong to the selector family.
  const errs: FieldError[] = validateLabels(sel.matchLabels, child(path, 'matchLabels')).map((e) => ({ ...e, rule: RULE }));
  if (Array.isArray(sel.matchExpressions)) {
    sel.matchExpressions.forEach((expr, i) => {
      if (isRecord(expr)) errs.push(...validateRequirement(expr, index(child(path, 'matchExpressions'), i)));
    });
  }
  return withRule(RULE, errs);
}

function validateRequirement(expr: Record<string, unknown>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const values = Array.isArray(expr.values) ? expr.values : [];
  const valuesPath = child(path, 'values');
  switch (expr.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errs.push(required(valuesPath, "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) errs.push(forbidden(valuesPath, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    default:
      errs.push(invalid(child(path, 'operator'), expr.operator ?? '', 'not a valid selector operator'));
  }
  const key = typeof expr.key === 'string' ? expr.key : '';
  for (const msg of isQualifiedName(key)) errs.push(invalid(child(path, 'key'), key, msg));
  values.forEach((v, j) => {
    if (typeof v === 'string') for (const msg of isValidLabelValue(v)) errs.push(invalid(index(valuesPath, j), v, msg));
  });
  return errs;
}
