// The three-way strategic merge behind `kubectl apply`: lists with a patch
// merge key merge element by element, other lists are replaced whole.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { threeWayMerge } from '../../../runtime/src/cluster/apply-merge';
import { listStrategies } from '../../../runtime/src/cluster/merge-keys';

const container = (extra: Record<string, unknown> = {}) => ({ name: 'kubia', image: 'luksa/kubia', ...extra });
const podOf = (containers: unknown[], extra: Record<string, unknown> = {}) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'kubia-manual' }, spec: { containers, ...extra } });

test('a container keeps its defaulted fields when only the image changes (containers merge by name)', () => {
  const last = podOf([container()]);
  const live = podOf([container({ imagePullPolicy: 'Always', terminationMessagePath: '/dev/termination-log' })], { restartPolicy: 'Always' });
  const merged = threeWayMerge('Pod', last, podOf([container({ image: 'luksa/kubia:v2' })]), live) as any;
  assert.deepEqual(merged.spec.containers, [container({ image: 'luksa/kubia:v2', imagePullPolicy: 'Always', terminationMessagePath: '/dev/termination-log' })]);
  assert.equal(merged.spec.restartPolicy, 'Always');
});

test('a container dropped from the manifest goes; one the manifest never listed stays', () => {
  const sidecar = { name: 'sidecar', image: 'busybox' };
  const debug = { name: 'debug', image: 'busybox' };
  const last = podOf([container(), sidecar]);
  const live = podOf([container(), sidecar, debug]);
  const merged = threeWayMerge('Pod', last, podOf([container()]), live) as any;
  assert.deepEqual(merged.spec.containers.map((c: any) => c.name), ['kubia', 'debug']);
});

test('env merges by name and ports by containerPort inside each container, in templates too', () => {
  const rc = (c: unknown) => ({ apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'kubia' }, spec: { template: { spec: { containers: [c] } } } });
  const last = rc(container({ env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }], ports: [{ containerPort: 8080 }] }));
  const live = rc(container({ env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }], ports: [{ containerPort: 8080, protocol: 'TCP' }] }));
  const desired = rc(container({ env: [{ name: 'A', value: 'changed' }], ports: [{ containerPort: 8080, name: 'http' }] }));
  const [c] = (threeWayMerge('ReplicationController', last, desired, live) as any).spec.template.spec.containers;
  assert.deepEqual(c.env, [{ name: 'A', value: 'changed' }]);
  assert.deepEqual(c.ports, [{ containerPort: 8080, name: 'http', protocol: 'TCP' }]);
});

test('Service ports merge by port: the allocated nodePort survives, a dropped targetPort goes', () => {
  const svc = (ports: unknown[]) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubia' }, spec: { type: 'NodePort', ports } });
  const last = svc([{ port: 80, targetPort: 8080 }]);
  const live = svc([{ port: 80, targetPort: 8080, nodePort: 30123, protocol: 'TCP' }]);
  const merged = threeWayMerge('Service', last, svc([{ port: 80 }]), live) as any;
  assert.deepEqual(merged.spec.ports, [{ port: 80, nodePort: 30123, protocol: 'TCP' }]);
});

test('a volume switched to another source keeps nothing of the old one (retainKeys)', () => {
  const last = podOf([container()], { volumes: [{ name: 'data', emptyDir: {} }] });
  const live = podOf([container()], { volumes: [{ name: 'data', emptyDir: {} }] });
  const desired = podOf([container()], { volumes: [{ name: 'data', hostPath: { path: '/tmp' } }] });
  assert.deepEqual((threeWayMerge('Pod', last, desired, live) as any).spec.volumes, [{ name: 'data', hostPath: { path: '/tmp' } }]);
});

test('tolerations and args are atomic: the manifest list replaces the live one', () => {
  const t = (key: string) => ({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
  const last = podOf([container({ args: ['a'] })], { tolerations: [t('x')] });
  const live = podOf([container({ args: ['a'] })], { tolerations: [t('x'), t('node.kubernetes.io/not-ready')] });
  const desired = podOf([container({ args: ['b'] })], { tolerations: [t('y')] });
  const merged = threeWayMerge('Pod', last, desired, live) as any;
  assert.deepEqual(merged.spec.tolerations, [t('y')]);
  assert.deepEqual(merged.spec.containers[0].args, ['b']);
});

test('finalizers merge as a set: others\' stay, ones dropped since the last apply go', () => {
  const ns = (finalizers: string[]) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x', finalizers } });
  const merged = threeWayMerge('Namespace', ns(['a', 'b']), ns(['a', 'c']), ns(['a', 'b', 'other'])) as any;
  assert.deepEqual(merged.metadata.finalizers, ['a', 'c', 'other']);
});

test('each kind with a pod template merges its containers by name', () => {
  assert.deepEqual(listStrategies('Pod').get('spec.containers'), { merge: 'key', key: 'name' });
  for (const kind of ['ReplicationController', 'ReplicaSet', 'DaemonSet', 'Job'])
    assert.deepEqual(listStrategies(kind).get('spec.template.spec.containers[].volumeMounts'), { merge: 'key', key: 'mountPath' }, kind);
  assert.deepEqual(listStrategies('CronJob').get('spec.jobTemplate.spec.template.spec.initContainers'), { merge: 'key', key: 'name' });
  assert.equal(listStrategies('Pod').get('spec.tolerations'), undefined);
});
