import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seedCluster } from './harness';

const kubiaManual = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'kubia-manual' },
  spec: { containers: [{ image: 'luksa/kubia', name: 'kubia', ports: [{ containerPort: 8080, protocol: 'TCP' }] }] },
};

test('kubectl create -f kubia-manual.yaml: Running 1/1 on a node, answering on 8080', () => {
  const s = seedCluster();
  const r = s.cluster.create(kubiaManual);
  assert.ok((r as any).ok !== false, JSON.stringify(r));
  s.cluster.advance(1_000);
  assert.equal(s.row('kubia-manual').STATUS, 'ContainerCreating');
  assert.equal(s.row('kubia-manual').READY, '0/1');
  s.cluster.advance(36_000);
  const row = s.row('kubia-manual', { wide: true });
  assert.deepEqual([row.READY, row.STATUS, row.RESTARTS, row.AGE], ['1/1', 'Running', '0', '37s']);
  const p = s.pod('kubia-manual')!;
  assert.equal(row.NODE, p.spec.nodeName);
  assert.equal(row.IP, p.status.podIP);
  const answer = s.kubeletOf('kubia-manual')!.request('default', 'kubia-manual', 8080);
  assert.deepEqual(answer, { ok: true, status: 200, body: "You've hit kubia-manual\n" });
  const logs = s.kubeletOf('kubia-manual')!.logs('default', 'kubia-manual', { container: 'kubia' });
  assert.ok(logs.ok && logs.text.startsWith('Kubia server starting...'));
});
