import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocuments, LIMITS } from '../../../runtime/src/text/documents';

const three = `apiVersion: v1
kind: Pod
metadata:
  name: a
---
apiVersion: v1
kind: Pod
metadata:
  name: b
---
apiVersion: v1
kind: Pod
metadata:
  name: c
  labels:
    app: web
spec:
  containers:
  - name: main
    image: nginx
`;

test('every document of a stream is parsed with its own range', () => {
  const docs = parseDocuments(three);
  assert.equal(docs.length, 3);
  assert.deepEqual(
    docs.map((d) => (d.value as { metadata: { name: string } }).metadata.name),
    ['a', 'b', 'c'],
  );
  assert.ok(docs[2].range.start > docs[1].range.start);
});

test('locate points at keys, values and the deepest existing ancestor in the third document', () => {
  const doc = parseDocuments(three)[2];
  const slice = (r: { start: number; end: number }) => three.slice(r.start, r.end);
  assert.equal(slice(doc.locate('spec.containers[0].image')), 'nginx');
  assert.equal(slice(doc.locate('spec.containers[0].image', 'key')), 'image');
  assert.equal(slice(doc.locate('metadata.labels[app]')), 'web');
  // A defaulted field that is not in the text resolves to its parent's key.
  // Inside a list item (which has no key) it is the item's first character.
  assert.equal(doc.locate('spec.containers[0].imagePullPolicy').start, three.lastIndexOf('name: main'));
  assert.equal(slice(doc.locate('spec.restartPolicy')), 'spec');
  assert.ok(doc.has('spec.containers[0].name'));
  assert.ok(!doc.has('spec.restartPolicy'));
});

test('scalars follow kubectl (go-yaml v2): YAML 1.1 booleans and octals, no sexagesimals or timestamps', () => {
  const [doc] = parseDocuments('mode: 0644\nflag: yes\ndisabled: off\ntime: 12:30\nwhen: 2019-11-03T21:19:20Z\nhex: 0x1F\n');
  assert.deepEqual(doc.value, { mode: 420, flag: true, disabled: false, time: '12:30', when: '2019-11-03T21:19:20Z', hex: 31 });
});

test('duplicate keys keep the last value, as kubectl does, without an error', () => {
  const [doc] = parseDocuments('replicas: 1\nreplicas: 3\n');
  assert.deepEqual(doc.syntaxErrors, []);
  assert.deepEqual(doc.value, { replicas: 3 });
});

test('merge keys are expanded', () => {
  const [doc] = parseDocuments('base: &b {app: web}\nlabels:\n  <<: *b\n  tier: front\n');
  assert.deepEqual((doc.value as Record<string, unknown>).labels, { app: 'web', tier: 'front' });
});

test('a syntax error is a problem of its document only', () => {
  const docs = parseDocuments('a: 1\n---\nb: [1, 2\n---\nc: 3\n');
  assert.equal(docs.length, 3);
  assert.deepEqual(docs[0].syntaxErrors, []);
  assert.ok(docs[1].syntaxErrors.length > 0);
  assert.ok(docs[1].syntaxErrors.every((p) => p.code === 'yaml-syntax'));
  assert.deepEqual(docs[2].value, { c: 3 });
});

test('10,000-deep flow nesting is one yaml-too-deep problem, found before parsing', () => {
  const docs = parseDocuments('['.repeat(10_000) + ']'.repeat(10_000));
  assert.equal(docs.length, 1);
  assert.deepEqual(
    docs[0].syntaxErrors.map((p) => [p.code, p.message]),
    [['yaml-too-deep', `YAML nesting is deeper than ${LIMITS.maxDepth} levels; not validated`]],
  );
});

test('10,000-deep block nesting is one yaml-too-deep problem', () => {
  const docs = parseDocuments('- '.repeat(10_000) + 'x\n');
  assert.deepEqual(docs[0].syntaxErrors.map((p) => p.code), ['yaml-too-deep']);
});

test('an alias bomb is one yaml-alias-limit problem and is never expanded', () => {
  let text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  let prev = 'a';
  for (const l of 'bcdefghi') {
    text += `${l}: &${l} [${Array(9).fill('*' + prev).join(',')}]\n`;
    prev = l;
  }
  const [doc] = parseDocuments(text);
  assert.equal(doc.value, undefined);
  assert.deepEqual(
    doc.syntaxErrors.map((p) => [p.code, p.message]),
    [['yaml-alias-limit', `YAML aliases expand to more than ${LIMITS.maxAliasCount} nodes (an alias bomb?); not validated`]],
  );
});

test('a few ordinary aliases are fine', () => {
  const [doc] = parseDocuments('l: &l {app: web}\nsel: *l\n');
  assert.deepEqual(doc.value, { l: { app: 'web' }, sel: { app: 'web' } });
});

test('an empty text has no documents with content', () => {
  const docs = parseDocuments('');
  assert.ok(docs.every((d) => d.value === null || d.value === undefined));
  assert.ok(docs.every((d) => d.syntaxErrors.length === 0));
});
