import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderFieldError, renderInvalidObject } from '../../../../runtime/src/api/field';
import { validateAnnotations, validateLabels, validateObjectMeta } from '../../../../runtime/src/api/validation/metadata';

const pod = { namespaced: true, nameFormat: 'subdomain' } as const;
const service = { namespaced: true, nameFormat: 'dns1035label' } as const;
const namespace = { namespaced: false, nameFormat: 'dns1123label' } as const;
const rendered = (errs: ReturnType<typeof validateObjectMeta>) => errs.map((e) => renderFieldError(e));

test('a well-formed kubia pod has no metadata errors', () => {
  const errs = validateObjectMeta(
    { name: 'kubia-manual', namespace: 'custom-namespace', labels: { creation_method: 'manual', env: 'prod' }, annotations: { 'mycompany.com/someannotation': 'foo bar' } },
    'metadata',
    pod,
  );
  assert.deepEqual(errs, []);
});

test('name or generateName is required', () => {
  const errs = validateObjectMeta({}, 'metadata', pod);
  assert.deepEqual(rendered(errs), ['metadata.name: Required value: name or generateName is required']);
  assert.equal(errs[0].rule, 'metadata');
  assert.deepEqual(validateObjectMeta({ generateName: 'kubia-' }, 'metadata', pod), []);
});

test('name format per kind, one Invalid per message', () => {
  const [e] = validateObjectMeta({ name: 'process-item-$ITEM' }, 'metadata', pod);
  assert.equal(e.path, 'metadata.name');
  assert.equal(e.type, 'Invalid');
  assert.match(renderFieldError(e), /^metadata\.name: Invalid value: "process-item-\$ITEM": a lowercase RFC 1123 subdomain must consist of/);
  assert.equal(validateObjectMeta({ name: 'A'.repeat(254) }, 'metadata', pod).length, 2);
  assert.match(rendered(validateObjectMeta({ name: '1abc' }, 'metadata', service))[0], /^metadata\.name: Invalid value: "1abc": a DNS-1035 label must consist of/);
  assert.deepEqual(rendered(validateObjectMeta({ name: 'my.ns' }, 'metadata', namespace)), ['metadata.name: Invalid value: "my.ns": must not contain dots']);
});

test('generateName is a prefix: a trailing dash is tolerated, maskTrailingDash-style', () => {
  assert.deepEqual(validateObjectMeta({ generateName: 'kubia-' }, 'metadata', service), []);
  const errs = validateObjectMeta({ generateName: 'Kubia-' }, 'metadata', pod);
  assert.equal(errs.length, 1);
  assert.equal(errs[0].path, 'metadata.generateName');
  assert.equal(errs[0].value, 'Kubia-');
  // Upstream masks the last two characters, so a dash before the trailing one slips through.
  assert.deepEqual(validateObjectMeta({ generateName: 'kubia--' }, 'metadata', pod), []);
});

test('namespace must be a DNS-1123 label on namespaced kinds, and is ignored on cluster-scoped ones', () => {
  assert.deepEqual(rendered(validateObjectMeta({ name: 'p', namespace: 'my.ns' }, 'metadata', pod)), ['metadata.namespace: Invalid value: "my.ns": must not contain dots']);
  assert.deepEqual(validateObjectMeta({ name: 'custom-namespace', namespace: 'Whatever' }, 'metadata', namespace), []);
});

test('labels: bad key reports the key, bad value reports the value, at metadata.labels', () => {
  const errs = validateLabels({ 'a/b/c': 'ok', app: '-kubia' }, 'metadata.labels');
  assert.equal(errs.length, 2);
  assert.deepEqual(errs.map((e) => [e.path, e.type, e.value]), [
    ['metadata.labels', 'Invalid', 'a/b/c'],
    ['metadata.labels', 'Invalid', '-kubia'],
  ]);
  assert.match(renderFieldError(errs[1]), /^metadata\.labels: Invalid value: "-kubia": a valid label must be an empty string or consist of alphanumeric characters/);
  assert.deepEqual(validateLabels({ env: '' }, 'spec.template.labels'), []);
  assert.deepEqual(validateLabels(['not', 'a', 'map'], 'metadata.labels'), []);
});

test('annotations: keys are lower-cased first; total size is limited to 256 KiB', () => {
  assert.deepEqual(validateAnnotations({ 'Example.com/Owner': 'x' }, 'metadata.annotations'), []);
  const [bad] = validateAnnotations({ 'bad key': 'x' }, 'metadata.annotations');
  assert.equal(bad.value, 'bad key');
  const big = validateAnnotations({ a: 'x'.repeat(262144) }, 'metadata.annotations');
  assert.deepEqual(big.map((e) => renderFieldError(e)), ['metadata.annotations: Too long: may not be more than 262144 bytes']);
  assert.deepEqual(validateAnnotations({ a: 'x'.repeat(262143) }, 'metadata.annotations'), []);
});

test('finalizers: standard, qualified, or neither', () => {
  assert.deepEqual(validateObjectMeta({ name: 'n', finalizers: ['kubernetes', 'example.com/cleanup', 'foregroundDeletion'] }, 'metadata', namespace), []);
  assert.deepEqual(rendered(validateObjectMeta({ name: 'n', finalizers: ['ok.io/x', 'cleanup'] }, 'metadata', pod)), [
    'metadata.finalizers[1]: Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified',
  ]);
  const malformed = validateObjectMeta({ name: 'n', finalizers: ['a/b/c'] }, 'metadata', pod);
  assert.deepEqual(malformed.map((e) => e.path), ['metadata.finalizers', 'metadata.finalizers[0]']);
  const both = validateObjectMeta({ name: 'n', finalizers: ['orphan', 'foregroundDeletion'] }, 'metadata', pod);
  assert.deepEqual(rendered(both), [
    'metadata.finalizers: Invalid value: []string{"orphan", "foregroundDeletion"}: finalizer orphan and foregroundDeletion cannot be both set',
  ]);
});

test('generation must not be negative', () => {
  assert.deepEqual(rendered(validateObjectMeta({ name: 'n', generation: -1 }, 'metadata', pod)), ['metadata.generation: Invalid value: -1: must be greater than or equal to 0']);
});

test('several causes render as kubectl lists them', () => {
  const errs = validateObjectMeta({ name: 'Kubia', labels: { app: 'a b' } }, 'metadata', pod);
  const text = renderInvalidObject('Pod', 'Kubia', errs);
  assert.match(text, /^The Pod "Kubia" is invalid: \n\* metadata\.name: Invalid value: "Kubia": a lowercase RFC 1123 subdomain/);
  assert.match(text, /\n\* metadata\.labels: Invalid value: "a b": a valid label must be/);
});

test('sizes count UTF-8 bytes, as Go does: 131,072 two-byte characters fill the annotation limit', () => {
  assert.deepEqual(validateAnnotations({ a: 'é'.repeat(131072) }, 'metadata.annotations').map((e) => renderFieldError(e)), ['metadata.annotations: Too long: may not be more than 262144 bytes']);
  assert.deepEqual(validateAnnotations({ a: 'é'.repeat(131071) }, 'metadata.annotations'), []);
});
