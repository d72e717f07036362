import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderFieldError } from '../../../../runtime/src/api/field';
import { validateLabelSelector } from '../../../../runtime/src/api/validation/labelselector';

const rendered = (sel: unknown) => validateLabelSelector(sel, 'spec.selector').map((e) => renderFieldError(e));

test('the KIA ReplicaSet selectors are valid', () => {
  assert.deepEqual(validateLabelSelector({ matchLabels: { app: 'kubia' } }, 'spec.selector'), []);
  assert.deepEqual(validateLabelSelector({ matchExpressions: [{ key: 'app', operator: 'In', values: ['kubia'] }] }, 'spec.selector'), []);
  assert.deepEqual(validateLabelSelector(null, 'spec.selector'), []);
  assert.deepEqual(validateLabelSelector({}, 'spec.selector'), []);
});

test('In/NotIn need values; Exists/DoesNotExist forbid them', () => {
  assert.deepEqual(rendered({ matchExpressions: [{ key: 'app', operator: 'NotIn' }] }), [
    "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
  ]);
  assert.deepEqual(rendered({ matchExpressions: [{ key: 'app', operator: 'In', values: [] }] }), [
    "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
  ]);
  assert.deepEqual(rendered({ matchExpressions: [{ key: 'a', operator: 'Exists' }, { key: 'gpu', operator: 'DoesNotExist', values: ['x'] }] }), [
    "spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
  ]);
});

test('operators are case-sensitive', () => {
  const errs = validateLabelSelector({ matchExpressions: [{ key: 'app', operator: 'in', values: ['kubia'] }] }, 'spec.selector');
  assert.deepEqual(errs.map((e) => [e.path, e.type, e.value, e.rule]), [['spec.selector.matchExpressions[0].operator', 'Invalid', 'in', 'label-selector']]);
  assert.equal(renderFieldError(errs[0]), 'spec.selector.matchExpressions[0].operator: Invalid value: "in": not a valid selector operator');
});

test('keys at .key, values at .values[j], matchLabels at .matchLabels', () => {
  const errs = validateLabelSelector(
    { matchLabels: { 'bad key': 'kubia' }, matchExpressions: [{ key: '-app', operator: 'In', values: ['ok', 'not ok'] }] },
    'spec.selector',
  );
  assert.deepEqual(errs.map((e) => [e.path, e.value]), [
    ['spec.selector.matchLabels', 'bad key'],
    ['spec.selector.matchExpressions[0].key', '-app'],
    ['spec.selector.matchExpressions[0].values[1]', 'not ok'],
  ]);
  assert.ok(errs.every((e) => e.rule === 'label-selector' && e.type === 'Invalid'));
  assert.match(renderFieldError(errs[1]), /^spec\.selector\.matchExpressions\[0\]\.key: Invalid value: "-app": name part must consist of/);
});

test('a missing key is an empty qualified name', () => {
  assert.deepEqual(rendered({ matchExpressions: [{ operator: 'Exists' }] }), ['spec.selector.matchExpressions[0].key: Invalid value: "": name part must be non-empty']);
});

test('matchLabels written as a list (KIA seed) is left to decode and does not crash', () => {
  const seed = { matchLabels: [{ key: 'app', operator: 'in', values: ['kubia'] }] };
  assert.deepEqual(validateLabelSelector(seed, 'spec.selector'), []);
  assert.deepEqual(validateLabelSelector('app=kubia', 'spec.selector'), []);
  assert.deepEqual(validateLabelSelector({ matchExpressions: 'nope' }, 'spec.selector'), []);
});
