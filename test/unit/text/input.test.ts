import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, decodeInput, MAX_INPUT_BYTES } from '../../../runtime/src/text/input';

test('UTF-8 text decodes, dropping a byte order mark', () => {
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('kind: Pod # é\n')]);
  assert.deepEqual(decodeInput(bytes), { text: 'kind: Pod # é\n' });
});

test('a NUL byte marks a binary file', () => {
  assert.deepEqual(decodeInput(Buffer.from([0x6b, 0x00, 0x69])), { problem: { code: 'binary-file', message: 'binary file, not YAML' } });
});

test('UTF-16 text is binary for a YAML reader', () => {
  const r = decodeInput(Buffer.from('\ufeffkind: Pod', 'utf16le'));
  assert.ok('problem' in r && r.problem.code === 'binary-file');
});

test('bytes that are not UTF-8 are refused', () => {
  assert.deepEqual(decodeInput(Buffer.from([0x6b, 0x3a, 0x20, 0xc3, 0x28])), {
    problem: { code: 'invalid-utf8', message: 'file is not valid UTF-8' },
  });
});

test('more than the size cap is refused before decoding', () => {
  const r = decodeInput(new Uint8Array(MAX_INPUT_BYTES + 1));
  assert.deepEqual(r, { problem: { code: 'file-too-large', message: 'file is larger than 10 MB; not validated' } });
});

test('decoded text gets the same size and NUL checks', () => {
  assert.equal(checkText('kind: Pod\n'), undefined);
  assert.equal(checkText('a\0b')?.code, 'binary-file');
});
