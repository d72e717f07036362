import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorsOf, messages } from './prepared';

const ns = (metadata: Record<string, unknown>, spec?: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Namespace', metadata, ...(spec ? { spec } : {}) });

test('the seed namespace is valid', () => {
  assert.deepEqual(messages(ns({ name: 'custom-namespace' })), []);
});

test('a namespace name must be a DNS-1123 label', () => {
  assert.deepEqual(messages(ns({ name: 'my.namespace' })), ['metadata.name: Invalid value: "my.namespace": must not contain dots']);
});

test('a namespace in a Namespace is silently dropped', () => {
  assert.deepEqual(messages(ns({ name: 'a', namespace: 'Not Valid' })), []);
});

test('finalizers must be standard or fully qualified, reported at spec.finalizers', () => {
  assert.deepEqual(messages(ns({ name: 'a' }, { finalizers: ['kubernetes', 'example.com/cleanup'] })), []);
  const errs = errorsOf(ns({ name: 'a' }, { finalizers: ['cleanup'] }));
  assert.deepEqual(
    errs.map((e) => [e.path, e.type, e.value, e.detail, e.rule]),
    [['spec.finalizers', 'Invalid', 'cleanup', 'name is neither a standard finalizer name nor is it fully qualified', 'namespace']],
  );
});
