import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng, NAME_ALPHABET, restoreRng } from '../../../runtime/src/cluster/random';

test('the same seed gives the same sequence; another seed a different one', () => {
  const a = createRng(42), b = createRng(42), c = createRng(43);
  const seq = (r: ReturnType<typeof createRng>) => Array.from({ length: 5 }, () => r.next());
  const sa = seq(a);
  assert.deepEqual(sa, seq(b));
  assert.notDeepEqual(sa, seq(c));
  for (const x of sa) assert.ok(x >= 0 && x < 1);
});

test('suffixes use the generateName alphabet, 5 characters by default', () => {
  const r = createRng('names');
  for (let i = 0; i < 200; i++) {
    const s = r.suffix();
    assert.equal(s.length, 5);
    for (const ch of s) assert.ok(NAME_ALPHABET.includes(ch), ch);
  }
  assert.equal(r.suffix(8).length, 8);
});

test('uids are lowercase version-4 UUIDs and distinct', () => {
  const r = createRng(1);
  const seen = new Set<string>();
  for (let i = 0; i < 100; i++) {
    const u = r.uid();
    assert.match(u, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    seen.add(u);
  }
  assert.equal(seen.size, 100);
});

test('a saved state continues the sequence exactly', () => {
  const r = createRng('x');
  r.next();
  const copy = restoreRng(r.state());
  assert.deepEqual([r.uid(), r.suffix(), r.int(10)], [copy.uid(), copy.suffix(), copy.int(10)]);
});

test('int and pick stay in range', () => {
  const r = createRng(7);
  for (let i = 0; i < 100; i++) {
    const n = r.int(3);
    assert.ok(Number.isInteger(n) && n >= 0 && n < 3);
    assert.ok(['a', 'b'].includes(r.pick(['a', 'b'])));
  }
});
