import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type FieldError, renderFieldError } from '../../../../runtime/src/api/field';
import { resourceWarnings, validateResourceRequirements } from '../../../../runtime/src/api/validation/resources';

const R = 'spec.containers[0].resources';
const render = (errs: FieldError[]) => errs.map((e) => renderFieldError(e));

test('requests within limits pass, as do extended resources with request = limit', () => {
  assert.deepEqual(validateResourceRequirements({ requests: { cpu: '200m', memory: '10Mi' }, limits: { cpu: '1', memory: '20Mi' } }, R), []);
  assert.deepEqual(validateResourceRequirements({ requests: { 'example.com/gpu': '1' }, limits: { 'example.com/gpu': '1' } }, R), []);
});

test('a request above its limit is Invalid at resources.requests, the request printed as a string', () => {
  const errs = validateResourceRequirements({ requests: { cpu: '1' }, limits: { cpu: '500m' } }, R);
  assert.deepEqual(render(errs), ['spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m']);
  assert.equal(errs[0].rule, 'resources');
});

test('unknown unprefixed names are not container resources', () => {
  const errs = validateResourceRequirements({ limits: { gpu: '1' } }, R);
  assert.ok(errs.every((e) => e.path === 'spec.containers[0].resources.limits[gpu]' && e.type === 'Invalid'));
  assert.ok(render(errs).includes('spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource for containers'));
});

test('prefixed names must follow the extended resource standard', () => {
  const errs = validateResourceRequirements({ limits: { 'example.com/requests.x': '1' }, requests: { 'example.com/requests.x': '1' } }, R);
  assert.equal(errs.length, 0);
  const native = validateResourceRequirements({ limits: { 'kubernetes.io/foo': '1' } }, R);
  assert.deepEqual(native, []);
});

test('negative quantities and fractional integer resources', () => {
  const errs = validateResourceRequirements({ limits: { memory: '-1Mi', 'example.com/dongle': '500m' }, requests: { 'example.com/dongle': '500m' } }, R);
  assert.deepEqual(render(errs), [
    'spec.containers[0].resources.limits[memory]: Invalid value: "-1Mi": must be greater than or equal to 0',
    'spec.containers[0].resources.limits[example.com/dongle]: Invalid value: "500m": must be an integer',
    'spec.containers[0].resources.requests[example.com/dongle]: Invalid value: "500m": must be an integer',
  ]);
});

test('non-overcommitable resources: request must equal the limit, and needs one', () => {
  assert.deepEqual(render(validateResourceRequirements({ requests: { 'example.com/gpu': '1' }, limits: { 'example.com/gpu': '2' } }, R)), [
    'spec.containers[0].resources.requests: Invalid value: "1": must be equal to example.com/gpu limit of 2',
  ]);
  assert.deepEqual(render(validateResourceRequirements({ requests: { 'example.com/gpu': '1' } }, R)), [
    'spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources',
  ]);
});

test('hugepages need cpu or memory alongside', () => {
  assert.deepEqual(render(validateResourceRequirements({ limits: { 'hugepages-2Mi': '100Mi' }, requests: { 'hugepages-2Mi': '100Mi' } }, R)), [
    'spec.containers[0].resources: Forbidden: HugePages require cpu or memory',
  ]);
  assert.deepEqual(validateResourceRequirements({ limits: { 'hugepages-2Mi': '100Mi', memory: '100Mi' }, requests: { 'hugepages-2Mi': '100Mi' } }, R), []);
});

test('fractional byte values are accepted with a warning', () => {
  const warnings = resourceWarnings({ requests: { memory: '1500m' }, limits: { memory: '2Gi' } }, R);
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0].warning, true);
  assert.equal(renderFieldError(warnings[0]), 'spec.containers[0].resources.requests[memory]: fractional byte value "1500m" is invalid, must be an integer');
  assert.deepEqual(validateResourceRequirements({ requests: { memory: '1500m' } }, R), []);
});
