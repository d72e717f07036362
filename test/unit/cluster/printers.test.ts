import { test } from 'node:test';
import assert from 'node:assert/strict';
import { humanDuration, goDuration, podColumns, printTable, tabwrite, describe } from '../../../runtime/src/cluster/printers/index';

const T0 = Date.UTC(2026, 0, 1);
const at = (s: number) => new Date(T0 + s * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

test('AGE in kubectl\'s short form (HumanDuration)', () => {
  const cases: [number, string][] = [[37, '37s'], [119, '119s'], [214, '3m34s'], [300, '5m'], [3900, '65m'], [5 * 3600 + 600, '5h10m'], [19 * 3600, '19h'], [3 * 86400 + 4 * 3600, '3d4h'], [100 * 86400, '100d'], [(2 * 365 + 30) * 86400, '2y30d']];
  for (const [s, text] of cases) assert.equal(humanDuration(s * 1000), text, `${s}s`);
});

test('Go durations in kubelet messages', () => {
  assert.deepEqual([10_000, 300_000, 800, 1500, 3_600_000].map(goDuration), ['10s', '5m0s', '800ms', '1.5s', '1h0m0s']);
});

test('tabwriter pads each run of lines sharing a column', () => {
  assert.equal(tabwrite('Name:\tx\nService Account:\tdefault\nIPs:\n  IP:\t1', 2), 'Name:             x\nService Account:  default\nIPs:\n  IP:  1');
});

const pod = (status: any, meta: any = {}, spec: any = { containers: [{ name: 'c' }] }) => ({ metadata: { name: 'p', creationTimestamp: at(0), ...meta }, spec, status });

test('pod STATUS as kubectl computes it', () => {
  const running = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [{ name: 'c', ready: true, restartCount: 0, state: { running: {} } }] };
  assert.deepEqual(podColumns(pod(running), T0), { ready: '1/1', status: 'Running', restarts: '0' });
  assert.equal(podColumns(pod({ phase: 'Pending', containerStatuses: [{ state: { waiting: { reason: 'ContainerCreating' } } }] }), T0).status, 'ContainerCreating');
  assert.equal(podColumns(pod({ phase: 'Pending' }), T0).status, 'Pending');
  const crash = { phase: 'Running', containerStatuses: [{ restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, finishedAt: at(50) } } }] };
  assert.deepEqual(podColumns(pod(crash), T0 + 60_000), { ready: '0/1', status: 'CrashLoopBackOff', restarts: '3 (10s ago)' });
  assert.equal(podColumns(pod({ phase: 'Succeeded', containerStatuses: [{ state: { terminated: { exitCode: 0, reason: 'Completed' } } }] }), T0).status, 'Completed');
  assert.equal(podColumns(pod({ phase: 'Failed', containerStatuses: [{ state: { terminated: { exitCode: 2, reason: 'Error' } } }] }), T0).status, 'Error');
  assert.equal(podColumns(pod({ phase: 'Failed', containerStatuses: [{ state: { terminated: { exitCode: 2 } } }] }), T0).status, 'ExitCode:2');
  assert.equal(podColumns(pod(running, { deletionTimestamp: at(30) }), T0).status, 'Terminating');
  const init = { phase: 'Pending', initContainerStatuses: [{ state: { waiting: { reason: 'PodInitializing' } } }] };
  assert.equal(podColumns(pod(init, {}, { initContainers: [{ name: 'i' }], containers: [{ name: 'c' }] }), T0).status, 'Init:0/1');
  const sidecarDone = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [
    { ready: true, state: { running: {} } }, { state: { terminated: { exitCode: 0, reason: 'Completed' } } }] };
  assert.equal(podColumns(pod(sidecarDone, {}, { containers: [{ name: 'a' }, { name: 'b' }] }), T0).status, 'Running');
});

test('get pods table: columns, -o wide, --show-labels and -L', () => {
  const p = pod({ phase: 'Running', podIP: '10.244.1.4', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [{ ready: true, restartCount: 0, state: { running: {} } }] },
    { name: 'kubia-manual', labels: { env: 'prod', creation_method: 'manual' } }, { nodeName: 'minikube-m02', containers: [{ name: 'kubia' }] });
  const now = T0 + 11 * 60_000;
  assert.equal(printTable('Pod', [p], { now, wide: true }),
    'NAME           READY   STATUS    RESTARTS   AGE   IP           NODE           NOMINATED NODE   READINESS GATES\n' +
    'kubia-manual   1/1     Running   0          11m   10.244.1.4   minikube-m02   <none>           <none>\n');
  assert.match(printTable('Pod', [p], { now, showLabels: true }), /LABELS\n.*creation_method=manual,env=prod\n$/);
  assert.match(printTable('Pod', [p], { now, labelColumns: ['creation_method', 'env'] }), /CREATION_METHOD   ENV\n.*manual            prod\n$/);
  assert.match(printTable('Pod', [p], { now, allNamespaces: true }), /^NAMESPACE   NAME/);
  assert.equal(printTable('Pod', [], { now }), '');
});

test('get nodes: STATUS with SchedulingDisabled, ROLES from labels', () => {
  const node = { metadata: { name: 'minikube', creationTimestamp: at(0), labels: { 'node-role.kubernetes.io/control-plane': '', 'node-role.kubernetes.io/master': '' } },
    spec: { unschedulable: true }, status: { conditions: [{ type: 'Ready', status: 'True' }], nodeInfo: { kubeletVersion: 'v1.33.0' } } };
  assert.equal(printTable('Node', [node], { now: T0 + 19 * 3600_000 }),
    'NAME       STATUS                     ROLES                  AGE   VERSION\nminikube   Ready,SchedulingDisabled   control-plane,master   19h   v1.33.0\n');
});

test('describe ends with the Events section, repeats as "(xN over T)"', () => {
  const p = pod({ phase: 'Running' });
  const evs = [{ type: 'Warning', reason: 'Unhealthy', message: 'Liveness probe failed: HTTP probe failed with statuscode: 500', count: 3, firstTimestamp: at(50), lastTimestamp: at(70), source: { component: 'kubelet' } }];
  const text = describe({ kind: 'Pod', ...p }, { events: evs, now: T0 + 100_000 });
  assert.match(text, /Events:\n  Type     Reason     Age                From     Message\n  ----     ------     ----               ----     -------\n  Warning  Unhealthy  30s \(x3 over 50s\)  kubelet  Liveness probe failed: HTTP probe failed with statuscode: 500\n$/);
  assert.match(describe({ kind: 'Namespace', metadata: { name: 'x' }, status: { phase: 'Active' } }, { events: [], now: T0 }), /^Name:\s+x\nLabels:\s+<none>/);
});
