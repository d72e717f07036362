// Odd paths at the I/O boundary: pipes, symlink loops and directories reach the
// report as findings or are skipped, and nothing waits or reads without bound.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { collectInputs, readInputFile } from '../../runtime/src/cli/inputs';
import { MAX_INPUT_BYTES } from '../../runtime/src/text/input';
import { scratch, validateJson } from './helpers';

const BOUND = { timeout: 20_000 };

function fifo(dir: string, name: string): string {
  const p = join(dir, name);
  execFileSync('mkfifo', [p]);
  return p;
}

/** Starts a writer process that fills the pipe with `bytes` bytes of `a` and exits. */
function feed(path: string, bytes: number): void {
  spawn('sh', ['-c', `head -c ${bytes} /dev/zero | tr '\\0' a > "$0"`, path], { stdio: 'ignore' });
}

test('a FIFO named like a manifest is not taken from a directory walk', BOUND, () => {
  const dir = scratch({ 'pod.yaml': '' });
  fifo(dir, 'pipe.yaml');
  const r = collectInputs(['.'], dir);
  assert.ok('files' in r);
  assert.deepEqual(r.files, [join(dir, 'pod.yaml')]);
});

test('a pipe named on the command line is read to its end', BOUND, () => {
  const p = fifo(scratch(), 'in.yaml');
  feed(p, 10);
  const r = readInputFile(p);
  assert.ok('bytes' in r, JSON.stringify(r));
  assert.equal(r.bytes.toString(), 'a'.repeat(10));
});

test('a pipe longer than the size cap is refused once the cap is passed', BOUND, () => {
  const p = fifo(scratch(), 'in.yaml');
  feed(p, MAX_INPUT_BYTES + 100);
  assert.deepEqual(readInputFile(p), { problem: { code: 'file-too-large', message: 'file is larger than 10 MB; not validated' } });
});

test('a directory given where a file is read is an unreadable file', () => {
  const r = readInputFile(scratch());
  assert.deepEqual(r, { problem: { code: 'unreadable-file', message: 'cannot read file: is a directory' } });
});

test('a symlink loop on the command line is a finding, not a missing path; in a walk it is skipped', async () => {
  const dir = scratch({ 'sub/ok.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: fine\n' });
  symlinkSync('loop.yaml', join(dir, 'loop.yaml'));
  symlinkSync('loop.yaml', join(dir, 'sub/loop.yaml'));
  const named = await validateJson(dir, 'loop.yaml');
  assert.equal(named.code, 1);
  assert.deepEqual(
    named.findings.map((f) => [f.file, f.code]),
    [['loop.yaml', 'unreadable-file']],
  );
  assert.match(named.findings[0].message, /^cannot read file: ELOOP/);
  const walked = await validateJson(dir, 'sub');
  assert.deepEqual([walked.code, walked.findings], [0, []]);
});
