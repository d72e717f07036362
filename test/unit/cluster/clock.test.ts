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
