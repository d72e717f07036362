// The pure services, driven from inline YAML with a `|` caret marker, without a
// connection (STYLE §20).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workspaceIssues } from '../../../server/src/analysis/document';
import { analyzeFile, type AnalyzedFile } from '../../../server/src/analysis/file';
import { quickFixes } from '../../../server/src/services/actions';
import { completeAt } from '../../../server/src/services/completion';
import { hoverAt } from '../../../server/src/services/hover';
import { applyEdit } from '../../../server/src/services/yamlEdit';
import { Workspace } from '../../../server/src/workspace/workspace';

const OPTS = { uri: 'file:///ws/rs.yaml', minor: 33 };

/** Analyses `src` without its caret and opens it in a fresh workspace; `offset` is where the caret was. */
function at(src: string): { file: AnalyzedFile; ws: Workspace; offset: number } {
  const offset = src.indexOf('|');
  const file = analyzeFile(undefined, 1, offset < 0 ? src : src.slice(0, offset) + src.slice(offset + 1), OPTS);
  const ws = new Workspace();
  ws.setOpen(file);
  return { file, ws, offset };
}

const rs = (name: string, app: string) =>
  `apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    matchLabels:\n      app: ${app}\n  template:\n    metadata:\n      labels:\n        app: ${app}\n    spec:\n      containers:\n      - name: c\n        image: nginx:1.27\n`;

test('two ReplicaSets with the same selector each warn of the other, naming it and its file', () => {
  const { file, ws } = at([rs('a', 'web'), rs('b', 'web'), rs('c', 'db')].join('---\n'));
  const overlaps = file.docs.map((d) => workspaceIssues(d, ws.index, ws.index.generation).filter((i) => i.code === 'overlapping-selectors'));
  assert.deepEqual(overlaps.map((list) => list.map((i) => i.message)), [
    [`selector overlaps with ReplicaSet "b" (rs.yaml): each would count the other's pods as its own`],
    [`selector overlaps with ReplicaSet "a" (rs.yaml): each would count the other's pods as its own`],
    [],
  ]);
  assert.equal(overlaps[0][0].path, 'spec.selector');
});

test('hover on a key of a half-written document still explains the field', () => {
  const { file, ws, offset } = at('apiVersion: v1\nkind: Pod\nspec:\n  restart|Policy: \n');
  const h = hoverAt(file.docs[0], offset, ws.index);
  assert.ok(h);
  assert.match(h.markdown, /\*\*restartPolicy\*\* `<string>`/);
  assert.match(h.markdown, /Allowed values: `Always`, `OnFailure`, `Never`/);
  // validation-rules §6: a Pod's restartPolicy defaults to Always.
  assert.match(h.markdown, /Default: `"Always"`/);
  assert.equal(file.text.slice(h.range.start, h.range.end), 'restartPolicy');
});

test('completion in a selector offers the template labels of the same document first', () => {
  const { file, ws, offset } = at(rs('a', 'web').replace('      app: web\n  template', '      |\n  template'));
  const labels = completeAt(file.docs[0], offset, ws.index).map((e) => e.label);
  assert.deepEqual(labels, ['app: web']);
});

test('a quick fix is offered only when its edit makes the finding go away', () => {
  const { file } = at('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n    imagePullPolcy: Always\n');
  const doc = file.docs[0];
  const unknown = doc.local.find((i) => i.code === 'unknown-field');
  assert.ok(unknown);
  const [fix, ...others] = quickFixes(doc, [{ code: unknown.code, path: unknown.path, message: unknown.message }], 33);
  assert.equal(others.length, 0);
  assert.equal(fix.title, 'Rename "imagePullPolcy" to "imagePullPolicy"');
  assert.match(applyEdit(doc.text, fix.edit), /\n {4}imagePullPolicy: Always\n/);
  // A target whose path names no field of the schema has no rename that resolves it.
  assert.deepEqual(quickFixes(doc, [{ code: 'unknown-field', path: 'spec.containers[0].zzzzzzzzzzzz', message: '' }], 33), []);
});
