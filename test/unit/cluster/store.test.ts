import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectorFromMap, parseSelector } from '../../../runtime/src/api/selectors';
import { createClock, rfc3339 } from '../../../runtime/src/cluster/clock';
import { createRng, NAME_ALPHABET } from '../../../runtime/src/cluster/random';
import { createStore } from '../../../runtime/src/cluster/store/store';
import type { KubeObject, WatchEvent } from '../../../runtime/src/cluster/types';

const fresh = () => {
  const clock = createClock();
  return { clock, store: createStore({ clock, rng: createRng('store-test') }) };
};

const pod = (name: string, labels?: Record<string, string>, extra: Partial<KubeObject> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '', labels },
  spec: { containers: [{ name: 'c', image: 'luksa/kubia' }] },
  ...extra,
});

const selector = (text: string) => {
  const r = parseSelector(text);
  assert.ok('selector' in r);
  return r.selector;
};

test('create assigns uid, a global resourceVersion, generation 1 and the virtual creation time', () => {
  const { store, clock } = fresh();
  const a = store.create(pod('a'));
  const b = store.create(pod('b'));
  assert.match(a.metadata.uid, /^[0-9a-f-]{36}$/);
  assert.notEqual(a.metadata.uid, b.metadata.uid);
  assert.equal(a.metadata.resourceVersion, '1');
  assert.equal(b.metadata.resourceVersion, '2');
  assert.equal(store.resourceVersion(), 2);
  assert.equal(a.metadata.generation, 1);
  assert.equal(a.metadata.creationTimestamp, rfc3339(clock.now()));
});

test('generateName appends five characters of the generate alphabet, cutting the prefix to 58', () => {
  const { store } = fresh();
  const p = store.create({ ...pod(''), metadata: { ...pod('').metadata, generateName: 'kubia-' } });
  assert.match(p.metadata.name, new RegExp(`^kubia-[${NAME_ALPHABET}]{5}$`));
  const long = store.create({ ...pod(''), metadata: { ...pod('').metadata, generateName: 'x'.repeat(70) } });
  assert.equal(long.metadata.name.length, 63);
});

test('generation moves only when spec changes; labels and status do not bump it', () => {
  const { store } = fresh();
  const p = store.create(pod('a', { app: 'kubia' }));
  const relabelled = store.update({ ...p, metadata: { ...p.metadata, labels: { app: 'other' } } });
  assert.equal(relabelled.metadata.generation, 1);
  const status = store.updateStatus({ ...relabelled, status: { phase: 'Running' } });
  assert.equal(status.metadata.generation, 1);
  assert.equal(status.status.phase, 'Running');
  const respec = store.update({ ...status, spec: { ...status.spec, activeDeadlineSeconds: 5 } });
  assert.equal(respec.metadata.generation, 2);
  assert.equal(respec.metadata.resourceVersion, '4');
  assert.equal(respec.metadata.uid, p.metadata.uid);
});

test('names are unique per namespace, and a namespace-filtered list sees only its own', () => {
  const { store } = fresh();
  store.create(pod('a'));
  store.create({ ...pod('a'), metadata: { ...pod('a').metadata, namespace: 'other' } });
  assert.throws(() => store.create(pod('a')));
  assert.equal(store.list('Pod').length, 2);
  assert.deepEqual(store.list('Pod', { namespace: 'other' }).map((p) => p.metadata.namespace), ['other']);
  assert.equal(store.get('Pod', 'other', 'a')?.metadata.namespace, 'other');
});

test('label queries follow relabelling, by equality, set and existence', () => {
  const { store } = fresh();
  const a = store.create(pod('a', { app: 'kubia', env: 'prod' }));
  store.create(pod('b', { app: 'kubia', env: 'debug' }));
  store.create(pod('c', { app: 'other' }));
  const names = (sel: string) => store.list('Pod', { selector: selector(sel) }).map((p) => p.metadata.name);
  assert.deepEqual(names('app=kubia'), ['a', 'b']);
  assert.deepEqual(names('env in (prod,debug)'), ['a', 'b']);
  assert.deepEqual(names('env'), ['a', 'b']);
  assert.deepEqual(names('!env'), ['c']);
  assert.deepEqual(names('app=kubia,env!=prod'), ['b']);
  store.update({ ...a, metadata: { ...a.metadata, labels: { app: 'gone' } } });
  assert.deepEqual(names('app=kubia'), ['b']);
  assert.deepEqual(store.list('Pod', { selector: selectorFromMap({ app: 'gone' }) }).map((p) => p.metadata.name), ['a']);
  assert.deepEqual(store.list('Pod', { selector: { requirements: [], nothing: true } }), []);
});

test('pods are indexed by node name', () => {
  const { store } = fresh();
  const a = store.create(pod('a'));
  store.create(pod('b'));
  store.update({ ...a, spec: { ...a.spec, nodeName: 'n1' } });
  assert.deepEqual(store.list('Pod', { fieldNodeName: 'n1' }).map((p) => p.metadata.name), ['a']);
  assert.deepEqual(store.list('Pod', { fieldNodeName: '' }).map((p) => p.metadata.name), ['b']);
});

test('watch events are queued during writes and delivered in order by drain, including writes made by handlers', () => {
  const { store } = fresh();
  const seen: string[] = [];
  store.watch((e: WatchEvent) => {
    seen.push(`${e.type} ${e.object.metadata.name} ${e.resourceVersion}`);
    if (e.type === 'ADDED' && e.object.metadata.name === 'a') store.create(pod('from-handler'));
  }, ['Pod']);
  store.create(pod('a'));
  store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' } });
  assert.deepEqual(seen, []);
  store.remove('Pod', 'default', 'a');
  store.drain();
  assert.deepEqual(seen, ['ADDED a 1', 'DELETED a 3', 'ADDED from-handler 4']);
});

test('a watcher added while an event is delivered sees the next one; one removed still gets the event at hand', () => {
  const { store } = fresh();
  const seen: string[] = [];
  let stopB = () => {};
  store.watch((e) => {
    seen.push(`A ${e.object.metadata.name}`);
    if (e.object.metadata.name === 'a') store.watch((e2) => seen.push(`C ${e2.object.metadata.name}`), ['Pod']);
    if (e.object.metadata.name === 'b') stopB();
  });
  stopB = store.watch((e) => seen.push(`B ${e.object.metadata.name}`), ['Pod']);
  store.create(pod('a'));
  store.create(pod('b'));
  store.create(pod('c'));
  store.drain();
  assert.deepEqual(seen, ['A a', 'B a', 'A b', 'B b', 'C b', 'A c', 'C c']);
});

test('a watch from a resourceVersion replays what came after it', () => {
  const { store } = fresh();
  store.create(pod('a'));
  store.create(pod('b'));
  store.drain();
  const seen: string[] = [];
  const w = store.watchFrom(1, (e) => seen.push(`${e.type} ${e.object.metadata.name}`));
  assert.ok('stop' in w);
  store.create(pod('c'));
  store.drain();
  assert.deepEqual(seen, ['ADDED b', 'ADDED c']);
});

test('an update that ends a deletion without finalizers removes the object', () => {
  const { store } = fresh();
  const p = store.create(pod('a', undefined, {}));
  const marked = store.update({ ...p, metadata: { ...p.metadata, finalizers: ['x'], deletionTimestamp: '2026-01-01T00:00:00Z', deletionGracePeriodSeconds: 0 } });
  assert.equal(marked.metadata.generation, 2, 'markAsDeleting bumps generation once');
  assert.ok(store.get('Pod', 'default', 'a'));
  store.update({ ...marked, metadata: { ...marked.metadata, finalizers: [] } });
  assert.equal(store.get('Pod', 'default', 'a'), undefined);
});

test('changes since the last take name every written and removed object once', () => {
  const { store } = fresh();
  store.create(pod('a'));
  const b = store.create(pod('b'));
  store.takeChanges();
  store.update({ ...b, metadata: { ...b.metadata, labels: { x: 'y' } } });
  store.remove('Pod', 'default', 'a');
  const ch = store.takeChanges();
  assert.deepEqual(ch.puts.map((o) => o.metadata.name), ['b']);
  assert.deepEqual(ch.removals, [{ kind: 'Pod', namespace: 'default', name: 'a' }]);
  assert.deepEqual(store.takeChanges(), { puts: [], removals: [] });
});

test('adopt stores what create would, the object itself, and refuses a taken name without drawing a uid', () => {
  const built = (name: string, uid = ''): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: 'default', uid, resourceVersion: '', creationTimestamp: '' },
    reason: 'Pulled',
    count: 1,
  });
  const a = fresh();
  const b = fresh();
  for (const [name, uid] of [['e1', ''], ['e2', 'given-uid']]) {
    const obj = built(name, uid);
    const adopted = a.store.adopt(obj);
    assert.equal(adopted, obj);
    assert.equal(JSON.stringify(adopted), JSON.stringify(b.store.create(built(name, uid))));
  }
  assert.throws(() => a.store.adopt(built('e1')), /already exists/);
  assert.equal(a.store.resourceVersion(), 2);
  // Nothing was drawn for the refused one: the next uid is the one the other store draws.
  assert.equal(a.store.adopt(built('e3')).metadata.uid, b.store.create(built('e3')).metadata.uid);
  // Where create would drop the namespace key, adopt copies as create does.
  const bare = { ...built('e4'), metadata: { ...built('e4').metadata, namespace: '' } };
  assert.equal(JSON.stringify(a.store.adopt(bare)), JSON.stringify(b.store.create({ ...bare, metadata: { ...bare.metadata } })));
});
