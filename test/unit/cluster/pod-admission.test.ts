import { test } from 'node:test';
import assert from 'node:assert/strict';
import { admitPod, computeQosClass, withDefaultTolerations } from '../../../runtime/src/cluster/pod-admission';
import { createCluster } from '../../../runtime/src/cluster/cluster';
import { describe, printTable } from '../../../runtime/src/cluster/printers/index';

const NOT_READY = { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 };
const UNREACHABLE = { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 };

const resources = (requests?: Record<string, string>, limits?: Record<string, string>) => ({ resources: { requests, limits } });

test('QoS class as ComputePodQOS: BestEffort, Burstable, Guaranteed', () => {
  assert.equal(computeQosClass({ containers: [{}] }), 'BestEffort');
  // Only cpu and memory count; a zero request is no request.
  assert.equal(computeQosClass({ containers: [resources({ 'ephemeral-storage': '1Gi', cpu: '0' })] }), 'BestEffort');
  assert.equal(computeQosClass({ containers: [resources({ cpu: '100m' })] }), 'Burstable');
  assert.equal(computeQosClass({ containers: [resources({ cpu: '1', memory: '1Gi' }, { cpu: '1000m', memory: '1Gi' })] }), 'Guaranteed');
  assert.equal(computeQosClass({ containers: [resources({ cpu: '500m', memory: '1Gi' }, { cpu: '1', memory: '1Gi' })] }), 'Burstable');
  // Every container must limit both cpu and memory, init containers included.
  const full = resources({ cpu: '1', memory: '1Gi' }, { cpu: '1', memory: '1Gi' });
  assert.equal(computeQosClass({ containers: [full, resources(undefined, { cpu: '1' })] }), 'Burstable');
  assert.equal(computeQosClass({ containers: [full], initContainers: [{}] }), 'Burstable');
  assert.equal(computeQosClass({ containers: [full, full] }), 'Guaranteed');
});

test('DefaultTolerationSeconds adds not-ready and unreachable unless the pod tolerates them', () => {
  assert.deepEqual(withDefaultTolerations(undefined), [NOT_READY, UNREACHABLE]);
  const own = { key: UNREACHABLE.key, operator: 'Exists', effect: 'NoExecute' };
  assert.deepEqual(withDefaultTolerations([own]), [own, NOT_READY]);
  // An empty key with no effect tolerates every taint already.
  assert.deepEqual(withDefaultTolerations([{ operator: 'Exists' }]), [{ operator: 'Exists' }]);
  // A NoSchedule toleration does not cover the NoExecute taint.
  const noSchedule = { key: NOT_READY.key, operator: 'Exists', effect: 'NoSchedule' };
  assert.deepEqual(withDefaultTolerations([noSchedule]), [noSchedule, NOT_READY, UNREACHABLE]);
});

test('admitPod: service account, priority, service links and a Pending status; other kinds untouched', () => {
  const pod = admitPod({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', uid: '', resourceVersion: '', creationTimestamp: '' }, spec: { containers: [{ name: 'c' }] } } as any);
  assert.equal(pod.spec.serviceAccountName, 'default');
  assert.equal(pod.spec.serviceAccount, 'default');
  assert.equal(pod.spec.priority, 0);
  assert.equal(pod.spec.preemptionPolicy, 'PreemptLowerPriority');
  assert.equal(pod.spec.enableServiceLinks, true);
  assert.deepEqual(pod.status, { phase: 'Pending', qosClass: 'BestEffort' });
  const legacy = admitPod({ kind: 'Pod', metadata: {}, spec: { serviceAccount: 'builder' } } as any);
  assert.equal(legacy.spec.serviceAccountName, 'builder');
  const rc = { kind: 'ReplicationController', metadata: {}, spec: {} } as any;
  assert.equal(admitPod(rc), rc);
});

test('kubectl describe pod of kubia-manual shows QoS Class BestEffort and the two default tolerations', () => {
  const c = createCluster();
  const r = c.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'kubia-manual' },
    spec: { containers: [{ image: 'luksa/kubia', name: 'kubia', ports: [{ containerPort: 8080, protocol: 'TCP' }] }] },
  });
  assert.ok(r.ok);
  c.advance(10_000);
  const pod = c.store.get('Pod', 'default', 'kubia-manual')!;
  assert.equal(pod.status.qosClass, 'BestEffort', 'the kubelet keeps the class admission computed');
  const text = describe(pod, { events: c.events.eventsFor(pod), now: c.clock.now() });
  assert.match(text, /\nQoS Class:\s+BestEffort\n/);
  assert.match(text, /\nService Account:\s+default\n/);
  assert.match(text, /\nTolerations:\s+node\.kubernetes\.io\/not-ready:NoExecute op=Exists for 300s\n\s+node\.kubernetes\.io\/unreachable:NoExecute op=Exists for 300s\n/);
  c.stop();
});

test('a Job pod carries controller-uid=<the Job uid> (admission keeps the uid it drew)', () => {
  const c = createCluster();
  const r = c.create({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'batch-job' },
    spec: { template: { metadata: { labels: { app: 'batch-job' } }, spec: { restartPolicy: 'OnFailure', containers: [{ name: 'main', image: 'luksa/batch-job' }] } } },
  });
  assert.ok(r.ok);
  const job = c.store.get('Job', 'default', 'batch-job')!;
  assert.equal(job.metadata.uid, r.object.metadata.uid);
  assert.equal(job.spec.selector.matchLabels['batch.kubernetes.io/controller-uid'], job.metadata.uid);
  assert.equal(job.spec.template.metadata.labels['controller-uid'], job.metadata.uid);
  c.advance(5_000);
  const pods = c.store.list('Pod', { namespace: 'default' });
  assert.equal(pods.length, 1);
  const table = printTable('Pod', pods, { now: c.clock.now(), showLabels: true });
  assert.match(table, new RegExp(`(^|[ ,])controller-uid=${job.metadata.uid}([ ,]|$)`, 'm'));
  c.stop();
});
