// KIA ch.4 §4.5: Jobs run pods to completion; completions and parallelism,
// activeDeadlineSeconds and backoffLimit end them with the real reasons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, mustCreate, pods, workloadCluster } from './workload-harness';

function batchJob(name: string, spec: Record<string, unknown> = {}, annotations?: Record<string, string>, restartPolicy = 'OnFailure') {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: {
      ...spec,
      template: { metadata: { labels: { app: 'batch-job' }, ...(annotations ? { annotations } : {}) }, spec: { restartPolicy, containers: [{ name: 'main', image: 'luksa/batch-job' }] } },
    },
  };
}

const job = (c: any, name: string) => c.store.get('Job', 'default', name);
const condition = (j: any, type: string) => (j.status.conditions ?? []).find((x: any) => x.type === type);
const secondsBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 1000;

/** Advances in steps until `done` holds or `maxMs` passes; returns the virtual seconds it took. */
function runUntil(c: any, done: () => boolean, maxMs: number, stepMs = 1_000): number {
  const start = c.clock.now();
  while (!done() && c.clock.now() - start < maxMs) c.advance(stepMs);
  return (c.clock.now() - start) / 1000;
}

test('batch-job runs one pod for 120 s and completes with the generated labels', () => {
  const c = workloadCluster();
  const created = mustCreate(c, batchJob('batch-job'));
  c.advance(20_000);
  const [p] = pods(c);
  assert.match(p.metadata.name, /^batch-job-\w{5}$/);
  assert.equal(p.metadata.labels?.['job-name'], 'batch-job');
  assert.equal(p.metadata.labels?.['batch.kubernetes.io/job-name'], 'batch-job');
  assert.equal(p.metadata.labels?.app, 'batch-job');
  assert.deepEqual(p.metadata.finalizers, ['batch.kubernetes.io/job-tracking']);
  assert.equal(p.metadata.ownerReferences?.[0].uid, created.metadata.uid);
  assert.equal(job(c, 'batch-job').status.active, 1);
  const took = runUntil(c, () => !!condition(job(c, 'batch-job'), 'Complete'), 300_000);
  assert.ok(took >= 100 && took <= 140, `completed after ${took}s`);
  const j = job(c, 'batch-job');
  assert.equal(j.status.succeeded, 1);
  assert.equal(j.status.active, undefined);
  assert.equal(condition(j, 'Complete').reason, 'CompletionsReached');
  assert.ok(condition(j, 'SuccessCriteriaMet'));
  const duration = secondsBetween(j.status.startTime, j.status.completionTime);
  assert.ok(duration >= 120 && duration <= 130, `duration ${duration}`);
  const done = pods(c)[0];
  assert.equal(done.status.phase, 'Succeeded');
  assert.equal(done.metadata.finalizers, undefined, 'the counted pod lost its tracking finalizer');
  assert.deepEqual(eventsOf(c, 'Job', 'batch-job').map((e) => e.reason), ['SuccessfulCreate', 'Completed']);
});

test('completions 5, parallelism 2: never more than 2 at once, all 5 succeed at about 360 s', () => {
  const c = workloadCluster();
  mustCreate(c, batchJob('multi-completion-batch-job', { completions: 5, parallelism: 2 }));
  let maxActive = 0;
  const took = runUntil(c, () => {
    maxActive = Math.max(maxActive, pods(c).filter((p) => p.status?.phase !== 'Succeeded').length);
    return !!condition(job(c, 'multi-completion-batch-job'), 'Complete');
  }, 600_000);
  assert.equal(maxActive, 2);
  assert.ok(took >= 340 && took <= 400, `completed after ${took}s`);
  assert.equal(job(c, 'multi-completion-batch-job').status.succeeded, 5);
  assert.equal(pods(c).length, 5);
});

test('work-queue mode (parallelism 3, no completions) completes after the first success once all finish', () => {
  const c = workloadCluster();
  mustCreate(c, batchJob('queue', { parallelism: 3 }));
  c.advance(10_000);
  assert.equal(job(c, 'queue').status.active, 3);
  runUntil(c, () => !!condition(job(c, 'queue'), 'Complete'), 300_000);
  assert.equal(job(c, 'queue').status.succeeded, 3);
  assert.equal(pods(c).length, 3, 'no new pods after the first success');
});

test('activeDeadlineSeconds fails the Job with DeadlineExceeded and deletes its pods', () => {
  const c = workloadCluster();
  mustCreate(c, batchJob('deadline', { activeDeadlineSeconds: 30 }));
  runUntil(c, () => !!condition(job(c, 'deadline'), 'Failed'), 200_000);
  const j = job(c, 'deadline');
  const failed = condition(j, 'Failed');
  assert.deepEqual([failed.reason, failed.message], ['DeadlineExceeded', 'Job was active longer than specified deadline']);
  assert.equal(condition(j, 'FailureTarget').reason, 'DeadlineExceeded');
  assert.ok(secondsBetween(j.status.startTime, condition(j, 'FailureTarget').lastTransitionTime) >= 30);
  assert.equal(j.status.completionTime, undefined);
  assert.equal(j.status.failed, 1);
  assert.ok(eventsOf(c, 'Job', 'deadline').some((e) => e.type === 'Warning' && e.reason === 'DeadlineExceeded' && e.message === 'Job was active longer than specified deadline'));
  c.advance(60_000);
  assert.equal(pods(c).length, 0);
});

test('restartPolicy Never with a failing container: new pods with growing delays until backoffLimit', () => {
  const c = workloadCluster();
  mustCreate(c, batchJob('flaky', { backoffLimit: 2 }, { 'kubelab.io/behaviour-run-seconds': '1', 'kubelab.io/behaviour-exit-code': '1' }, 'Never'));
  runUntil(c, () => !!condition(job(c, 'flaky'), 'Failed'), 600_000);
  const j = job(c, 'flaky');
  assert.equal(condition(j, 'Failed').reason, 'BackoffLimitExceeded');
  assert.equal(condition(j, 'Failed').message, 'Job has reached the specified backoff limit');
  assert.equal(j.status.failed, 3, 'fails when failed > backoffLimit');
  const created = pods(c).map((p) => Date.parse(p.metadata.creationTimestamp)).sort((a, b) => a - b);
  assert.equal(created.length, 3);
  const gaps = [created[1] - created[0], created[2] - created[1]].map((ms) => ms / 1000);
  assert.ok(gaps[1] > gaps[0] + 5, `delays grow: ${gaps}`);
  assert.ok(pods(c).every((p) => p.status.phase === 'Failed'));
});

test('restartPolicy OnFailure: container restarts in the same pod count toward backoffLimit', () => {
  const c = workloadCluster();
  mustCreate(c, batchJob('crashy', { backoffLimit: 2 }, { 'kubelab.io/behaviour-run-seconds': '1', 'kubelab.io/behaviour-exit-code': '1' }));
  runUntil(c, () => !!condition(job(c, 'crashy'), 'Failed'), 600_000);
  assert.equal(condition(job(c, 'crashy'), 'Failed').reason, 'BackoffLimitExceeded');
  assert.equal(eventsOf(c, 'Job', 'crashy').filter((e) => e.reason === 'SuccessfulCreate').length, 1, 'one pod, restarted in place');
});

test('suspend: created suspended → no pods and no startTime; resuming starts them', () => {
  const c = workloadCluster();
  mustCreate(c, batchJob('later', { suspend: true }));
  c.advance(10_000);
  assert.equal(pods(c).length, 0);
  let j = job(c, 'later');
  assert.equal(j.status.startTime, undefined);
  assert.deepEqual([condition(j, 'Suspended').status, condition(j, 'Suspended').reason], ['True', 'JobSuspended']);
  c.store.update({ ...j, spec: { ...j.spec, suspend: false } });
  c.advance(5_000);
  j = job(c, 'later');
  assert.equal(pods(c).length, 1);
  assert.deepEqual([condition(j, 'Suspended').status, condition(j, 'Suspended').reason], ['False', 'JobResumed']);
  assert.ok(j.status.startTime);
});

test('ttlSecondsAfterFinished deletes the finished Job and its pods', () => {
  const c = workloadCluster();
  mustCreate(c, batchJob('short-lived', { ttlSecondsAfterFinished: 60 }));
  runUntil(c, () => !!condition(job(c, 'short-lived'), 'Complete'), 300_000);
  c.advance(30_000);
  assert.ok(job(c, 'short-lived'));
  c.advance(40_000);
  assert.equal(job(c, 'short-lived'), undefined);
  assert.equal(pods(c).length, 0);
});
