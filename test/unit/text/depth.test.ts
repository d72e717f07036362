import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDepthBreach } from '../../../runtime/src/text/depth';

test('a flow sequence nested past the limit is found at its line', () => {
  const text = 'a: 1\nb: ' + '['.repeat(50) + ']'.repeat(50) + '\n';
  const breach = findDepthBreach(text, 20);
  assert.ok(breach);
  assert.equal(breach.offset, 5);
});

test('flow nesting within the limit passes', () => {
  assert.equal(findDepthBreach('[' .repeat(20) + ']'.repeat(20), 25), undefined);
});

test('block indentation levels count as nesting', () => {
  let text = '';
  for (let i = 0; i < 30; i++) text += ' '.repeat(i) + `k${i}:\n`;
  assert.ok(findDepthBreach(text, 20));
  assert.equal(findDepthBreach(text, 40), undefined);
});

test('compact sequence entries on one line count as nesting', () => {
  assert.ok(findDepthBreach('- '.repeat(30) + 'x\n', 20));
});

test('brackets inside quotes, comments, plain scalars and block scalars are not structure', () => {
  const text = [
    'apiVersion: v1 # [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
    'kind: Pod',
    'metadata:',
    `  name: "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["`,
    `  annotations: {a: '{{{{{{{{{{{{{{{{{{{{{{{{{{{{'}`,
    'spec:',
    '  containers:',
    '  - image: repo/a[[[[[[[[[[[[[[[[[[[[[[[[[[[',
    '    args:',
    '    - |',
    '      [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
    '',
    '      {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{',
    '    - >-',
    '      [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
    '',
  ].join('\n');
  assert.equal(findDepthBreach(text, 10), undefined);
});

test('document markers reset the indentation stack', () => {
  const doc = 'a:\n  b:\n    c: 1\n';
  assert.equal(findDepthBreach([doc, doc, doc].join('---\n'), 4), undefined);
});
