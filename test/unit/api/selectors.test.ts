import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatSelector,
  matches,
  parseSelector,
  selectorFromLabelSelector,
  selectorFromMap,
  selectorsOverlap,
  type Selector,
} from '../../../runtime/src/api/selectors';

function parsed(text: string): Selector {
  const r = parseSelector(text);
  if ('error' in r) throw new Error(`unexpected parse error: ${r.error}`);
  return r.selector;
}

function parseError(text: string): string {
  const r = parseSelector(text);
  assert.ok('error' in r, `expected ${JSON.stringify(text)} not to parse`);
  return r.error;
}

const kubiaPods: Record<string, Record<string, string>> = {
  'kubia-manual': { creation_method: 'manual', env: 'debug' },
  'kubia-manual-v2': { creation_method: 'manual', env: 'prod' },
  'kubia-5k788': { app: 'kubia' },
  'kubia-rc-2l2q5': { app: 'kubia-dev', env: 'dev' },
};
const select = (sel: Selector) => Object.keys(kubiaPods).filter((name) => matches(sel, kubiaPods[name]));

test('kubectl get po -l creation_method=manual / env / !env (KIA 3.4)', () => {
  assert.deepEqual(select(parsed('creation_method=manual')), ['kubia-manual', 'kubia-manual-v2']);
  assert.deepEqual(select(parsed('env')), ['kubia-manual', 'kubia-manual-v2', 'kubia-rc-2l2q5']);
  assert.deepEqual(select(parsed('!env')), ['kubia-5k788']);
  assert.deepEqual(select(parsed('creation_method==manual,env=debug')), ['kubia-manual']);
});

test('!= and notin also match objects without the key', () => {
  assert.deepEqual(select(parsed('env!=prod')), ['kubia-manual', 'kubia-5k788', 'kubia-rc-2l2q5']);
  assert.deepEqual(select(parsed('env notin (prod,debug)')), ['kubia-5k788', 'kubia-rc-2l2q5']);
  assert.deepEqual(select(parsed('env in (prod,devel,dev)')), ['kubia-manual-v2', 'kubia-rc-2l2q5']);
});

test('whitespace is tolerated, in/notin are ordinary words where values go', () => {
  const s = parsed('  env in ( prod , dev ) ,  app  ');
  assert.equal(formatSelector(s), 'app,env in (dev,prod)');
  assert.equal(formatSelector(parsed('in in (in,notin)')), 'in in (in,notin)');
  assert.equal(formatSelector(parsed('x in (foo,,baz),y,z notin ()')), 'x in (,baz,foo),y,z notin ()');
  assert.deepEqual(parsed('').requirements, []);
});

test('the formatted selector is kubectl form, sorted by key', () => {
  assert.equal(formatSelector(parsed('env in (prod,dev),app=kubia')), 'app=kubia,env in (dev,prod)');
  assert.equal(formatSelector(parsed('a!=b,!c,d>5,e<7')), 'a!=b,!c,d>5,e<7');
  assert.equal(formatSelector(selectorFromMap({ app: 'kubia', tier: 'web' })), 'app=kubia,tier=web');
  assert.equal(formatSelector(selectorFromMap(undefined)), '');
});

test('parse errors carry the upstream texts', () => {
  assert.equal(parseError('env in prod'), "unable to parse requirement: found 'prod' expected: '('");
  assert.equal(parseError('env in (a b)'), "unable to parse requirement: found 'b', expected: ',' or ')'");
  assert.equal(parseError('env in (a'), "unable to parse requirement: found '', expected: ',' or ')'");
  assert.equal(parseError('env in (=)'), "unable to parse requirement: found '=', expected: ',', ')' or identifier");
  assert.equal(parseError('a b'), "unable to parse requirement: found 'b', expected: '=', '!=', '==', 'in', notin'");
  assert.equal(parseError('a=b c'), "found 'c', expected: ',' or 'end of string'");
  assert.equal(parseError('a=b,'), "found '', expected: identifier after ','");
  assert.equal(parseError(',a'), "found ',', expected: !, identifier, or 'end of string'");
  assert.equal(parseError('a=!b'), "unable to parse requirement: found '!', expected: identifier");
  assert.equal(parseError('!=a'), "found '!=', expected: !, identifier, or 'end of string'");
  assert.equal(parseError('!a=b'), "found '=', expected: ',' or 'end of string'");
});

test('invalid keys and values are parse errors with the format messages', () => {
  assert.match(parseError('-ltier=postgres'), /^unable to parse requirement: <nil>: Invalid value: "-ltier": name part must consist of alphanumeric characters/);
  assert.match(parseError('env=-x'), /^unable to parse requirement: values\[0\]\[env\]: Invalid value: "-x": a valid label must be an empty string/);
  assert.equal(parseError('n>x'), 'unable to parse requirement: values[0]: Invalid value: "x": for \'Gt\', \'Lt\' operators, the value must be an integer');
  assert.match(parseError('n<-1'), /^unable to parse requirement: values\[0\]\[n\]: Invalid value: "-1": a valid label/);
});

test('Gt and Lt compare integers; non-integer label values never match', () => {
  const s = parsed('cores>2,cores<16');
  assert.equal(matches(s, { cores: '8' }), true);
  assert.equal(matches(s, { cores: '2' }), false);
  assert.equal(matches(s, { cores: 'many' }), false);
  assert.equal(matches(s, {}), false);
});

test('map selectors match exact values; an empty map selects everything', () => {
  const s = selectorFromMap({ app: 'kubia' });
  assert.equal(matches(s, { app: 'kubia', rel: 'beta' }), true);
  assert.equal(matches(s, { app: 'kubia-dev' }), false);
  assert.equal(matches(s, undefined), false);
  assert.equal(matches(selectorFromMap({}), undefined), true);
  assert.equal(matches(selectorFromMap({ constructor: 'x' }), {}), false);
});

test('LabelSelector: null matches nothing, {} everything, expressions as in KIA 4.3', () => {
  const none = selectorFromLabelSelector(null)!;
  assert.equal(none.nothing, true);
  assert.equal(matches(none, {}), false);
  assert.equal(matches(selectorFromLabelSelector({})!, { any: 'x' }), true);
  const rs = selectorFromLabelSelector({
    matchLabels: { app: 'kubia' },
    matchExpressions: [
      { key: 'env', operator: 'NotIn', values: ['prod'] },
      { key: 'gpu', operator: 'DoesNotExist' },
    ],
  })!;
  assert.equal(formatSelector(rs), 'app=kubia,env notin (prod),!gpu');
  assert.equal(matches(rs, { app: 'kubia' }), true);
  assert.equal(matches(rs, { app: 'kubia', env: 'prod' }), false);
  assert.equal(matches(rs, { app: 'kubia', gpu: 'true' }), false);
  const inExpr = selectorFromLabelSelector({ matchExpressions: [{ key: 'app', operator: 'In', values: ['kubia'] }] })!;
  assert.equal(formatSelector(inExpr), 'app in (kubia)');
});

test('unconvertible LabelSelectors are undefined', () => {
  const cases: unknown[] = [
    { matchLabels: [{ key: 'app', operator: 'in', values: ['kubia'] }] },
    { matchExpressions: [{ key: 'app', operator: 'in', values: ['kubia'] }] },
    { matchExpressions: [{ key: 'app', operator: 'In' }] },
    { matchExpressions: [{ key: 'app', operator: 'Exists', values: ['x'] }] },
    { matchLabels: { 'a/b/c': 'x' } },
    { matchLabels: { app: 'no spaces' } },
    { matchLabels: { app: true } },
    'app=kubia',
  ];
  for (const c of cases) assert.equal(selectorFromLabelSelector(c), undefined, JSON.stringify(c));
});

test('overlap: could one pod match both selectors', () => {
  const s = (t: string) => parsed(t);
  assert.equal(selectorsOverlap(s('app=kubia'), s('app=kubia,env=prod')), true);
  assert.equal(selectorsOverlap(s('app=kubia'), s('app=web')), false);
  assert.equal(selectorsOverlap(s('app=kubia'), s('!app')), false);
  assert.equal(selectorsOverlap(s('app notin (kubia)'), s('!app')), true);
  assert.equal(selectorsOverlap(s('app in (a,b)'), s('app in (b,c),app notin (b)')), false);
  assert.equal(selectorsOverlap(s('app'), s('app notin (a,b)')), true);
  assert.equal(selectorsOverlap(s('n>5'), s('n<6')), false);
  assert.equal(selectorsOverlap(s('n>5'), s('n<7,n notin (6)')), true);
  assert.equal(selectorsOverlap(s('n<0'), s('n')), false);
  assert.equal(selectorsOverlap(s('n in (3,9)'), s('n>4')), true);
  assert.equal(selectorsOverlap(selectorFromLabelSelector(null)!, s('')), false);
  assert.equal(selectorsOverlap(s(''), s('')), true);
});
