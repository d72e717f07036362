import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tableRows } from '../../../../runtime/src/cluster/printers/tables';
import type { KubeObject } from '../../../../runtime/src/cluster/types';

const NOW = Date.UTC(2026, 0, 1, 0, 10);
const workloadTable = (kind: string, objects: KubeObject[], now: number) => tableRows(kind, objects, { now });
const obj = (kind: string, spec: any, status: any, meta: any = {}): KubeObject => ({
  apiVersion: 'v1', kind, metadata: { name: 'x', uid: 'u', resourceVersion: '1', creationTimestamp: '2026-01-01T00:09:25Z', ...meta }, spec, status,
});

test('ds: NODE SELECTOR shows disk=ssd, counts default to 0 (KIA ch.4 `kubectl get ds`)', () => {
  const t = workloadTable('DaemonSet', [obj('DaemonSet', { template: { spec: { nodeSelector: { disk: 'ssd' } } } }, { desiredNumberScheduled: 0 })], NOW)!;
  assert.deepEqual(t, [
    ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
    ['x', '0', '0', '0', '0', '0', 'disk=ssd', '35s'],
  ]);
});

test('jobs: STATUS, COMPLETIONS in work-queue form, DURATION', () => {
  const complete = obj('Job', { completions: 5, parallelism: 2 }, { succeeded: 5, startTime: '2026-01-01T00:00:00Z', completionTime: '2026-01-01T00:06:00Z', conditions: [{ type: 'Complete', status: 'True' }] });
  const queue = obj('Job', { parallelism: 3 }, { startTime: '2026-01-01T00:09:30Z' });
  const t = workloadTable('Job', [complete, queue], NOW)!;
  assert.deepEqual(t[0], ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE']);
  assert.deepEqual(t[1].slice(1, 4), ['Complete', '5/5', '6m']);
  assert.deepEqual(t[2].slice(1, 4), ['Running', '0/1 of 3', '30s']);
});

test('rc and cronjob columns', () => {
  assert.deepEqual(workloadTable('ReplicationController', [obj('ReplicationController', { replicas: 3 }, { replicas: 3, readyReplicas: 2 })], NOW)![1], ['x', '3', '3', '2', '35s']);
  const cj = obj('CronJob', { schedule: '0,15,30,45 * * * *', suspend: false }, { lastScheduleTime: '2026-01-01T00:00:00Z', active: [{ name: 'a' }] });
  assert.deepEqual(workloadTable('CronJob', [cj], NOW), [
    ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE'],
    ['x', '0,15,30,45 * * * *', '<none>', 'False', '1', '10m', '35s'],
  ]);
});
