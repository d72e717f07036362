import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seedCluster } from './harness';

// kubia-gpu.yaml (KIA §3.5.2): scheduled only to nodes labelled gpu=true.
const kubiaGpu = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'kubia-gpu' },
  spec: { nodeSelector: { gpu: 'true' }, containers: [{ image: 'luksa/kubia', name: 'kubia' }] },
};

test('kubia-gpu stays Pending with the scheduler\'s message until a node is labelled gpu=true', () => {
  const s = seedCluster();
  s.cluster.create(kubiaGpu);
  s.cluster.advance(120_000);
  const row = s.row('kubia-gpu', { wide: true });
  assert.deepEqual([row.READY, row.STATUS, row.NODE], ['0/1', 'Pending', '<none>']);
  const message = "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
  const text = s.describePod('kubia-gpu');
  assert.ok(text.includes(`Warning  FailedScheduling`), text);
  assert.ok(text.includes(message), text);
  assert.match(text, /Node-Selectors:\s+gpu=true\n/);

  const target = s.cluster.store.list('Node')[0].metadata.name;
  s.cluster.nodes.label(target, { gpu: 'true' });
  s.cluster.advance(20_000);
  const after = s.row('kubia-gpu', { wide: true });
  assert.deepEqual([after.READY, after.STATUS, after.NODE], ['1/1', 'Running', target]);
  assert.ok(s.describePod('kubia-gpu').includes(`Successfully assigned default/kubia-gpu to ${target}`));
});
