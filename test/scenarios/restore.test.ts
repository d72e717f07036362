// A restore is invisible: the same operations give the same `kubectl get pods
// -o wide`, `describe`, events and logs whether the cluster runs in one
// process or is saved and restored (through JSON, as the state directory
// does) after every 5 s of virtual time — what the CLI does between commands.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCluster, restoreCluster, type Cluster } from '../../runtime/src/cluster/cluster';
import { describe, printTable } from '../../runtime/src/cluster/printers/index';
import { resourceForKind } from '../../runtime/src/cluster/resources';
import { KUBIA_RC } from './service-cluster';

const STEP_MS = 5_000;

/** One operation at a step (before that step's advance). */
type Op = (c: Cluster) => void;

interface Scenario {
  name: string;
  steps: number;
  ops: Record<number, Op>;
}

const create = (obj: unknown): Op => (c) => assert.ok(c.create(obj).ok);

const kubiaManual = {
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'kubia-manual' },
  spec: { containers: [{ image: 'luksa/kubia', name: 'kubia', ports: [{ containerPort: 8080, protocol: 'TCP' }] }] },
};
const kubiaLiveness = {
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'kubia-liveness' },
  spec: { containers: [{ image: 'luksa/kubia-unhealthy', name: 'kubia', livenessProbe: { httpGet: { path: '/', port: 8080 } } }] },
};
const batchJob = {
  apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'batch-job' },
  spec: { template: { metadata: { labels: { app: 'batch-job' } }, spec: { restartPolicy: 'OnFailure', containers: [{ name: 'main', image: 'luksa/batch-job' }] } } },
};

/** Requests through the kubelet (port-forward): they count toward the behaviour model and the logs. */
const hitPod = (name: string): Op => (c) => {
  const pod = c.store.get('Pod', 'default', name)!;
  assert.ok(c.kubelets.get(pod.spec.nodeName)!.request('default', name, 8080, '/').ok);
};

const deleteFirstPod: Op = (c) => {
  const first = c.store.list('Pod', { namespace: 'default' })[0];
  assert.ok(c.delete(resourceForKind('Pod')!, 'default', first.metadata.name).ok);
};

const SCENARIOS: Scenario[] = [
  { name: 'kubia-manual runs and serves requests', steps: 16, ops: { 0: create(kubiaManual), 3: hitPod('kubia-manual'), 7: hitPod('kubia-manual') } },
  // Killed at ~70 s, SIGKILL 30 s later, restarted at once; the second kill lands in CrashLoopBackOff.
  { name: 'kubia-liveness restarts and goes into CrashLoopBackOff', steps: 42, ops: { 0: create(kubiaLiveness) } },
  { name: 'batch-job runs to completion', steps: 30, ops: { 0: create(batchJob) } },
  { name: 'an RC keeps 3 pods when one is deleted', steps: 18, ops: { 0: create(KUBIA_RC), 6: deleteFirstPod } },
];

/** What a user can see: tables, describe of every pod with its events, logs, events. */
function views(c: Cluster): string {
  const now = c.clock.now();
  const pods = c.store.list('Pod', { namespace: 'default' });
  const out = [printTable('Pod', pods, { now, wide: true })];
  for (const kind of ['ReplicationController', 'Job']) out.push(printTable(kind, c.store.list(kind, { namespace: 'default' }), { now }));
  for (const p of pods) {
    out.push(describe(p, { events: c.events.eventsFor(p), now }));
    const kubelet = c.kubelets.get(p.spec?.nodeName ?? '');
    for (const previous of [false, true]) {
      const logs = kubelet?.logs('default', p.metadata.name, { previous, timestamps: true });
      out.push(logs ? (logs.ok ? logs.text : logs.message) : '<no kubelet>');
    }
  }
  out.push(printTable('Event', c.store.list('Event', { namespace: 'default' }), { now }));
  return out.join('\n---\n');
}

function run(s: Scenario, restoreEachStep: boolean): string[] {
  let c = createCluster();
  const seen: string[] = [];
  for (let step = 0; step < s.steps; step++) {
    s.ops[step]?.(c);
    c.advance(STEP_MS);
    if (restoreEachStep) {
      const saved = JSON.parse(JSON.stringify(c.state()));
      c.stop();
      c = restoreCluster(saved);
    }
    seen.push(views(c));
  }
  c.stop();
  return seen;
}

for (const s of SCENARIOS) {
  test(`restoring after every ${STEP_MS / 1000} s changes nothing: ${s.name}`, () => {
    const straight = run(s, false);
    const restored = run(s, true);
    for (let i = 0; i < s.steps; i++) assert.equal(restored[i], straight[i], `after ${((i + 1) * STEP_MS) / 1000} s`);
  });
}

test('the liveness scenario really reaches its restart and CrashLoopBackOff', () => {
  const [last] = run(SCENARIOS[1], true).slice(-1);
  assert.match(last, /kubia-liveness\s+0\/1\s+CrashLoopBackOff\s+1 \(/);
  assert.match(last, /Last State:\s+Terminated\n\s+Reason:\s+Error\n\s+Exit Code:\s+137\n/);
});

test('the batch job completes and its pod logs both lines', () => {
  const [last] = run(SCENARIOS[2], true).slice(-1);
  assert.match(last, /batch-job\s+Complete\s+1\/1/);
  assert.match(last, /Batch job starting\n.*Finished succesfully\n/);
});
