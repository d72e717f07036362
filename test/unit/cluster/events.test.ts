import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClock, rfc3339 } from '../../../runtime/src/cluster/clock';
import { createEventRecorder, EVENT_TTL_MS } from '../../../runtime/src/cluster/events';
import { createRng } from '../../../runtime/src/cluster/random';
import { createStore } from '../../../runtime/src/cluster/store/store';
import type { KubeObject } from '../../../runtime/src/cluster/types';

function fresh() {
  const clock = createClock();
  const store = createStore({ clock, rng: createRng('events') });
  const events = createEventRecorder({ store, clock });
  const pod = store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'kubia', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' }, spec: {} });
  return { clock, store, events, pod };
}

const KUBELET = { component: 'kubelet', host: 'kubelab-worker' };

test('an event names its object, source and first/last timestamps, with count 1', () => {
  const { clock, events, pod } = fresh();
  events.record(pod, 'Normal', 'Pulling', 'Pulling image "luksa/kubia"', KUBELET);
  const [e] = events.eventsFor(pod) as KubeObject[];
  assert.equal(e.metadata.namespace, 'default');
  assert.ok(e.metadata.name.startsWith('kubia.'));
  assert.deepEqual(e.involvedObject, { kind: 'Pod', namespace: 'default', name: 'kubia', uid: pod.metadata.uid, apiVersion: 'v1', resourceVersion: pod.metadata.resourceVersion });
  assert.deepEqual(e.source, KUBELET);
  assert.equal(e.count, 1);
  assert.equal(e.firstTimestamp, rfc3339(clock.now()));
  assert.equal(e.lastTimestamp, e.firstTimestamp);
});

test('an identical repeat increments count and moves lastTimestamp only (describe: "x3 over 20s")', () => {
  const { clock, events, pod } = fresh();
  const start = rfc3339(clock.now());
  for (let i = 0; i < 3; i++) {
    events.record(pod, 'Warning', 'BackOff', 'Back-off restarting failed container kubia in pod kubia_default', KUBELET);
    clock.advance(10_000);
  }
  const all = events.eventsFor(pod) as KubeObject[];
  assert.equal(all.length, 1);
  assert.equal(all[0].count, 3);
  assert.equal(all[0].firstTimestamp, start);
  assert.equal(all[0].lastTimestamp, rfc3339(clock.now() - 10_000));
});

test('a different reason, message or source is a separate event, listed oldest first', () => {
  const { clock, events, pod } = fresh();
  events.record(pod, 'Normal', 'Pulling', 'Pulling image "luksa/kubia"', KUBELET);
  clock.advance(1000);
  events.record(pod, 'Normal', 'Pulled', 'Successfully pulled image "luksa/kubia"', KUBELET);
  events.record(pod, 'Normal', 'Pulled', 'Successfully pulled image "luksa/kubia"', { component: 'kubelet', host: 'kubelab-worker2' });
  events.record(pod, 'Normal', 'Pulled', 'Successfully pulled image "luksa/kubia"', { component: 'default-scheduler' });
  assert.deepEqual((events.eventsFor(pod) as KubeObject[]).map((e) => [e.reason, e.count]), [['Pulling', 1], ['Pulled', 2], ['Pulled', 1]]);
});

test('events expire an hour after their last occurrence, and a repeat extends that', () => {
  const { clock, store, events, pod } = fresh();
  events.record(pod, 'Normal', 'Started', 'Started container kubia', KUBELET);
  clock.advance(EVENT_TTL_MS - 60_000);
  events.record(pod, 'Normal', 'Started', 'Started container kubia', KUBELET);
  clock.advance(60_000);
  assert.equal(store.list('Event').length, 1, 'the repeat moved the expiry');
  clock.advance(EVENT_TTL_MS);
  assert.equal(store.list('Event').length, 0);
});

/** The recorder of a cluster restored from `first`'s store at the same virtual instant (a CLI command without `time advance`). */
function restoredFrom(first: ReturnType<typeof fresh>) {
  const clock = createClock(first.clock.now());
  const store = createStore({ clock, rng: createRng('events') });
  store.load(JSON.parse(JSON.stringify(first.store.dump())));
  const events = createEventRecorder({ store, clock });
  events.resync();
  return { clock, store, events };
}

test('after a restore the aggregation continues on the stored event', () => {
  const first = fresh();
  first.events.record(first.pod, 'Normal', 'Killing', 'Stopping container kubia', KUBELET);
  const { store, events } = restoredFrom(first);
  events.record(first.pod, 'Normal', 'Killing', 'Stopping container kubia', KUBELET);
  assert.deepEqual(store.list('Event').map((e) => e.count), [2]);
});

test('after a restore at the same instant a new event gets a name no stored event has', () => {
  const first = fresh();
  first.events.record(first.pod, 'Normal', 'Pulling', 'Pulling image "luksa/kubia"', KUBELET);
  first.events.record(first.pod, 'Normal', 'Pulled', 'Successfully pulled image "luksa/kubia"', KUBELET);
  const { store, events } = restoredFrom(first);
  const before = new Set(store.list('Event').map((e) => e.metadata.name));
  events.record(first.pod, 'Normal', 'Killing', 'Stopping container kubia', KUBELET);
  events.record(first.pod, 'Normal', 'Created', 'Created container kubia', KUBELET);
  const names = store.list('Event').map((e) => e.metadata.name);
  assert.equal(names.length, 4);
  assert.equal(new Set(names).size, 4);
  const added = names.filter((n) => !before.has(n));
  assert.equal(added.length, 2);
  for (const n of added) assert.match(n, /^kubia\.[0-9a-f]+$/);
  // Same-instant events still list in the order they happened (describe's tie-break is the name).
  assert.deepEqual(events.eventsFor(first.pod).map((e) => e.reason), ['Pulling', 'Pulled', 'Killing', 'Created']);
});

test('an event is named after its object and the unix nanoseconds in hex, same-instant events counting up the sub-millisecond digits', () => {
  const { clock, events, pod } = fresh();
  events.record(pod, 'Normal', 'Pulling', 'Pulling image "luksa/kubia"', KUBELET);
  events.record(pod, 'Normal', 'Pulled', 'Successfully pulled image "luksa/kubia"', KUBELET);
  const nanos = BigInt(clock.now()) * 1_000_000n;
  assert.deepEqual(events.eventsFor(pod).map((e) => e.metadata.name), [`kubia.${nanos.toString(16)}`, `kubia.${(nanos + 1n).toString(16)}`]);
});

test('event names carry the exact unix nanoseconds at any instant: from the epoch on, and where the sub-millisecond digits carry', () => {
  const clock = createClock(0);
  const store = createStore({ clock, rng: createRng('names') });
  const events = createEventRecorder({ store, clock });
  const pod = store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'kubia', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' }, spec: {} });
  const expected: string[] = [];
  let seq = 0;
  // 2^24 ns falls between 16 and 17 ms; 2^24 ms leaves few low digits; the last steps are today's millisecond counts.
  for (const at of [0, 1, 16, 17, 2 ** 24, 2 ** 31, 1_767_225_600_000, 1_767_225_600_017]) {
    clock.setNow(at);
    for (let i = 0; i < 3; i++, seq++) {
      events.record(pod, 'Normal', 'Pulled', `message ${seq}`, KUBELET);
      expected.push(`kubia.${(BigInt(at) * 1_000_000n + BigInt(seq)).toString(16)}`);
    }
  }
  assert.deepEqual(events.eventsFor(pod).map((e) => e.metadata.name).sort(), expected.sort());
});

test('events of one component on one host share a source, and expire in the order of their last occurrence', () => {
  const { clock, store, events, pod } = fresh();
  events.record(pod, 'Normal', 'Pulling', 'Pulling image "luksa/kubia"', KUBELET);
  clock.advance(1000);
  events.record(pod, 'Normal', 'Pulled', 'Successfully pulled image "luksa/kubia"', { ...KUBELET });
  clock.advance(1000);
  events.record(pod, 'Normal', 'Pulling', 'Pulling image "luksa/kubia"', KUBELET);
  const [pulling, pulled] = events.eventsFor(pod);
  assert.equal(pulling.source, pulled.source);
  clock.advance(EVENT_TTL_MS - 500);
  assert.deepEqual(store.list('Event').map((e) => e.reason), ['Pulling'], 'Pulled expired first: Pulling repeated after it');
  clock.advance(1000);
  assert.deepEqual(store.list('Event'), []);
});

test('events about one version of an object share its involvedObject; a new version gets its own', () => {
  const { store, events, pod } = fresh();
  events.record(pod, 'Normal', 'Created', 'Created container: kubia', KUBELET);
  events.record(pod, 'Normal', 'Started', 'Started container kubia', KUBELET);
  const updated = store.updateStatus({ ...pod, status: { phase: 'Running' } });
  events.record(updated, 'Normal', 'Killing', 'Stopping container kubia', KUBELET);
  const [created, started, killing] = events.eventsFor(pod);
  assert.equal(created.involvedObject, started.involvedObject);
  assert.notEqual(killing.involvedObject, started.involvedObject);
  assert.equal((killing.involvedObject as { resourceVersion: string }).resourceVersion, updated.metadata.resourceVersion);
});
