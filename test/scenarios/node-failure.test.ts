// "Kubernetes in Action" ch.4: when a node fails, the RC replaces its pods on
// the other nodes (after the 50 s grace period and the 300 s tolerations),
// while a DaemonSet's pod is not moved.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NODE_MONITOR_GRACE_MS } from '../../runtime/src/cluster/nodes';
import type { Cluster } from '../../runtime/src/cluster/cluster';
import { created, KUBIA_RC, KUBIA_SVC, kubectlGet, rows, serviceCluster } from './service-cluster';

const SSD_MONITOR = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'ssd-monitor' },
  spec: {
    selector: { matchLabels: { app: 'ssd-monitor' } },
    template: { metadata: { labels: { app: 'ssd-monitor' } }, spec: { containers: [{ name: 'main', image: 'luksa/ssd-monitor' }] } },
  },
};

const podsOn = (c: Cluster, node: string, app: string) => c.store.list('Pod', { fieldNodeName: node }).filter((p) => p.metadata.labels?.app === app);
const nodeStatus = (c: Cluster, node: string) => rows(kubectlGet(c, 'Node')).find((r) => r[0] === node)![1];
const podRow = (c: Cluster, name: string) => rows(kubectlGet(c, 'Pod')).find((r) => r[0] === name);

function setup() {
  const c = serviceCluster('node-failure');
  created(c.create(KUBIA_RC));
  created(c.create(KUBIA_SVC));
  created(c.create(SSD_MONITOR));
  c.advance(30_000);
  const failed = c.store.list('Pod').find((p) => p.metadata.labels?.app === 'kubia')!.spec.nodeName as string;
  return { c, failed };
}

test('a failed node turns NotReady after the grace period and its pods leave the endpoints', () => {
  const { c, failed } = setup();
  const victim = podsOn(c, failed, 'kubia')[0];
  c.nodes.fail(failed);
  c.advance(NODE_MONITOR_GRACE_MS - 1_000);
  assert.equal(nodeStatus(c, failed), 'Ready');
  c.advance(1_000);
  assert.equal(nodeStatus(c, failed), 'NotReady');
  const addresses = (c.store.get('Endpoints', 'default', 'kubia')!.subsets as any[]).flatMap((s) => (s.addresses ?? []).map((a: any) => a.targetRef.name));
  assert.ok(!addresses.includes(victim.metadata.name));
  assert.equal(addresses.length, 2);
  assert.deepEqual((c.store.get('Node', undefined, failed)!.spec.taints as any[]).map((t) => `${t.key}:${t.effect}`).sort(), [
    'node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule',
  ]);
});

test('RC pods of the failed node are evicted after 300 s and replaced on other nodes; the DaemonSet pod stays', () => {
  const { c, failed } = setup();
  const victims = podsOn(c, failed, 'kubia').map((p) => p.metadata.name);
  const daemon = podsOn(c, failed, 'ssd-monitor').map((p) => p.metadata.name);
  const daemonCount = c.store.list('Pod').filter((p) => p.metadata.labels?.app === 'ssd-monitor').length;
  c.nodes.fail(failed);
  c.advance(NODE_MONITOR_GRACE_MS + 299_000);
  for (const v of victims) assert.equal(podRow(c, v)![2], 'Running', 'still within the tolerations');
  c.advance(1_000);
  for (const v of victims) assert.equal(podRow(c, v)![2], 'Terminating', 'the kubelet is gone, so the pod stays Terminating');
  c.advance(30_000);
  const running = c.store.list('Pod').filter((p) => p.metadata.labels?.app === 'kubia' && !p.metadata.deletionTimestamp);
  assert.equal(running.length, 3);
  assert.ok(running.every((p) => p.spec.nodeName !== failed && p.status.phase === 'Running'));
  for (const d of daemon) assert.equal(c.store.get('Pod', 'default', d)!.metadata.deletionTimestamp, undefined);
  assert.equal(c.store.list('Pod').filter((p) => p.metadata.labels?.app === 'ssd-monitor').length, daemonCount, 'no DaemonSet pod elsewhere');
  assert.ok(c.events.eventsFor(c.store.get('Pod', 'default', victims[0])!).some((e) => e.reason === 'TaintManagerEviction'));
});

test('a restored node comes back Ready, and the evicted pods finish there', () => {
  const { c, failed } = setup();
  const victims = podsOn(c, failed, 'kubia').map((p) => p.metadata.name);
  c.nodes.fail(failed);
  c.advance(NODE_MONITOR_GRACE_MS + 330_000);
  c.nodes.restore(failed);
  c.advance(60_000);
  assert.equal(nodeStatus(c, failed), 'Ready');
  assert.equal(c.store.get('Node', undefined, failed)!.spec.taints, undefined);
  for (const v of victims) assert.equal(c.store.get('Pod', 'default', v), undefined);
  assert.equal(c.store.list('Pod').filter((p) => p.metadata.labels?.app === 'kubia').length, 3);
});
