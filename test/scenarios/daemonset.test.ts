// KIA ch.4 §4.4: the DaemonSet `ssd-monitor` runs only on nodes labelled disk=ssd.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, livePods, mustCreate, pods, workloadCluster } from './workload-harness';

const ssdMonitor = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'ssd-monitor' },
  spec: {
    selector: { matchLabels: { app: 'ssd-monitor' } },
    template: { metadata: { labels: { app: 'ssd-monitor' } }, spec: { nodeSelector: { disk: 'ssd' }, containers: [{ name: 'main', image: 'luksa/ssd-monitor' }] } },
  },
};

const status = (c: any) => c.store.get('DaemonSet', 'default', 'ssd-monitor').status;

test('ssd-monitor with nodeSelector disk=ssd: DESIRED 0 and no pods until a node is labelled', () => {
  const c = workloadCluster();
  mustCreate(c, ssdMonitor);
  c.advance(5_000);
  assert.equal(pods(c).length, 0);
  assert.deepEqual(status(c), { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0, observedGeneration: 1 });
});

test('labelling a node disk=ssd starts one pod there; removing the label kills it', () => {
  const c = workloadCluster();
  mustCreate(c, ssdMonitor);
  c.advance(1_000);
  const node = c.nodes.label('kubelab-worker2', { disk: 'ssd' });
  assert.ok(node.ok);
  c.tick();
  let ps = pods(c);
  assert.equal(ps.length, 1);
  assert.match(ps[0].metadata.name, /^ssd-monitor-\w{5}$/);
  assert.equal(ps[0].metadata.labels?.['pod-template-generation'], '1');
  assert.ok(ps[0].metadata.labels?.['controller-revision-hash']);
  c.advance(10_000);
  ps = pods(c);
  assert.equal(ps[0].spec.nodeName, 'kubelab-worker2');
  assert.equal(ps[0].status.phase, 'Running');
  assert.ok(ps[0].spec.tolerations.some((t: any) => t.key === 'node.kubernetes.io/unreachable' && t.operator === 'Exists' && t.tolerationSeconds === undefined));
  assert.deepEqual(status(c), {
    currentNumberScheduled: 1, numberMisscheduled: 0, desiredNumberScheduled: 1, numberReady: 1, observedGeneration: 1, updatedNumberScheduled: 1, numberAvailable: 1,
  });
  assert.deepEqual(eventsOf(c, 'DaemonSet', 'ssd-monitor').map((e) => `${e.reason} ${e.message}`), [`SuccessfulCreate Created pod: ${ps[0].metadata.name}`]);

  c.nodes.label('kubelab-worker2', { disk: null });
  c.tick();
  assert.equal(livePods(c).length, 0, 'the pod is terminating');
  c.advance(60_000);
  assert.equal(pods(c).length, 0);
  assert.equal(status(c).desiredNumberScheduled, 0);
});

test('a new node with the label gets a pod; a deleted daemon pod comes back on the same node', () => {
  const c = workloadCluster();
  mustCreate(c, ssdMonitor);
  c.nodes.add('ssd-node', { labels: { disk: 'ssd' } });
  c.advance(10_000);
  const [p] = pods(c);
  assert.equal(p.spec.nodeName, 'ssd-node');
  c.delete({ kind: 'Pod', group: '', version: 'v1', apiVersion: 'v1', namespaced: true, resource: 'pods', shortNames: ['po'] }, 'default', p.metadata.name);
  c.advance(60_000);
  const after = pods(c);
  assert.equal(after.length, 1);
  assert.notEqual(after[0].metadata.name, p.metadata.name);
  assert.equal(after[0].spec.nodeName, 'ssd-node');
});

test('a DaemonSet without a nodeSelector runs on every node, cordoned ones included', () => {
  const c = workloadCluster();
  c.nodes.cordon('kubelab-worker3', true);
  mustCreate(c, { ...ssdMonitor, spec: { ...ssdMonitor.spec, template: { ...ssdMonitor.spec.template, spec: { containers: ssdMonitor.spec.template.spec.containers } } } });
  c.advance(10_000);
  assert.deepEqual(pods(c).map((p) => p.spec.nodeName).sort(), ['kubelab-worker', 'kubelab-worker2', 'kubelab-worker3']);
  assert.equal(status(c).numberReady, 3);
});
