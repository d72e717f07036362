import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  QUANTITY_PATTERN,
  compareQuantity,
  milliValue,
  parseQuantity,
  roundUpToMilli,
} from '../../../runtime/src/api/quantity';

const text = (v: string | number) => parseQuantity(v)?.text;
const value = (v: string | number) => parseQuantity(v)?.value;

test('decimal and binary suffixes give base-unit values', () => {
  assert.equal(value('500m'), 0.5);
  assert.equal(value('128Mi'), 134217728);
  assert.equal(value('1Gi'), 2 ** 30);
  assert.equal(value('2k'), 2000);
  assert.equal(value('1E'), 1e18);
  assert.equal(value('1e3'), 1000);
  assert.equal(value('1E-3'), 0.001);
  assert.equal(value('-1.5'), -1.5);
  assert.equal(value('250u'), 0.00025);
  assert.equal(value(3), 3);
  assert.equal(value(0.5), 0.5);
});

test('canonical text is the shortest exact form in the same family', () => {
  assert.equal(text('1000m'), '1');
  assert.equal(text('1.5'), '1500m');
  assert.equal(text('0.5'), '500m');
  assert.equal(text('1500000'), '1500k');
  assert.equal(text('2048Ki'), '2Mi');
  assert.equal(text('0.5Gi'), '512Mi');
  assert.equal(text('1.5Gi'), '1536Mi');
  assert.equal(text('0.5Ki'), '512');
  assert.equal(text('1e6'), '1e6');
  assert.equal(text('0.0001'), '100u');
  assert.equal(text('0'), '0');
  assert.equal(text('-0'), '0');
  assert.equal(text(' 128Mi '), '128Mi');
});

test('inputs already in canonical form keep their spelling, as String() does', () => {
  assert.equal(text('100m'), '100m');
  assert.equal(text('5Mi'), '5Mi');
  assert.equal(text('1E3'), '1E3');
  assert.equal(text('+1k'), '+1k');
});

test('malformed quantities are undefined', () => {
  for (const bad of ['', '1 GB', 'abc', '1K', '1e', '1ki', '1Mi5', '1.2.3', '1m-3', '1i', '.5i']) {
    assert.equal(parseQuantity(bad), undefined, bad);
  }
  // Quirks of parseQuantityString: an empty mantissa reads as zero.
  assert.equal(parseQuantity('1.G')?.value, 1e9);
  assert.equal(parseQuantity('Gi')?.value, 0);
});

test('the decode pattern is the one apimachinery prints', () => {
  assert.equal(QUANTITY_PATTERN, '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$');
  assert.match('128Mi', new RegExp(QUANTITY_PATTERN));
});

test('values below a nano round up; huge values are capped at int64 off the fast path', () => {
  assert.equal(text('0.1n'), '1n');
  assert.equal(text('1e-30'), '1e-9');
  assert.equal(value('12345678901234567890'), 2 ** 63 - 1);
  assert.equal(text('12345678901234567890'), '9223372036854775807');
  // Few digits with a large scale stay exact (int64Amount keeps any scale).
  assert.equal(text('1e30'), '1e30');
  assert.equal(value('1e30'), 1e30);
});

test('compare is exact', () => {
  const q = (s: string) => parseQuantity(s)!;
  assert.equal(compareQuantity(q('1'), q('1000m')), 0);
  assert.equal(compareQuantity(q('1Gi'), q('1G')), 1);
  assert.equal(compareQuantity(q('100m'), q('0.2')), -1);
  assert.equal(compareQuantity(q('9223372036854775806'), q('9223372036854775807')), -1);
});

test('defaulting rounds up to milli precision (0.0001 -> 1m)', () => {
  assert.equal(roundUpToMilli(parseQuantity('0.0001')!).text, '1m');
  assert.equal(roundUpToMilli(parseQuantity('1.0001')!).text, '1001m');
  assert.equal(roundUpToMilli(parseQuantity('-0.0001')!).text, '0');
  const kept = parseQuantity('100m')!;
  assert.equal(roundUpToMilli(kept), kept);
});

test('integer checks', () => {
  assert.equal(milliValue(parseQuantity('1.5')!), 1500);
  assert.equal(milliValue(parseQuantity('1n')!), 1);
});
