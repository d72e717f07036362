// Hostile and odd inputs: none may crash the validator or take unbounded time,
// and each yields exactly one clear finding. The inputs are generated here in a
// scratch directory, never committed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratch, validateJson, kubelab } from './helpers';
import { MAX_INPUT_BYTES } from '../../runtime/src/text/input';
import { LIMITS } from '../../runtime/src/text/documents';

const BOUND = { timeout: 20_000 };

async function onlyFinding(name: string, content: string | Uint8Array) {
  const dir = scratch({ [name]: content });
  const r = await validateJson(dir, name);
  assert.equal(r.findings.length, 1, JSON.stringify(r.findings));
  assert.equal(r.code, 1);
  assert.equal(r.findings[0].file, name);
  return r.findings[0];
}

function aliasBomb(): string {
  let text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  let prev = 'a';
  for (const l of 'bcdefghi') {
    text += `${l}: &${l} [${Array(9).fill('*' + prev).join(',')}]\n`;
    prev = l;
  }
  return text;
}

test('a binary file is one finding', BOUND, async () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  const f = await onlyFinding('logo.yaml', png);
  assert.deepEqual([f.code, f.message, f.line, f.column, f.severity], ['binary-file', 'binary file, not YAML', 1, 1, 'error']);
});

test('a file over the size cap is refused unread', BOUND, async () => {
  const f = await onlyFinding('dump.yaml', '# padding\n'.repeat(Math.ceil((MAX_INPUT_BYTES + 1) / 10)));
  assert.deepEqual([f.code, f.message], ['file-too-large', 'file is larger than 10 MB; not validated']);
});

test('a billion-laughs alias bomb is one finding and never expanded', BOUND, async () => {
  const f = await onlyFinding('bomb.yaml', aliasBomb());
  assert.equal(f.code, 'yaml-alias-limit');
  assert.match(f.message, new RegExp(`more than ${LIMITS.maxAliasCount}`));
});

test('10,000-deep flow nesting is one finding', BOUND, async () => {
  const f = await onlyFinding('deep.yaml', 'apiVersion: v1\nkind: Pod\nspec: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n');
  assert.equal(f.code, 'yaml-too-deep');
  assert.equal(f.line, 3);
});

test('10,000-deep block nesting is one finding', BOUND, async () => {
  const f = await onlyFinding('deep-block.yaml', '- '.repeat(10_000) + 'x\n');
  assert.equal(f.code, 'yaml-too-deep');
});

test('deep indentation (block mappings) is one finding', BOUND, async () => {
  let text = '';
  for (let i = 0; i < 1500; i++) text += ' '.repeat(i) + `k${i}:\n`;
  const f = await onlyFinding('indent.yaml', text);
  assert.equal(f.code, 'yaml-too-deep');
});

test('invalid UTF-8 is one finding', BOUND, async () => {
  const bytes = Buffer.concat([Buffer.from('apiVersion: v1\nkind: Pod\nmetadata:\n  name: caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
  const f = await onlyFinding('latin1.yaml', bytes);
  assert.deepEqual([f.code, f.message], ['invalid-utf8', 'file is not valid UTF-8']);
});

test('an empty file or one with only comments has no findings', async () => {
  const dir = scratch({ 'empty.yaml': '', 'comments.yaml': '# nothing here\n---\n# nor here\n' });
  const r = await validateJson(dir, 'empty.yaml', 'comments.yaml');
  assert.deepEqual(r.findings, []);
  assert.equal(r.code, 0);
});

test('a document that is a list or a scalar is not-an-object', async () => {
  const list = await onlyFinding('list.yaml', '- apiVersion: v1\n  kind: Pod\n');
  assert.equal(list.code, 'not-an-object');
  const scalar = await onlyFinding('scalar.yaml', 'just some text\n');
  assert.equal(scalar.code, 'not-an-object');
});

test('hostile input on stdin gets the same treatment', BOUND, async () => {
  const r = await kubelab(scratch(), ['validate', '-o', 'json', '-'], 'kind: Pod\0');
  assert.equal(r.code, 1);
  assert.deepEqual(JSON.parse(r.stdout).map((f: { code: string; file: string }) => [f.file, f.code]), [['<stdin>', 'binary-file']]);
});

test('a directory of hostile files yields one finding per file and the good file still validates', BOUND, async () => {
  const dir = scratch({
    'a-bomb.yaml': aliasBomb(),
    'b-binary.yaml': Uint8Array.from([1, 0, 2]),
    'c-deep.yaml': '{a: '.repeat(5000) + '1' + '}'.repeat(5000),
    'd-good.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: fine\n',
  });
  writeFileSync(join(dir, 'e-latin1.yml'), Buffer.from([0x61, 0x3a, 0x20, 0xff, 0x0a]));
  const r = await validateJson(dir, '.');
  assert.deepEqual(
    r.findings.map((f) => [f.file, f.code]),
    [
      ['a-bomb.yaml', 'yaml-alias-limit'],
      ['b-binary.yaml', 'binary-file'],
      ['c-deep.yaml', 'yaml-too-deep'],
      ['e-latin1.yml', 'invalid-utf8'],
    ],
  );
});
