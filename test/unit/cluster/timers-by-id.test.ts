import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TimersById } from '../../../runtime/src/cluster/timers-by-id';

test('timers are found by id until deleted, also those left long behind, re-armed under old ids or after a gap', () => {
  const t = new TimersById<string>();
  const model = new Map<number, string>();
  const set = (id: number) => (t.set(id, `t${id}`), model.set(id, `t${id}`));
  const del = (id: number) => (t.delete(id), model.delete(id));
  set(1);
  // One timer stays while 50,000 later ids come and go around it, most of them never armed here.
  for (let id = 2; id < 50_000; id++) {
    if (id % 3 === 0) set(id);
    if (id % 3 === 0 && id > 30) del(id - 30);
  }
  set(5); // an old id armed again (a queue's head)
  set(200_000); // far ahead
  del(1);
  for (let id = 0; id <= 200_001; id++) assert.equal(t.get(id), model.get(id), `id ${id}`);
  assert.equal(t.size, model.size);
  assert.deepEqual(t.values().sort(), [...model.values()].sort());
});
