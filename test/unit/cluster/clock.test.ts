import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClock, DEFAULT_EPOCH_MS, rfc3339, startPacer } from '../../../runtime/src/cluster/clock';

test('time starts at the fixed epoch', () => {
  const c = createClock();
  assert.equal(c.now(), DEFAULT_EPOCH_MS);
  assert.equal(rfc3339(c.now()), '2026-01-01T00:00:00Z');
});

test('advance runs every timer due in between, in time order, at its own time', () => {
  const c = createClock(0);
  const seen: [string, number][] = [];
  c.after(10 * 60_000, () => seen.push(['10m', c.now()]));
  c.after(60_000, () => seen.push(['1m', c.now()]));
  c.after(20 * 60_000, () => seen.push(['20m', c.now()]));
  c.advance(15 * 60_000);
  assert.deepEqual(seen, [['1m', 60_000], ['10m', 600_000]]);
  assert.equal(c.now(), 15 * 60_000);
  assert.equal(c.pendingCount(), 1);
});

test('same-instant timers run in registration order, and timers added while running still run', () => {
  const c = createClock(0);
  const seen: string[] = [];
  c.at(5, () => {
    seen.push('a');
    c.after(1, () => seen.push('c'));
  });
  c.at(5, () => seen.push('b'));
  c.advance(10);
  assert.deepEqual(seen, ['a', 'b', 'c']);
});

test('cancelled timers never run', () => {
  const c = createClock(0);
  let ran = false;
  const id = c.after(5, () => (ran = true));
  c.cancel(id);
  c.advance(10);
  assert.equal(ran, false);
  assert.equal(c.nextDueAt(), undefined);
});

test('rfc3339 drops milliseconds', () => {
  assert.equal(rfc3339(Date.UTC(2024, 4, 1, 10, 0, 0, 999)), '2024-05-01T10:00:00Z');
});

test('the pacer advances virtual time by real time times the speed, and not at all when paused', async () => {
  const steps: number[] = [];
  const pacer = startPacer((ms) => steps.push(ms), { speed: 0, intervalMs: 5 });
  await new Promise((r) => setTimeout(r, 40));
  assert.deepEqual(steps, [], 'paused');
  pacer.setSpeed(60);
  const started = performance.now();
  await new Promise((r) => setTimeout(r, 60));
  pacer.stop();
  const realMs = performance.now() - started;
  const virtual = steps.reduce((a, b) => a + b, 0);
  assert.ok(steps.length > 0, 'advanced while running');
  assert.ok(virtual <= 60 * (realMs + 10), `at most 60x real time: ${virtual} for ${realMs}`);
  assert.equal(pacer.speed(), 60);
  const after = steps.length;
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(steps.length, after, 'stopped');
});

test('a timer queue runs its items when, and in the order, timers armed with `at` at the same moments would', () => {
  const c = createClock(0);
  const seen: string[] = [];
  const q = c.queue<string>((item) => seen.push(`${item}@${c.now()}`), 'queued');
  c.at(10, () => seen.push('a@10'));
  q.at(10, 'q1');
  c.at(10, () => seen.push('b@10'));
  q.at(20, 'q2');
  q.at(5, 'q0'); // out of due order: it goes before the others
  c.at(20, () => seen.push('c@20'));
  q.at(20, 'q3');
  assert.equal(c.pendingCount(), 7);
  assert.deepEqual(c.pendingLabels(), ['queued', '', 'queued', '', 'queued', '', 'queued']);
  c.advance(30);
  assert.deepEqual(seen, ['q0@5', 'a@10', 'q1@10', 'b@10', 'q2@20', 'c@20', 'q3@20']);
  assert.equal(c.pendingCount(), 0);
  assert.equal(c.nextDueAt(), undefined);
});

test('an item queued by a queue\'s own callback runs too', () => {
  const c = createClock(0);
  const seen: number[] = [];
  const q = c.queue<number>((n) => {
    seen.push(c.now());
    if (n > 0) q.at(c.now() + 10, n - 1);
  }, 'again');
  q.at(1, 2);
  c.advance(100);
  assert.deepEqual(seen, [1, 11, 21]);
});
