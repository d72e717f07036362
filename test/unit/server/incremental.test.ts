import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeFile, type AnalyzedFile } from '../../../server/src/analysis/file';
import { DEFAULT_SETTINGS } from '../../../server/src/config';
import { mergeEdit, type TextChange } from '../../../server/src/documents/edits';
import { splitSegments } from '../../../server/src/documents/split';
import { DiagnosticCache } from '../../../server/src/handlers/diagnosticCache';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../../runtime/src/text/path';
import { Workspace } from '../../../server/src/workspace/workspace';
import { selectorFromMap } from '../../../runtime/src/api/selectors';

const OPTS = { uri: 'untitled:big.yaml', minor: 33 };

/** A Pod without a tag on its image: image-latest-tag, missing-probes, missing-resources. */
const pod = (i: number) => `---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\n  labels:\n    app: a${i}\nspec:\n  containers:\n  - name: c\n    image: nginx\n`;

/** Applies one edit and says what changed, as the EditLog would record it. */
function edit(text: string, start: number, end: number, insert: string, change?: TextChange): { text: string; change: TextChange } {
  return { text: text.slice(0, start) + insert + text.slice(end), change: mergeEdit(change, text.length, start, end) };
}

function open(text: string): { ws: Workspace; file: AnalyzedFile } {
  const ws = new Workspace();
  const file = analyzeFile(undefined, 1, text, OPTS);
  ws.setOpen(file);
  return { ws, file };
}

test('an edit in document 5,000 of 10,000 re-checks exactly that document and moves the later ones', () => {
  const text = Array.from({ length: 10000 }, (_, i) => pod(i)).join('');
  const { ws, file } = open(text);
  const cache = new DiagnosticCache();
  const before = cache.forFile(file, ws.index, DEFAULT_SETTINGS);
  assert.equal(cache.converted, 10000);
  // A new line inside document 5,000: every later document moves one line down.
  const at = text.indexOf('name: p5000') + 'name: p5000'.length;
  const e = edit(text, at, at, '\n  namespace: default');
  const laterLine = file.docs[5001].startLine;
  const next = analyzeFile(file, 2, e.text, OPTS, e.change);
  assert.equal(next.rebuilt, 1);
  assert.equal(next.docs[4999], file.docs[4999], 'earlier documents are the same objects');
  assert.equal(next.docs[5001], file.docs[5001], 'later documents are the same objects');
  assert.equal(next.docs[5001].start, e.text.indexOf(pod(5001)));
  assert.equal(next.docs[5001].startLine, laterLine + 1);
  ws.setOpen(next);
  const after = cache.forFile(next, ws.index, DEFAULT_SETTINGS);
  assert.equal(cache.converted, 1, 'only the edited document is converted');
  assert.equal(after.length, before.length);
  const perDoc = before.length / 10000;
  assert.equal(after[0], before[0], 'diagnostics before the edit are reused as they are');
  // Every later diagnostic is the old one one line further down, and lands where a fresh analysis puts it.
  const fresh = new DiagnosticCache().forFile(analyzeFile(undefined, 2, e.text, OPTS), open(e.text).ws.index, DEFAULT_SETTINGS);
  assert.deepEqual(after, fresh);
  const later = 5001 * perDoc;
  assert.equal(after[later].range.start.line, before[later].range.start.line + 1);
  assert.equal(after[later].message, before[later].message);
});

test('incremental re-cutting agrees with cutting the whole text, for edits that make and unmake markers', () => {
  let text = [pod(0), pod(1), pod(2), pod(3)].join('');
  let file = analyzeFile(undefined, 1, text, OPTS);
  const second = text.indexOf('---', 1);
  const edits: [number, number, string][] = [
    [second + 1, second + 2, ''], // `--` : the marker is gone, documents 0 and 1 merge
    [second + 1, second + 1, '-'], // back
    [second + 3, second + 3, 'x'], // `---x` is no marker
    [second + 3, second + 4, ''],
    [second - 1, second, ''], // the line end before the marker goes: `...nginx---`
    [second - 1, second - 1, '\n'],
    [text.indexOf('name: p2'), text.indexOf('name: p2'), '---\n'], // a marker typed inside a document's text
    [0, 4, ''], // the very first marker
    [text.length - 1, text.length, ''], // the last line end
  ];
  let version = 1;
  for (const [start, end, insert] of edits) {
    const e = edit(text, Math.min(start, text.length), Math.min(end, text.length), insert);
    text = e.text;
    file = analyzeFile(file, ++version, text, OPTS, e.change);
    assert.deepEqual(file.segments.map((s) => [s.start, s.text]), splitSegments(text).map((s) => [s.start, s.text]), `after edit ${version - 1}`);
    const whole = new LineIndex(text);
    for (const s of file.segments) assert.deepEqual({ line: s.startLine, character: 0 }, whole.position(s.start));
  }
});

test('edits merged between two analyses cover both', () => {
  const first = mergeEdit(undefined, 100, 40, 42);
  assert.deepEqual(first, { prefix: 40, suffix: 58 });
  // A second edit on the text the first left (99 characters), further up.
  assert.deepEqual(mergeEdit(first, 99, 10, 10), { prefix: 10, suffix: 58 });
  assert.deepEqual(mergeEdit(first, 99, 90, 95), { prefix: 40, suffix: 4 });
});

test('file positions from segment line tables match a whole-file line table', () => {
  const text = [pod(0), 'a: 1\r\n', pod(1)].join('') + 'tail';
  const file = analyzeFile(undefined, 1, text, OPTS);
  const whole = new LineIndex(text);
  for (let o = 0; o <= text.length; o++) assert.deepEqual(file.lines.position(o), whole.position(o), `offset ${o}`);
});

test('positions become offsets as the LSP text document computes them, past line and file ends too', () => {
  const text = [pod(0), 'a: 1\r\n', pod(1)].join('') + 'tail';
  const file = analyzeFile(undefined, 1, text, OPTS);
  const lsp = TextDocument.create('untitled:x.yaml', 'yaml', 1, text);
  for (let line = -1; line < 30; line++)
    for (const character of [-3, 0, 2, 7, 200])
      assert.equal(file.lines.offset(line, character), lsp.offsetAt({ line, character }), `line ${line}, character ${character}`);
});

test('the index is patched by the changed document only, and moves its generation only for what lint sees', () => {
  const text = [pod(0), pod(1), pod(2)].join('');
  const { ws, file } = open(text);
  const generation = ws.index.generation;
  const tag = text.indexOf('image: nginx', text.indexOf('name: p1')) + 'image: nginx'.length;
  const e = edit(text, tag, tag, ':1.27');
  const next = analyzeFile(file, 2, e.text, OPTS, e.change);
  assert.equal(ws.setOpen(next), false, 'an image tag is no index fact');
  assert.equal(ws.index.generation, generation);
  const label = e.text.indexOf('app: a1') + 'app: a'.length;
  const e2 = edit(e.text, label, label + 1, '7');
  const third = analyzeFile(next, 3, e2.text, OPTS, e2.change);
  assert.equal(ws.setOpen(third), true, 'pod labels are');
  assert.deepEqual(ws.index.podsMatching('default', selectorFromMap({ app: 'a7' })).map((r) => r.name), ['p1']);
  assert.deepEqual(ws.index.podsMatching('default', selectorFromMap({ app: 'a1' })), []);
  assert.deepEqual([...ws.index.resources()].map((r) => r.name), ['p0', 'p1', 'p2']);
});

test('selectors are found by the labels they match, with or without an In requirement', () => {
  const rs = (name: string, selector: string) =>
    `---\napiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: ${name}\nspec:\n  selector:\n${selector}\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: c\n        image: nginx:1.27\n`;
  const text = [
    rs('by-label', '    matchLabels:\n      app: web'),
    rs('by-exists', '    matchExpressions:\n    - key: app\n      operator: Exists'),
    rs('other', '    matchLabels:\n      app: db'),
  ].join('');
  const { ws } = open(text);
  assert.deepEqual(ws.index.selectorsMatching('default', { app: 'web', tier: 'x' }).map((r) => r.name), ['by-label', 'by-exists']);
  assert.deepEqual(ws.index.selectorsMatching('default', { tier: 'x' }).map((r) => r.name), []);
});
