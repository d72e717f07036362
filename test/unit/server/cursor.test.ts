import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cursorContext } from '../../../server/src/documents/cursor';

/** Inline YAML with a `|` caret marker. */
function at(src: string) {
  const offset = src.indexOf('|');
  return cursorContext(src.slice(0, offset) + src.slice(offset + 1), offset);
}

test('a half-typed key inside a container item', () => {
  const c = at(['apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '  - name: kubia', '    ima|', ''].join('\n'));
  assert.deepEqual(c.parent, ['spec', 'containers', 0]);
  assert.equal(c.at, 'key');
  assert.equal(c.prefix, 'ima');
  assert.deepEqual(c.siblings, ['name']);
});

test('the second item of a sequence is counted', () => {
  const c = at(['spec:', '  containers:', '    - name: a', '      image: x', '    - name: b', '      |', ''].join('\n'));
  assert.deepEqual(c.parent, ['spec', 'containers', 1]);
  assert.deepEqual(c.siblings, ['name']);
});

test('a value position names its key', () => {
  const c = at(['spec:', '  template:', '    spec:', '      restartPolicy: Nev|er', ''].join('\n'));
  assert.deepEqual(c.parent, ['spec', 'template', 'spec']);
  assert.equal(c.at, 'value');
  assert.equal(c.key, 'restartPolicy');
  assert.equal(c.prefix, 'Nev');
});

test('siblings come from above and below but not from parents', () => {
  const c = at(['metadata:', '  name: x', '  |', '  labels:', '    app: y', 'spec: {}', ''].join('\n'));
  assert.deepEqual(c.parent, ['metadata']);
  assert.deepEqual(c.siblings.sort(), ['labels', 'name']);
});

test('a new item on a dash line', () => {
  const c = at(['spec:', '  ports:', '  - port: 80', '  - |', ''].join('\n'));
  assert.deepEqual(c.parent, ['spec', 'ports', 1]);
  assert.deepEqual(c.siblings, []);
});

test('top level', () => {
  const c = at(['apiVersion: v1', '|', 'kind: Pod'].join('\n'));
  assert.deepEqual(c.parent, []);
  assert.deepEqual(c.siblings.sort(), ['apiVersion', 'kind']);
});
