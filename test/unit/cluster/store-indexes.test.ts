import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextScheduleAfter } from '../../../runtime/src/api/cron';
import { scheduleWindow } from '../../../runtime/src/cluster/controllers/cron-schedule';
import { createClock } from '../../../runtime/src/cluster/clock';
import { createRng } from '../../../runtime/src/cluster/random';
import { createStore } from '../../../runtime/src/cluster/store/store';
import type { KubeObject } from '../../../runtime/src/cluster/types';

const store = () => createStore({ clock: createClock(), rng: createRng('p2') });
const pod = (name: string, extra: Partial<KubeObject['metadata']> = {}, spec: any = {}): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '', ...extra }, spec });
const names = (os: KubeObject[]) => os.map((o) => o.metadata.name);

test('lists come in key order from every index, also after writes that move objects between entries', () => {
  const s = store();
  for (const n of ['c', 'a', 'd', 'b']) s.create(pod(n, { labels: { app: 'x' } }));
  assert.deepEqual(names(s.list('Pod')), ['a', 'b', 'c', 'd']);
  const b = s.get('Pod', 'default', 'b')!;
  s.update({ ...b, spec: { nodeName: 'n1' } });
  s.update({ ...s.get('Pod', 'default', 'd')!, spec: { nodeName: 'n1' } });
  s.create(pod('aa', {}, { nodeName: 'n1' }));
  assert.deepEqual(names(s.list('Pod', { fieldNodeName: 'n1' })), ['aa', 'b', 'd']);
  assert.deepEqual(names(s.list('Pod', { fieldNodeName: '' })), ['a', 'c']);
  s.update({ ...s.get('Pod', 'default', 'a')!, metadata: { ...s.get('Pod', 'default', 'a')!.metadata, labels: { app: 'y' } } });
  const app = (v: string) => ({ requirements: [{ key: 'app', operator: 'In' as const, values: [v] }] });
  assert.deepEqual(names(s.list('Pod', { selector: app('x') })), ['b', 'c', 'd']);
  assert.deepEqual(names(s.list('Pod', { selector: app('y') })), ['a']);
  s.remove('Pod', 'default', 'c');
  assert.deepEqual(names(s.list('Pod', { namespace: 'default' })), ['a', 'aa', 'b', 'd']);
});

test('ownerUid lists only what one controller owns', () => {
  const s = store();
  const ref = (uid: string, controller = true) => [{ apiVersion: 'batch/v1', kind: 'CronJob', name: uid, uid, controller }];
  s.create(pod('j2', { ownerReferences: ref('u1') }));
  s.create(pod('j1', { ownerReferences: ref('u1') }));
  s.create(pod('k', { ownerReferences: ref('u2') }));
  s.create(pod('loose', { ownerReferences: ref('u1', false) }));
  assert.deepEqual(names(s.list('Pod', { ownerUid: 'u1' })), ['j1', 'j2']);
  const j1 = s.get('Pod', 'default', 'j1')!;
  s.update({ ...j1, metadata: { ...j1.metadata, ownerReferences: ref('u2') } });
  assert.deepEqual(names(s.list('Pod', { ownerUid: 'u1' })), ['j2']);
  assert.deepEqual(names(s.list('Pod', { ownerUid: 'u2', namespace: 'default' })), ['j1', 'k']);
});

test('the remembered spans between scheduled times answer exactly what the cron library does', () => {
  const start = Date.UTC(2026, 0, 1);
  for (const schedule of ['*/15 * * * *', '0 3 * * 1', '@every 7m']) {
    for (let now = start; now < start + 3 * 3600_000; now += 7 * 60_000 + 13_000) {
      const w = scheduleWindow(schedule, undefined, start, now);
      assert.equal(w.next, nextScheduleAfter(schedule, undefined, now), `${schedule} at ${now}`);
    }
  }
});

test('lists across namespaces keep the byte order of namespace/name, also where one namespace name starts another', () => {
  const s = store();
  const keyed = (os: KubeObject[]) => os.map((o) => (o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name));
  for (const [ns, name] of [['ab', 'x'], ['a', 'z'], ['a-b', 'y'], ['a', 'b'], ['a.b', 'w']]) s.create(pod(name, { namespace: ns, labels: { app: 'x' } }, { nodeName: 'n1' }));
  const expected = ['a-b/y', 'a.b/w', 'a/b', 'a/z', 'ab/x'];
  assert.deepEqual(keyed(s.list('Pod')), expected);
  assert.deepEqual(keyed(s.list('Pod', { fieldNodeName: 'n1' })), expected);
  assert.deepEqual(keyed(s.list('Pod', { selector: { requirements: [{ key: 'app', operator: 'Exists', values: [] }] } })), expected);
  // A namespaced object written without a namespace is keyed by its bare name, which sorts among the others.
  s.create(pod('b-bare', { namespace: '' }));
  assert.deepEqual(keyed(s.list('Pod')), ['a-b/y', 'a.b/w', 'a/b', 'a/z', 'ab/x', 'b-bare']);
  s.create(pod('a-bare', { namespace: '' }));
  assert.deepEqual(keyed(s.list('Pod')), ['a-b/y', 'a-bare', 'a.b/w', 'a/b', 'a/z', 'ab/x', 'b-bare']);
  assert.equal(s.get('Pod', undefined, 'a-bare')?.metadata.name, 'a-bare');
});
