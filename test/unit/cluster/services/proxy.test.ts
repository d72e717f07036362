// kube-proxy's saved state: what survives a restore, and what does not.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCluster, restoreCluster } from '../../../../runtime/src/cluster/cluster';
import { createKubeProxy } from '../../../../runtime/src/cluster/services/proxy';
import { harness } from '../harness';

const KUBIA_RC = {
  apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'kubia' },
  spec: { replicas: 3, selector: { app: 'kubia' }, template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia', ports: [{ containerPort: 8080 }] }] } } },
};
const svc = (timeoutSeconds: number) => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubia' },
  spec: { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds } }, ports: [{ port: 80, targetPort: 8080 }], selector: { app: 'kubia' } },
});

function clientIPCluster(timeoutSeconds: number) {
  const c = createCluster({ seed: 'proxy' });
  assert.ok(c.create(KUBIA_RC).ok);
  assert.ok(c.create(svc(timeoutSeconds)).ok);
  c.advance(60_000);
  return c;
}

const podOf = (r: { ok: boolean; pod?: string; message?: string }) => (r.ok ? r.pod : r.message);

test('the affinity table is saved as components.kubeProxy with its timeout and virtual time', () => {
  const c = clientIPCluster(600);
  const [r] = c.proxy.requestService({ namespace: 'default', name: 'kubia', from: '10.0.0.5' }, 1);
  assert.ok(r.ok);
  const saved = c.state().components?.kubeProxy as any;
  assert.deepEqual(saved.affinity, { 'default/kubia:80|10.0.0.5': { ip: r.podIP, lastMs: c.clock.now(), timeoutSeconds: 600 } });
});

test('a restored cluster keeps each client on its pod', () => {
  const c = clientIPCluster(600);
  const target = { namespace: 'default', name: 'kubia', from: '10.0.0.5' };
  const [before] = c.proxy.requestService(target, 1);
  const restored = restoreCluster(JSON.parse(JSON.stringify(c.state())));
  // The restored generator continues where the first stopped, so only the table explains the same answers.
  assert.deepEqual(restored.proxy.requestService(target, 5).map(podOf), Array(5).fill(podOf(before)));
});

test('expired entries are not saved, and malformed saved entries are dropped on load', () => {
  const c = clientIPCluster(60);
  c.proxy.requestService({ namespace: 'default', name: 'kubia', from: '10.0.0.5' }, 1);
  c.advance(60_000);
  assert.deepEqual(c.proxy.save(), { affinity: {} });

  const h = harness({ nodes: 1 });
  const proxy = createKubeProxy({ store: h.store, rng: h.rng, clock: h.clock, kubelets: { get: () => undefined } });
  const good = { ip: '10.244.1.2', lastMs: h.clock.now(), timeoutSeconds: 60 };
  proxy.load({ affinity: { a: good, b: { ip: 1 }, c: null } });
  assert.deepEqual(proxy.save(), { affinity: { a: good } });
  proxy.load('nonsense');
  assert.deepEqual(proxy.save(), { affinity: {} });
});
