import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeFile } from '../../../server/src/analysis/file';
import { splitSegments } from '../../../server/src/documents/split';
import { isSuppressed, parseSuppressions } from '../../../server/src/documents/suppressions';
import { WorkspaceIndex } from '../../../server/src/workspace/index';
import { selectorFromMap } from '../../../runtime/src/api/selectors';
import { excluder, globToRegExp } from '../../../server/src/workspace/glob';
import { readExcludes } from '../../../server/src/config';

const pod = (name: string, app: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  labels:\n    app: ${app}\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27\n`;

test('segments cut at --- lines only', () => {
  const text = 'a: 1\n---\nb: |\n  ---x\n--- # c\nc: 3\n';
  assert.deepEqual(splitSegments(text).map((s) => s.text), ['a: 1\n', '---\nb: |\n  ---x\n', '--- # c\nc: 3\n']);
});

test('an edit re-analyses only the document it touched and moves the others', () => {
  const text = [pod('a', 'x'), pod('b', 'y'), pod('c', 'z')].join('---\n');
  const first = analyzeFile(undefined, 1, text, { uri: 'u', minor: 33 });
  assert.equal(first.rebuilt, 3);
  const edited = text.replace('name: a', 'name: aa');
  const secondStart = first.docs[1].start;
  const second = analyzeFile(first, 2, edited, { uri: 'u', minor: 33 });
  assert.equal(second.rebuilt, 1);
  assert.equal(second.docs[1], first.docs[1], 'reused object');
  assert.equal(second.docs[1].start, secondStart + 1, 'moved by the inserted character');
});

test('suppression comments: next line and whole document, with a reason after --', () => {
  const text = 'a: 1\n# kubelab-disable-next-line image-latest-tag -- pinned elsewhere\n\n  image: nginx\n# kubelab-disable job-missing-ttl\n';
  const s = parseSuppressions(text);
  const imageAt = text.indexOf('  image:') + 2;
  assert.equal(isSuppressed(s, 'image-latest-tag', text, imageAt), true);
  assert.equal(isSuppressed(s, 'missing-probes', text, imageAt), false);
  assert.equal(isSuppressed(s, 'job-missing-ttl', text, 0), true);
});

test('the index answers which pods a selector matches, by namespace', () => {
  const f = analyzeFile(undefined, 1, [pod('a', 'web'), pod('b', 'db')].join('---\n'), { uri: 'file:///x.yaml', minor: 33 });
  const index = new WorkspaceIndex();
  assert.equal(index.setFile(f.uri, f.docs.flatMap((d) => (d.resource ? [d.resource] : []))), true);
  assert.deepEqual(index.podsMatching('default', selectorFromMap({ app: 'web' })).map((r) => r.name), ['a']);
  assert.deepEqual(index.podsMatching('other', selectorFromMap({ app: 'web' })), []);
  const generation = index.generation;
  index.setFile(f.uri, f.docs.flatMap((d) => (d.resource ? [d.resource] : [])));
  assert.equal(index.generation, generation, 'same content does not move the generation');
});

test('files.exclude globs', () => {
  const matches = (glob: string, path: string) => globToRegExp(glob)?.test(path) ?? false;
  assert.ok(matches('**/node_modules', 'a/b/node_modules'));
  assert.ok(matches('**/*.{yml,yaml}', 'x/y.yaml'));
  assert.ok(!matches('build/*', 'src/build/x'));
});

test('a files.exclude glob that makes no expression is ignored, an unclosed brace closes at the end', () => {
  assert.equal(globToRegExp('[z-a]'), undefined);
  assert.ok(globToRegExp('**/*.{yml,yaml')?.test('x/y.yaml'));
  const isExcluded = excluder({ '[z-a]': true, 'gen/**': true, 'tmp/**': false });
  assert.ok(isExcluded('gen/a.yaml'));
  assert.ok(!isExcluded('tmp/a.yaml'));
  assert.ok(!isExcluded('z'));
});

test('files.exclude read from the settings: only `true` switches a glob on', () => {
  assert.deepEqual(readExcludes({ 'a/**': true, 'b/**': 'yes', 'c/**': false }), { 'a/**': true, 'b/**': false, 'c/**': false });
  assert.deepEqual(readExcludes('a/**'), {});
  assert.deepEqual(readExcludes(null), {});
});
