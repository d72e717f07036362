import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs, type ArgsSpec } from '../../runtime/src/cli/args';

const spec: ArgsSpec = {
  flags: {
    state: { type: 'string' },
    namespace: { alias: 'n', type: 'string' },
    output: { alias: 'o', type: 'string' },
    filename: { alias: 'f', type: 'string[]' },
    watch: { alias: 'w', type: 'boolean' },
    all: { alias: 'A', type: 'boolean' },
  },
};

test('options may stand anywhere, in every spelling', () => {
  const r = parseArgs(['get', '--state', 'DIR', 'pods', '-n', 'ns', '-o', 'json', 'web'], spec);
  assert.deepEqual(r, { positional: ['get', 'pods', 'web'], flags: { state: 'DIR', namespace: 'ns', output: 'json' }, errors: [] });
  assert.deepEqual(parseArgs(['--state=DIR', '-nns', '-o=wide'], spec).flags, { state: 'DIR', namespace: 'ns', output: 'wide' });
});

test('booleans take no value; short ones cluster', () => {
  assert.deepEqual(parseArgs(['-wA', 'pods'], spec), { positional: ['pods'], flags: { watch: true, all: true }, errors: [] });
  assert.deepEqual(parseArgs(['--watch=false'], spec).flags, { watch: false });
  assert.deepEqual(parseArgs(['--watch=maybe'], spec).errors, ['invalid argument "maybe" for "--watch" flag: expected true or false']);
});

test('a list flag collects every occurrence; a string flag keeps the last', () => {
  const r = parseArgs(['-f', 'a.yaml', '--filename=b.yaml', '-fc.yaml', '-n', 'x', '-n', 'y'], spec);
  assert.deepEqual(r.flags, { filename: ['a.yaml', 'b.yaml', 'c.yaml'], namespace: 'y' });
});

test('a lone dash is an argument and -- ends the options', () => {
  assert.deepEqual(parseArgs(['-', '--', '-n', '--state'], spec), { positional: ['-', '-n', '--state'], flags: {}, errors: [] });
});

test('unknown flags and missing values are reported, not thrown', () => {
  assert.deepEqual(parseArgs(['--nope', '-x', '--state'], spec).errors, [
    'unknown flag: --nope',
    "unknown shorthand flag: 'x' in -x",
    'flag needs an argument: --state',
  ]);
  assert.deepEqual(parseArgs(['-n'], spec).errors, ["flag needs an argument: 'n' in -n"]);
});
