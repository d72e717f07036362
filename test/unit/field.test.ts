import { test } from 'node:test';
import assert from 'node:assert/strict';
import { invalid, notSupported, required, renderFieldError, renderInvalidObject, tooLong } from '../../runtime/src/api/field';

test('Invalid renders a label map in Go syntax for 1.33, as the seeds show', () => {
  const e = invalid('spec.template.metadata.labels', { app: 'kubia' }, '`selector` does not match template `labels`');
  assert.equal(
    renderFieldError(e),
    'spec.template.metadata.labels: Invalid value: map[string]string{"app":"kubia"}: `selector` does not match template `labels`',
  );
  assert.equal(renderFieldError(e, { minor: 34 }), 'spec.template.metadata.labels: Invalid value: {"app":"kubia"}: `selector` does not match template `labels`');
});

test('NotSupported lists quoted values', () => {
  const e = notSupported('spec.template.spec.restartPolicy', 'OnFailure', ['Always']);
  assert.equal(renderFieldError(e), 'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"');
});

test('TooLong wording changed in 1.32', () => {
  assert.equal(renderFieldError(tooLong('metadata.annotations', '', 262144)), 'metadata.annotations: Too long: may not be more than 262144 bytes');
  assert.equal(renderFieldError(tooLong('x', '', 5), { minor: 31 }), 'x: Too long: must have at most 5 bytes');
});

test('kubectl prints one cause inline and several as a list', () => {
  const one = [required('spec.containers[0].image')];
  assert.equal(renderInvalidObject('Pod', 'web', one), 'The Pod "web" is invalid: spec.containers[0].image: Required value');
  const two = [required('spec.containers[0].image'), required('spec.containers[0].name'), required('spec.containers[0].name')];
  assert.equal(
    renderInvalidObject('Pod', 'web', two),
    'The Pod "web" is invalid: \n* spec.containers[0].image: Required value\n* spec.containers[0].name: Required value',
  );
});
