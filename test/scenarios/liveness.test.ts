import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seedCluster } from './harness';

// kubia-liveness-probe.yaml (KIA §4.1.2): luksa/kubia-unhealthy answers 500 from the sixth request.
const kubiaLiveness = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'kubia-liveness' },
  spec: { containers: [{ image: 'luksa/kubia-unhealthy', name: 'kubia', livenessProbe: { httpGet: { path: '/', port: 8080 } } }] },
};

test('kubia-liveness is restarted once its liveness probe fails, and describe says why', () => {
  const s = seedCluster();
  s.cluster.create(kubiaLiveness);
  s.cluster.advance(90_000);
  assert.equal(s.row('kubia-liveness').RESTARTS, '0', 'killed at ~75 s, SIGKILL only after the 30 s grace period');
  s.cluster.advance(30_000);
  const row = s.row('kubia-liveness');
  assert.deepEqual([row.READY, row.STATUS], ['1/1', 'Running']);
  assert.match(row.RESTARTS, /^1 \(\d+s ago\)$/);
  const text = s.describePod('kubia-liveness');
  assert.match(text, /Last State:\s+Terminated\n\s+Reason:\s+Error\n\s+Exit Code:\s+137\n/);
  assert.match(text, /Restart Count:\s+1\n/);
  assert.match(text, /Liveness:\s+http-get http:\/\/:8080\/ delay=0s timeout=1s period=10s #success=1 #failure=3\n/);
  assert.match(text, /Warning\s+Unhealthy\s+\S+ \(x3 over \S+\)\s+kubelet\s+Liveness probe failed: HTTP probe failed with statuscode: 500\n/);
  assert.match(text, /Normal\s+Killing\s+\S+\s+kubelet\s+Container kubia failed liveness probe, will be restarted\n/);
});
