import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClock } from '../../../../runtime/src/cluster/clock';
import { createWorkQueue } from '../../../../runtime/src/cluster/controllers/workqueue';

test('a key queued several times before processing is reconciled once, in first-queued order', () => {
  const clock = createClock(0);
  const seen: string[] = [];
  const q = createWorkQueue(clock, 'test', (k) => void seen.push(k));
  q.add('ns/b');
  q.add('ns/a');
  q.add('ns/b');
  assert.deepEqual(q.queued(), ['ns/b', 'ns/a']);
  clock.advance(0);
  assert.deepEqual(seen, ['ns/b', 'ns/a']);
});

test('requeueAfter runs the key again at that virtual time; the earliest of several requests wins', () => {
  const clock = createClock(0);
  const at: number[] = [];
  const q = createWorkQueue(clock, 'test', () => {
    at.push(clock.now());
    return at.length === 1 ? { requeueAfter: 5_000 } : undefined;
  });
  q.add('ns/x');
  q.addAfter('ns/x', 8_000);
  clock.advance(10_000);
  assert.deepEqual(at, [0, 5_000]);
});

test('a reconcile that throws is retried with backoff and reported in failures()', () => {
  const clock = createClock(0);
  let calls = 0;
  const q = createWorkQueue(clock, 'test', () => {
    calls++;
    if (calls < 3) throw new Error('boom');
  });
  q.add('ns/x');
  clock.advance(0);
  assert.equal(q.failures().size, 1);
  clock.advance(1_000);
  assert.equal(calls, 3);
  assert.equal(q.failures().size, 0);
});

test('stop cancels pending work', () => {
  const clock = createClock(0);
  let calls = 0;
  const q = createWorkQueue(clock, 'test', () => void calls++);
  q.add('ns/x');
  q.addAfter('ns/y', 100);
  q.stop();
  clock.advance(1_000);
  assert.equal(calls, 0);
  assert.equal(clock.pendingCount(), 0);
});

test('has answers for keys waiting to be processed now, not for delayed or processed ones', () => {
  const clock = createClock(0);
  const q = createWorkQueue(clock, 'test', () => {});
  q.add('ns/now');
  q.addAfter('ns/later', 100);
  assert.equal(q.has('ns/now'), true);
  assert.equal(q.has('ns/later'), false);
  clock.advance(0);
  assert.equal(q.has('ns/now'), false);
});
