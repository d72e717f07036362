import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyDefaults, prepareForCreate } from '../../../runtime/src/api/defaults';
import { pullPolicyFor } from '../../../runtime/src/api/defaults/pod';

type Any = Record<string, any>;
const d = (o: unknown) => applyDefaults(o) as Any;

const container = { name: 'kubia', image: 'luksa/kubia', ports: [{ containerPort: 8080 }] };
const template = (labels: Record<string, string> = { app: 'kubia' }, spec: Any = {}) => ({
  metadata: { labels },
  spec: { containers: [container], ...spec },
});

test('a Pod gets the PodSpec, container and Pod-only defaults (kubectl get po -o yaml)', () => {
  const pod = d({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'kubia-manual' }, spec: { containers: [container] } });
  assert.equal(pod.spec.restartPolicy, 'Always');
  assert.equal(pod.spec.dnsPolicy, 'ClusterFirst');
  assert.equal(pod.spec.terminationGracePeriodSeconds, 30);
  assert.equal(pod.spec.schedulerName, 'default-scheduler');
  assert.deepEqual(pod.spec.securityContext, {});
  assert.equal(pod.spec.enableServiceLinks, true);
  const c = pod.spec.containers[0];
  assert.equal(c.imagePullPolicy, 'Always');
  assert.equal(c.terminationMessagePath, '/dev/termination-log');
  assert.equal(c.terminationMessagePolicy, 'File');
  assert.equal(c.ports[0].protocol, 'TCP');
});

test('imagePullPolicy follows the tag: latest or none pulls always, a tag or digest if not present', () => {
  assert.equal(pullPolicyFor('luksa/kubia'), 'Always');
  assert.equal(pullPolicyFor('luksa/kubia:latest'), 'Always');
  assert.equal(pullPolicyFor('luksa/kubia:v1'), 'IfNotPresent');
  assert.equal(pullPolicyFor('localhost:5000/kubia'), 'Always');
  assert.equal(pullPolicyFor('localhost:5000/kubia:v2'), 'IfNotPresent');
  assert.equal(pullPolicyFor('nginx@sha256:abcd'), 'IfNotPresent');
  assert.equal(pullPolicyFor(''), 'IfNotPresent');
});

test('written values are kept, probes default only zero fields, httpGet gets path and scheme', () => {
  const pod = d({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: {
      restartPolicy: 'Never',
      containers: [{ name: 'c', image: 'x:1', imagePullPolicy: 'Never', livenessProbe: { httpGet: { port: 8080 }, initialDelaySeconds: 15, periodSeconds: 0 } }],
    },
  });
  assert.equal(pod.spec.restartPolicy, 'Never');
  const c = pod.spec.containers[0];
  assert.equal(c.imagePullPolicy, 'Never');
  assert.deepEqual(c.livenessProbe, {
    httpGet: { port: 8080, path: '/', scheme: 'HTTP' },
    initialDelaySeconds: 15,
    periodSeconds: 10,
    timeoutSeconds: 1,
    successThreshold: 1,
    failureThreshold: 3,
  });
});

test('Pod only: limits become requests, hostNetwork copies containerPort to hostPort; templates keep neither', () => {
  const spec = {
    hostNetwork: true,
    containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 80 }], resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '100m' } } }],
  };
  const pod = d({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });
  assert.deepEqual(pod.spec.containers[0].resources.requests, { cpu: '100m', memory: '128Mi' });
  assert.equal(pod.spec.containers[0].ports[0].hostPort, 80);
  const rs = d({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'r' }, spec: { template: { spec } } });
  const t = rs.spec.template.spec;
  assert.deepEqual(t.containers[0].resources.requests, { cpu: '100m' });
  assert.equal(t.containers[0].ports[0].hostPort, undefined);
  assert.equal(t.enableServiceLinks, undefined);
  assert.equal(t.restartPolicy, 'Always');
});

test('quantities are not rewritten', () => {
  const pod = d({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x', resources: { limits: { cpu: 0.5 } } }] } });
  assert.equal(pod.spec.containers[0].resources.limits.cpu, 0.5);
});

test('volumes: no source is an emptyDir, file modes default to 0644, hostPath type to ""', () => {
  const pod = d({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: { containers: [container], volumes: [{ name: 'a' }, { name: 'b', secret: { secretName: 's' } }, { name: 'c', hostPath: { path: '/x' } }] },
  });
  assert.deepEqual(pod.spec.volumes, [
    { name: 'a', emptyDir: {} },
    { name: 'b', secret: { secretName: 's', defaultMode: 0o644 } },
    { name: 'c', hostPath: { path: '/x', type: '' } },
  ]);
});

test('an RC without selector or labels takes its template labels, and 1 replica', () => {
  const rc = d({ apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'kubia' }, spec: { template: template() } });
  assert.deepEqual(rc.spec.selector, { app: 'kubia' });
  assert.deepEqual(rc.metadata.labels, { app: 'kubia' });
  assert.equal(rc.spec.replicas, 1);
  const written = d({ apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'k', labels: { x: 'y' } }, spec: { replicas: 3, selector: { app: 'kubia-rc' }, template: template() } });
  assert.deepEqual(written.spec.selector, { app: 'kubia-rc' });
  assert.deepEqual(written.metadata.labels, { x: 'y' });
  assert.equal(written.spec.replicas, 3);
  const noTemplate = d({ apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'k' }, spec: {} });
  assert.equal(noTemplate.spec.template, undefined);
});

test('apps/v1: RS gets replicas but no selector; DS gets a rolling update and ten revisions', () => {
  const rs = d({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'r' }, spec: { template: template() } });
  assert.equal(rs.spec.replicas, 1);
  assert.equal(rs.spec.selector, undefined);
  const ds = d({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'ssd-monitor' }, spec: { template: template() } });
  assert.deepEqual(ds.spec.updateStrategy, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
  assert.equal(ds.spec.revisionHistoryLimit, 10);
  const onDelete = d({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'x' }, spec: { updateStrategy: { type: 'OnDelete' } } });
  assert.deepEqual(onDelete.spec.updateStrategy, { type: 'OnDelete' });
  // The template is held by value: an absent one is still defaulted.
  assert.equal(onDelete.spec.template.spec.restartPolicy, 'Always');
});

test('Job defaults (§6): 1/1 when both unset, backoffLimit 6, labels from the template', () => {
  const job = d({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'batch-job' }, spec: { template: template({ app: 'batch-job' }, { restartPolicy: 'OnFailure' }) } });
  assert.equal(job.spec.completions, 1);
  assert.equal(job.spec.parallelism, 1);
  assert.equal(job.spec.backoffLimit, 6);
  assert.equal(job.spec.completionMode, 'NonIndexed');
  assert.equal(job.spec.suspend, false);
  assert.equal(job.spec.manualSelector, false);
  assert.equal(job.spec.podReplacementPolicy, 'TerminatingOrFailed');
  assert.deepEqual(job.metadata.labels, { app: 'batch-job' });
  assert.equal(job.spec.template.spec.restartPolicy, 'OnFailure');
  const multi = d({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'm' }, spec: { completions: 5, template: template() } });
  assert.equal(multi.spec.completions, 5);
  assert.equal(multi.spec.parallelism, 1);
  const perIndex = d({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'p' },
    spec: { backoffLimitPerIndex: 1, podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] }, template: template() },
  });
  assert.equal(perIndex.spec.backoffLimit, 2147483647);
  assert.equal(perIndex.spec.podReplacementPolicy, 'Failed');
  assert.equal(perIndex.spec.podFailurePolicy.rules[0].onPodConditions[0].status, 'True');
});

test('CronJob defaults, with only the pod template inside jobTemplate defaulted', () => {
  const cj = d({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'c' },
    spec: { schedule: '0,15,30,45 * * * *', jobTemplate: { spec: { template: template({}, { restartPolicy: 'OnFailure' }) } } },
  });
  assert.equal(cj.spec.concurrencyPolicy, 'Allow');
  assert.equal(cj.spec.suspend, false);
  assert.equal(cj.spec.successfulJobsHistoryLimit, 3);
  assert.equal(cj.spec.failedJobsHistoryLimit, 1);
  assert.equal(cj.spec.jobTemplate.spec.backoffLimit, undefined);
  assert.equal(cj.spec.jobTemplate.spec.template.spec.dnsPolicy, 'ClusterFirst');
});

test('Service defaults (§6)', () => {
  const svc = d({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubia' }, spec: { ports: [{ port: 80, targetPort: 8080 }, { name: 'b', port: 443 }], selector: { app: 'kubia' } } });
  assert.equal(svc.spec.type, 'ClusterIP');
  assert.equal(svc.spec.sessionAffinity, 'None');
  assert.equal(svc.spec.internalTrafficPolicy, 'Cluster');
  assert.equal(svc.spec.externalTrafficPolicy, undefined);
  assert.deepEqual(svc.spec.ports, [
    { port: 80, targetPort: 8080, protocol: 'TCP' },
    { name: 'b', port: 443, targetPort: 443, protocol: 'TCP' },
  ]);
  const lb = d({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'lb' }, spec: { type: 'LoadBalancer', sessionAffinity: 'ClientIP', ports: [{ port: 80 }] } });
  assert.equal(lb.spec.externalTrafficPolicy, 'Cluster');
  assert.equal(lb.spec.allocateLoadBalancerNodePorts, true);
  assert.deepEqual(lb.spec.sessionAffinityConfig, { clientIP: { timeoutSeconds: 10800 } });
  const ext = d({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'e' }, spec: { type: 'ExternalName', externalName: 'example.com', sessionAffinityConfig: { clientIP: {} } } });
  assert.equal(ext.spec.internalTrafficPolicy, undefined);
  assert.equal(ext.spec.sessionAffinityConfig, undefined);
  const withIPs = d({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' }, spec: { externalIPs: ['1.2.3.4'], ports: [{ port: 80 }] } });
  assert.equal(withIPs.spec.externalTrafficPolicy, 'Cluster');
});

test('Namespace: its own name as a label (overriding), status Active', () => {
  const ns = d({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'custom-namespace', labels: { 'kubernetes.io/metadata.name': 'x', team: 'a' } } });
  assert.deepEqual(ns.metadata.labels, { 'kubernetes.io/metadata.name': 'custom-namespace', team: 'a' });
  assert.deepEqual(ns.status, { phase: 'Active' });
});

test('applyDefaults never mutates its input and copies unknown kinds', () => {
  const input = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x' }] } };
  const before = structuredClone(input);
  const out = d(input);
  assert.deepEqual(input, before);
  assert.notEqual(out.spec, input.spec);
  const other = { apiVersion: 'apps/v1', kind: 'Deployment', spec: {} };
  const copy = applyDefaults(other);
  assert.deepEqual(copy, other);
  assert.notEqual(copy, other);
  assert.equal(applyDefaults('text'), 'text');
});

test('prepareForCreate generates the Job selector and labels (1.27+), keeping user values', () => {
  const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'batch-job' }, spec: { template: template({ app: 'batch-job', 'job-name': 'mine' }) } };
  const before = structuredClone(job);
  const out = prepareForCreate(job, { uid: 'u-1' }) as Any;
  assert.deepEqual(job, before);
  assert.equal(out.metadata.uid, 'u-1');
  assert.deepEqual(out.spec.template.metadata.labels, {
    app: 'batch-job',
    'job-name': 'mine',
    'batch.kubernetes.io/job-name': 'batch-job',
    'controller-uid': 'u-1',
    'batch.kubernetes.io/controller-uid': 'u-1',
  });
  assert.deepEqual(out.spec.selector, { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u-1' } });
  const manual = prepareForCreate({ ...job, spec: { ...job.spec, manualSelector: true } }, { uid: 'u' }) as Any;
  assert.equal(manual.spec.selector, undefined);
  assert.deepEqual(manual.spec.template.metadata.labels, { app: 'batch-job', 'job-name': 'mine' });
});

test('prepareForCreate: Service clusterIPs from clusterIP, Namespace finalizer, status cleared', () => {
  const svc = prepareForCreate({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { clusterIP: 'None' }, status: { loadBalancer: {} } }, { uid: 'u' }) as Any;
  assert.deepEqual(svc.spec.clusterIPs, ['None']);
  assert.equal(svc.status, undefined);
  const both = prepareForCreate({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { clusterIP: '10.0.0.1', clusterIPs: ['10.0.0.2'] } }, { uid: 'u' }) as Any;
  assert.deepEqual(both.spec.clusterIPs, ['10.0.0.2']);
  const ns = prepareForCreate({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n', namespace: 'x' } }, { uid: 'u' }) as Any;
  assert.deepEqual(ns.spec.finalizers, ['kubernetes']);
  assert.equal(ns.metadata.namespace, undefined);
  assert.deepEqual(ns.status, { phase: 'Active' });
});
