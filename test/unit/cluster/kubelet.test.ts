import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createKubelet } from '../../../runtime/src/cluster/kubelet/kubelet';
import { createBackoff } from '../../../runtime/src/cluster/kubelet/backoff';
import { harness } from './harness';

function withKubelet() {
  const h = harness();
  const kubelet = createKubelet({ nodeName: h.nodeNames[0], store: h.store, clock: h.clock, rng: h.rng, events: h.events });
  return { ...h, kubelet };
}

const reasons = (evs: any[]) => evs.map((e) => e.reason);
const state = (p: any, i = 0) => p.status.containerStatuses[i].state;

test('backoff: immediate first restart, then 10 s doubling to 5 min, reset after 10 min', () => {
  const b = createBackoff();
  const k = 'pod/c';
  assert.equal(b.inBackOffSince(k, 0, 0), false);
  b.next(k, 0);
  const gaps: number[] = [];
  let t = 0;
  for (let i = 0; i < 8; i++) {
    gaps.push(b.current(k)! / 1000);
    t += b.current(k)!;
    b.next(k, t);
  }
  assert.deepEqual(gaps, [10, 20, 40, 80, 160, 300, 300, 300]);
  assert.equal(b.inBackOffSince(k, t + 700_000, t + 700_001), false, 'an entry untouched for 2 × max starts over');
  b.next(k, t + 700_000);
  assert.equal(b.current(k), 10_000);
});

test('a luksa/kubia pod goes ContainerCreating → Running with an IP and the kubelet events', () => {
  const h = withKubelet();
  h.pod('kubia-manual', { nodeName: h.nodeNames[0], containers: [{ name: 'kubia', image: 'luksa/kubia', ports: [{ containerPort: 8080, protocol: 'TCP' }] }] });
  h.advance(200);
  let p = h.get('kubia-manual')!;
  assert.equal(p.status.phase, 'Pending');
  assert.deepEqual(state(p), { waiting: { reason: 'ContainerCreating' } });
  h.advance(10_000);
  p = h.get('kubia-manual')!;
  assert.equal(p.status.phase, 'Running');
  assert.match(p.status.podIP, /^10\.244\.0\.\d+$/);
  assert.ok(state(p).running.startedAt);
  assert.deepEqual(p.status.conditions.map((c: any) => `${c.type}=${c.status}`), [
    'PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True',
  ]);
  assert.deepEqual(reasons(h.eventsOf('kubia-manual')), ['Pulling', 'Pulled', 'Created', 'Started']);
  const pulled = h.eventsOf('kubia-manual')[1];
  assert.match(String(pulled.message), /^Successfully pulled image "luksa\/kubia" in 4s \(4s including waiting\)\. Image size: \d+ bytes\.$/);
  const r = h.kubelet.request('default', 'kubia-manual', 8080);
  assert.deepEqual(r, { ok: true, status: 200, body: "You've hit kubia-manual\n" });
  const logs = h.kubelet.logs('default', 'kubia-manual');
  assert.ok(logs.ok && logs.text.startsWith('Kubia server starting...\nReceived request from ::ffff:'));
});

test('kubia-unhealthy: three failed liveness probes, Killing, SIGKILL after 30 s → 137, restart 1', () => {
  const h = withKubelet();
  h.pod('kubia-liveness', {
    nodeName: h.nodeNames[0],
    containers: [{ name: 'kubia', image: 'luksa/kubia-unhealthy', livenessProbe: { httpGet: { path: '/', port: 8080 } } }],
  });
  h.advance(60_000);
  const unhealthy = h.eventsOf('kubia-liveness').filter((e) => e.reason === 'Unhealthy');
  assert.equal(unhealthy.length, 1, 'requests 1–5 succeed, the sixth (at +50 s) fails');
  assert.equal(unhealthy[0].message, 'Liveness probe failed: HTTP probe failed with statuscode: 500');
  h.advance(20_000);
  const killing = h.eventsOf('kubia-liveness').find((e) => e.reason === 'Killing');
  assert.equal(killing?.message, 'Container kubia failed liveness probe, will be restarted');
  assert.equal(h.get('kubia-liveness')!.status.containerStatuses[0].restartCount, 0, 'SIGTERM is ignored; the grace period runs');
  h.advance(40_000);
  const cs = h.get('kubia-liveness')!.status.containerStatuses[0];
  assert.equal(cs.restartCount, 1);
  assert.ok(cs.state.running);
  assert.equal(cs.lastState.terminated.exitCode, 137);
  assert.equal(cs.lastState.terminated.reason, 'Error');
  assert.equal(h.get('kubia-liveness')!.status.phase, 'Running');
});

test('a crashing container goes into CrashLoopBackOff with the growing back-off message', () => {
  const h = withKubelet();
  h.pod('crash', { nodeName: h.nodeNames[0], containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] }] });
  h.advance(8_000);
  let cs = h.get('crash')!.status.containerStatuses[0];
  assert.equal(cs.restartCount, 1, 'the first crash restarts at once');
  assert.equal(cs.state.waiting.reason, 'CrashLoopBackOff');
  const uid = h.get('crash')!.metadata.uid;
  assert.equal(cs.state.waiting.message, `back-off 10s restarting failed container=c pod=crash_default(${uid})`);
  assert.equal(cs.lastState.terminated.exitCode, 1);
  assert.equal(h.get('crash')!.status.phase, 'Running', 'a crash-looping container counts as stopped, so the pod stays Running');
  h.advance(60_000);
  cs = h.get('crash')!.status.containerStatuses[0];
  assert.equal(cs.state.waiting.message, `back-off 40s restarting failed container=c pod=crash_default(${uid})`);
  assert.ok(h.eventsOf('crash').some((e) => e.reason === 'BackOff' && e.message === `Back-off restarting failed container c in pod crash_default(${uid})`));
});

test('restartPolicy Never: a failed container leaves the pod Failed; exit 0 leaves it Succeeded', () => {
  const h = withKubelet();
  h.pod('fails', { nodeName: h.nodeNames[0], restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36', command: ['false'] }] });
  h.pod('works', { nodeName: h.nodeNames[0], restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '5'] }] });
  h.advance(30_000);
  assert.equal(h.get('fails')!.status.phase, 'Failed');
  assert.equal(h.get('works')!.status.phase, 'Succeeded');
  const ready = h.get('works')!.status.conditions.find((c: any) => c.type === 'Ready');
  assert.equal(ready.reason, 'PodCompleted');
  assert.equal(state(h.get('works')).terminated.reason, 'Completed');
});

test('readiness: not ready until the first probe passes, then ready; failures only unready', () => {
  const h = withKubelet();
  h.pod('web', {
    nodeName: h.nodeNames[0],
    containers: [{ name: 'web', image: 'nginx:1.27', readinessProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 5 } }],
  }, { annotations: { 'kubelab.io/behaviour-http': '200*2,503' } });
  h.advance(6_000);
  assert.equal(h.get('web')!.status.containerStatuses[0].ready, false);
  h.advance(3_000);
  assert.equal(h.get('web')!.status.containerStatuses[0].ready, true);
  h.advance(60_000);
  const p = h.get('web')!;
  assert.equal(p.status.containerStatuses[0].ready, false);
  assert.equal(p.status.containerStatuses[0].restartCount, 0);
  assert.ok(h.eventsOf('web').some((e) => e.message === 'Readiness probe failed: HTTP probe failed with statuscode: 503'));
});

test('deleting a pod stops its containers within the grace period and removes it', () => {
  const h = withKubelet();
  h.pod('kubia', { nodeName: h.nodeNames[0], containers: [{ name: 'kubia', image: 'luksa/kubia' }] });
  h.advance(10_000);
  const p = h.get('kubia')!;
  h.store.update({ ...p, metadata: { ...p.metadata, deletionTimestamp: new Date(h.clock.now() + 30_000).toISOString().replace(/\.\d{3}Z$/, 'Z'), deletionGracePeriodSeconds: 30 } });
  h.advance(1_000);
  assert.ok(h.get('kubia'), 'kubia ignores SIGTERM: the pod waits for the SIGKILL');
  assert.ok(h.eventsOf('kubia').some((e) => e.reason === 'Killing' && e.message === 'Stopping container kubia'));
  h.advance(30_000);
  assert.equal(h.get('kubia'), undefined);
});

test('image pull failure: ErrImagePull, then ImagePullBackOff', () => {
  const h = withKubelet();
  h.pod('bad', { nodeName: h.nodeNames[0], containers: [{ name: 'c', image: 'nosuch/image:1' }] }, { annotations: { 'kubelab.io/behaviour-image-pull': 'fail' } });
  h.advance(4_000);
  assert.equal(state(h.get('bad')).waiting.reason, 'ErrImagePull');
  h.advance(1_000);
  assert.equal(state(h.get('bad')).waiting.reason, 'ImagePullBackOff');
  assert.ok(h.eventsOf('bad').some((e) => e.message === 'Error: ImagePullBackOff'));
});
