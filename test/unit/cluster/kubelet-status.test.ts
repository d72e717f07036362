import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonEqual } from '../../../runtime/src/cluster/apply-merge';
import { createKubelet } from '../../../runtime/src/cluster/kubelet/kubelet';
import { generateStatus, hostAddresses } from '../../../runtime/src/cluster/kubelet/status';
import { createStatusMemo } from '../../../runtime/src/cluster/kubelet/status-memo';
import { harness } from './harness';

function withKubelet() {
  const h = harness();
  const kubelet = createKubelet({ nodeName: h.nodeNames[0], store: h.store, clock: h.clock, rng: h.rng, events: h.events });
  return { ...h, kubelet };
}

const sh = (name: string, script: string, extra: object = {}) => ({ name, image: 'busybox', command: ['sh', '-c', script], ...extra });

test('the posted status is always the one the runtime generates, though the kubelet generates it only after steps that change it', () => {
  const h = withKubelet();
  const node = h.nodeNames[0];
  h.pod('plain', { nodeName: node, containers: [{ name: 'c', image: 'luksa/kubia' }] });
  h.pod('crash', { nodeName: node, containers: [sh('c', 'echo hi; sleep 2; exit 1')] });
  h.pod('init', { nodeName: node, initContainers: [sh('i1', 'sleep 2'), sh('i2', 'exit 0')], containers: [{ name: 'app', image: 'luksa/kubia' }] });
  h.pod('liveness', { nodeName: node, containers: [{ name: 'c', image: 'luksa/kubia-unhealthy', livenessProbe: { httpGet: { path: '/', port: 8080 } } }] });
  h.pod('readiness', { nodeName: node, containers: [{ name: 'c', image: 'nginx:1.25', readinessProbe: { httpGet: { port: 80 }, periodSeconds: 3 } }] }, { annotations: { 'kubelab.io/behaviour-http': '200*4,500' } });
  h.pod('startup', { nodeName: node, containers: [{ name: 'c', image: 'luksa/kubia', startupProbe: { tcpSocket: { port: 8080 }, periodSeconds: 2 } }] }, { annotations: { 'kubelab.io/behaviour-startup-seconds': '7' } });
  h.pod('pullfail', { nodeName: node, containers: [{ name: 'c', image: 'nosuch:v1' }] }, { annotations: { 'kubelab.io/behaviour-image-pull': 'fail' } });
  h.pod('done', { nodeName: node, restartPolicy: 'Never', containers: [sh('c', 'sleep 4')] });
  const host = hostAddresses(h.store.get('Node', undefined, node)!.status.addresses.find((a: any) => a.type === 'InternalIP').address);
  for (let i = 0; i < 400; i++) {
    h.advance(i % 7 === 0 ? 2_000 : 250);
    if (i === 60) {
      const p = h.get('plain')!;
      h.store.update({ ...p, spec: { ...p.spec, containers: [{ ...p.spec.containers[0], image: 'luksa/kubia:v2' }] } });
    }
    if (i === 120) {
      const p = h.get('crash')!;
      h.store.update({ ...p, metadata: { ...p.metadata, deletionTimestamp: new Date(h.clock.now() + 5_000).toISOString(), deletionGracePeriodSeconds: 5 } });
    }
    for (const [key, rt] of Object.entries(h.kubelet.state().pods)) {
      const pod = h.get(key.split('/')[1])!;
      const fresh = generateStatus(rt, pod.status, host, h.clock.now(), createStatusMemo());
      assert.ok(jsonEqual(fresh, pod.status), `${key} at +${h.elapsed()} s:\n${JSON.stringify(pod.status)}\nshould be\n${JSON.stringify(fresh)}`);
    }
  }
});

test('a plain pod gets three status writes from bind to Ready, each one kubectl shows', () => {
  const h = withKubelet();
  const writes: string[] = [];
  h.store.watch((e) => {
    const s = e.object.status;
    const cond = (type: string) => s.conditions?.find((c: any) => c.type === type)?.status;
    if (e.type === 'MODIFIED') writes.push(`${s.phase} ip=${s.podIP ?? '-'} sandbox=${cond('PodReadyToStartContainers')} ready=${cond('Ready')}`);
  }, ['Pod']);
  h.pod('p', { nodeName: h.nodeNames[0], containers: [{ name: 'c', image: 'luksa/kubia' }] });
  h.advance(30_000);
  assert.deepEqual(writes, [
    'Pending ip=- sandbox=False ready=False',
    'Pending ip=10.244.0.2 sandbox=True ready=False',
    'Running ip=10.244.0.2 sandbox=True ready=True',
  ]);
});

test('pods started together share their conditions and container states, frozen, in statuses of their own', () => {
  const h = withKubelet();
  for (const name of ['a', 'b']) h.pod(name, { nodeName: h.nodeNames[0], containers: [{ name: 'c', image: 'luksa/kubia' }] });
  h.advance(30_000);
  const [a, b] = ['a', 'b'].map((n) => h.get(n)!.status);
  assert.equal(a.phase, 'Running');
  assert.notEqual(a, b);
  assert.notEqual(a.podIP, b.podIP);
  assert.equal(a.conditions, b.conditions);
  assert.equal(a.hostIPs, b.hostIPs);
  assert.equal(a.containerStatuses[0].state, b.containerStatuses[0].state);
  assert.ok(Object.isFrozen(a.conditions) && a.conditions.every((c: object) => Object.isFrozen(c)));
  assert.ok(Object.isFrozen(a.containerStatuses[0].state.running));
});
