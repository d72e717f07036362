import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as f from '../../runtime/src/api/formats';

test('DNS-1123 label: dots get their own message', () => {
  assert.deepEqual(f.isDNS1123Label('my-name'), []);
  assert.deepEqual(f.isDNS1123Label('a.b'), ['must not contain dots']);
  assert.match(f.isDNS1123Label('Abc')[0], /^a lowercase RFC 1123 label must consist .* \(e\.g\. 'my-name',  or '123-abc', regex used/);
});

test('too long and malformed are separate messages', () => {
  const errs = f.isDNS1123Subdomain('A'.repeat(254));
  assert.equal(errs.length, 2);
  assert.equal(errs[0], 'must be no more than 253 characters');
});

test('qualified names check prefix and name parts', () => {
  assert.deepEqual(f.isQualifiedName('app.kubernetes.io/name'), []);
  assert.deepEqual(f.isQualifiedName('/x'), ['prefix part must be non-empty']);
  assert.deepEqual(f.isQualifiedName('x/'), ['name part must be non-empty']);
  assert.match(f.isQualifiedName('a/b/c')[0], /^a qualified name must consist .* with an optional DNS subdomain prefix and '\/' \(e\.g\. 'example\.com\/MyName'\)$/);
  assert.match(f.isQualifiedName('-x')[0], /^name part must consist/);
});

test('port names report each failing check', () => {
  assert.deepEqual(f.isValidPortName('http'), []);
  assert.deepEqual(f.isValidPortName('8080'), ['must contain at least one letter (a-z)']);
  assert.deepEqual(f.isValidPortName('-a--b-'), ['must not contain consecutive hyphens', 'must not begin or end with a hyphen']);
  assert.deepEqual(f.isValidPortName('a-very-long-port-name'), ['must be no more than 15 characters']);
});

test('env var names are relaxed in 1.33 and strict before 1.32', () => {
  assert.deepEqual(f.isEnvVarName('1ABC'), []);
  assert.equal(f.isEnvVarName('A=B').length, 1);
  assert.equal(f.isEnvVarName('1ABC', 31).length, 1);
});

test('IP addresses', () => {
  assert.deepEqual(f.isValidIP('10.96.0.1'), []);
  assert.deepEqual(f.isValidIP('2001:db8::ffff'), []);
  assert.equal(f.isValidIP('10.96.0.256').length, 1);
  assert.equal(f.isValidIP('1::2::3').length, 1);
});
