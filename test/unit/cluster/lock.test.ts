import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireLock, LOCK_FILE, processIsAlive } from '../../../runtime/src/cluster/persistence/lock';
import { workspace } from '../../scenarios/cli-harness';

const fresh = () => mkdtempSync(join(tmpdir(), 'kubelab-lock-'));

/** The pid of a process that has exited: nothing runs under it any more. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

test('the lock file holds the owner pid and release removes it', async () => {
  const dir = fresh();
  const lock = await acquireLock(dir, { pid: 4242, isAlive: () => true });
  assert.ok(lock.ok);
  assert.equal(readFileSync(join(dir, LOCK_FILE), 'utf8'), '4242\n');
  assert.deepEqual(lock.notes, []);
  lock.release();
  assert.equal(existsSync(join(dir, LOCK_FILE)), false);
  assert.deepEqual(readdirSync(dir), [], 'no temporary files are left behind');
});

test('a lock held by a running process makes the next command wait, then give up with the holder named', async () => {
  const dir = fresh();
  const first = await acquireLock(dir, { pid: 100, isAlive: () => true });
  assert.ok(first.ok);
  const second = await acquireLock(dir, { pid: 200, isAlive: () => true, polls: 3, pollMs: 1 });
  assert.equal(second.ok, false);
  assert.match(!second.ok ? second.message : '', /is locked by process 100; wait for it to finish, or remove .*lock if that process is not kubelab$/);
  first.release();
  const third = await acquireLock(dir, { pid: 200, isAlive: () => true, polls: 3, pollMs: 1 });
  assert.ok(third.ok);
});

test('a waiting command gets the lock as soon as the holder releases it', async () => {
  const dir = fresh();
  const first = await acquireLock(dir, { pid: 100, isAlive: () => true });
  assert.ok(first.ok);
  const waiting = acquireLock(dir, { pid: 200, isAlive: () => true, pollMs: 2 });
  setTimeout(() => first.release(), 10);
  const second = await waiting;
  assert.ok(second.ok);
  assert.equal(readFileSync(join(dir, LOCK_FILE), 'utf8'), '200\n');
});

test('a stale lock from a dead process is taken over with a note', async () => {
  const dir = fresh();
  const dead = deadPid();
  assert.equal(processIsAlive(dead), false);
  writeFileSync(join(dir, LOCK_FILE), `${dead}\n`);
  const lock = await acquireLock(dir);
  assert.ok(lock.ok);
  assert.deepEqual(lock.notes, [`the lock on ${dir} was held by process ${dead}, which is no longer running; taking it over`]);
  assert.equal(readFileSync(join(dir, LOCK_FILE), 'utf8'), `${process.pid}\n`);
  lock.release();
});

test('release leaves alone a lock that someone else holds now', async () => {
  const dir = fresh();
  const lock = await acquireLock(dir, { pid: 100, isAlive: () => false });
  assert.ok(lock.ok);
  // Process 100 is considered dead, so 200 takes over; 100's late release must not remove 200's lock.
  const other = await acquireLock(dir, { pid: 200, isAlive: (p) => p !== 100 });
  assert.ok(other.ok);
  lock.release();
  assert.equal(readFileSync(join(dir, LOCK_FILE), 'utf8'), '200\n');
});

test('two CLI commands started together run one after the other and both are recorded', async () => {
  const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: c\n    image: luksa/kubia\n`;
  const w = workspace({ 'a.yaml': pod('a'), 'b.yaml': pod('b') });
  const [a, b] = await Promise.all([w.run('apply -f a.yaml'), w.run('apply -f b.yaml')]);
  assert.equal(a.stdout, 'pod/a created\n');
  assert.equal(b.stdout, 'pod/b created\n');
  assert.equal((await w.run('get po -o name')).stdout, 'pod/a\npod/b\n');
  assert.equal(existsSync(join(w.cwd, '.kubelab', LOCK_FILE)), false);
});

test('a CLI command run over a stale lock says so on stderr and proceeds', async () => {
  const w = workspace();
  await w.run('time now');
  const dead = deadPid();
  writeFileSync(join(w.cwd, '.kubelab', LOCK_FILE), `${dead}\n`);
  const r = await w.run('time now');
  assert.equal(r.code, 0);
  assert.match(r.stderr, new RegExp(`^Warning: the lock on .*\\.kubelab was held by process ${dead}, which is no longer running; taking it over\\n$`));
  assert.equal(r.stdout, '2026-01-01T00:00:00Z\n');
});
