import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClock } from '../../../../runtime/src/cluster/clock';
import { createEndpointsQueue } from '../../../../runtime/src/cluster/services/endpoints-queue';

function recording() {
  const clock = createClock(0);
  const synced: string[] = [];
  const queue = createEndpointsQueue(clock, (ns, name) => void synced.push(`${ns}/${name}`));
  return { clock, synced, queue };
}

test("a batch's pod events recompute their Services in name order, where the namespace's first pod event was", () => {
  const { clock, synced, queue } = recording();
  queue.pod('default', ['zzz']);
  queue.service('prod', 'web', false);
  queue.pod('default', ['aaa']);
  queue.service('default', 'mmm', false);
  clock.advance(0);
  assert.deepEqual(synced, ['default/aaa', 'default/mmm', 'default/zzz', 'prod/web']);
});

test('a Service queued before the sweep, or created after it, keeps its own place; none runs twice', () => {
  const { clock, synced, queue } = recording();
  queue.service('default', 'zzz', false);
  queue.pod('default', ['aaa', 'zzz']);
  queue.service('default', 'new', true);
  queue.pod('default', ['new', 'aaa']);
  clock.advance(0);
  assert.deepEqual(synced, ['default/zzz', 'default/aaa', 'default/new']);
});

test('a pod event concerning no Service still places the sweep for the rest of its batch', () => {
  const { clock, synced, queue } = recording();
  queue.pod('default', []);
  queue.service('prod', 'web', false);
  queue.pod('default', ['kubia']);
  clock.advance(0);
  assert.deepEqual(synced, ['default/kubia', 'prod/web']);
});

test('a sweep whose Service fails is retried with what it did not finish', () => {
  const clock = createClock(0);
  const synced: string[] = [];
  let failures = 1;
  const queue = createEndpointsQueue(clock, (_ns, name) => {
    if (name === 'bbb' && failures-- > 0) throw new Error('boom');
    synced.push(name);
  });
  queue.pod('default', ['aaa', 'bbb', 'ccc']);
  clock.advance(0);
  assert.deepEqual(synced, ['aaa']);
  clock.advance(1_000);
  assert.deepEqual(synced, ['aaa', 'bbb', 'ccc']);
});
