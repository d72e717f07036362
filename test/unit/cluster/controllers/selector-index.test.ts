import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectorFromMap } from '../../../../runtime/src/api/selectors';
import { SelectorIndex } from '../../../../runtime/src/cluster/controllers/selector-index';

const entry = (labels: Record<string, string>, tag = '') => ({ selector: selectorFromMap(labels), tag });

test('the entries selecting some labels come in name order, from their namespace only', () => {
  const ix = new SelectorIndex<ReturnType<typeof entry>>();
  ix.set('default', 'zeta', entry({ app: 'kubia' }));
  ix.set('default', 'alpha', entry({ app: 'kubia' }));
  ix.set('default', 'other', entry({ app: 'other' }));
  ix.set('prod', 'kubia', entry({ app: 'kubia' }));
  assert.deepEqual(ix.selecting('default', { app: 'kubia', rel: 'beta' }), ['alpha', 'zeta']);
  assert.deepEqual(ix.selecting('staging', { app: 'kubia' }), []);
});

test('`also` takes entries whose selector does not match', () => {
  const ix = new SelectorIndex<ReturnType<typeof entry>>();
  ix.set('default', 'kubia', entry({ app: 'kubia' }, 'listed'));
  ix.set('default', 'web', entry({ app: 'web' }));
  assert.deepEqual(ix.selecting('default', { app: 'moved' }, (e) => e.tag === 'listed'), ['kubia']);
});

test('`also` is handed the argument given with it; nothing selected is an empty list', () => {
  const ix = new SelectorIndex<ReturnType<typeof entry>>();
  ix.set('default', 'kubia', entry({ app: 'kubia' }, 'listed'));
  ix.set('default', 'web', entry({ app: 'web' }, 'other'));
  const tagged = (e: ReturnType<typeof entry>, tag: string) => e.tag === tag;
  assert.deepEqual(ix.selecting('default', { app: 'moved' }, tagged, 'other'), ['web']);
  assert.deepEqual(ix.selecting('default', { app: 'moved' }, tagged, 'none'), []);
});

test('removing the last entry of a namespace empties it; clear empties everything', () => {
  const ix = new SelectorIndex<ReturnType<typeof entry>>();
  ix.set('default', 'kubia', entry({ app: 'kubia' }));
  ix.set('prod', 'kubia', entry({ app: 'kubia' }));
  ix.set('default', 'kubia', undefined);
  assert.equal(ix.has('default'), false);
  assert.equal(ix.get('prod', 'kubia')?.tag, '');
  ix.clear();
  assert.equal(ix.has('prod'), false);
});
