// KIA ch.4 §4.6: a CronJob running a Job every quarter hour.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, mustCreate, workloadCluster } from './workload-harness';

const cronJob = (spec: Record<string, unknown> = {}) => ({
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'batch-job-every-fifteen-minutes' },
  spec: {
    schedule: '0,15,30,45 * * * *',
    ...spec,
    jobTemplate: {
      spec: {
        template: { metadata: { labels: { app: 'periodic-batch-job' } }, spec: { restartPolicy: 'OnFailure', containers: [{ name: 'main', image: 'luksa/batch-job' }] } },
      },
    },
  },
});

const NAME = 'batch-job-every-fifteen-minutes';
const jobs = (c: any) => c.store.list('Job', { namespace: 'default' });
const cj = (c: any) => c.store.get('CronJob', 'default', NAME);
const MIN = 60_000;

test('a Job is created at each quarter hour, named <cronjob>-<minutes since epoch>, stamped with its scheduled time', () => {
  const c = workloadCluster();
  const start = c.clock.now(); // 2026-01-01T00:00:00Z: there is never a run at creation
  mustCreate(c, cronJob());
  c.advance(14 * MIN);
  assert.equal(jobs(c).length, 0);
  c.advance(1 * MIN + 1_000);
  const quarter = start + 15 * MIN;
  const [job] = jobs(c);
  assert.equal(job.metadata.name, `${NAME}-${Math.floor(quarter / MIN)}`);
  assert.equal(job.metadata.creationTimestamp, '2026-01-01T00:15:00Z');
  assert.equal(job.metadata.annotations['batch.kubernetes.io/cronjob-scheduled-timestamp'], '2026-01-01T00:15:00Z');
  assert.equal(job.metadata.ownerReferences[0].kind, 'CronJob');
  const status = cj(c).status;
  assert.equal(status.lastScheduleTime, '2026-01-01T00:15:00Z');
  assert.deepEqual(status.active.map((r: any) => r.name), [job.metadata.name]);
  assert.deepEqual(eventsOf(c, 'CronJob', NAME).map((e) => `${e.reason} ${e.message}`), [`SuccessfulCreate Created job ${job.metadata.name}`]);
  // The batch job runs 120 s: afterwards the CronJob sees it complete.
  c.advance(5 * MIN);
  const after = cj(c).status;
  assert.equal(after.active, undefined);
  assert.ok(after.lastSuccessfulTime);
  assert.ok(eventsOf(c, 'CronJob', NAME).some((e) => e.reason === 'SawCompletedJob' && e.message === `Saw completed job: ${job.metadata.name}, status: Complete`));
});

test('history limits keep 3 successful Jobs by default', () => {
  const c = workloadCluster();
  mustCreate(c, cronJob());
  c.advance(96 * MIN);
  const names = jobs(c).filter((j: any) => !j.metadata.deletionTimestamp).map((j: any) => j.metadata.creationTimestamp).sort();
  assert.deepEqual(names, ['2026-01-01T01:00:00Z', '2026-01-01T01:15:00Z', '2026-01-01T01:30:00Z']);
  assert.ok(eventsOf(c, 'CronJob', NAME).some((e) => e.reason === 'SuccessfulDelete' && /^Deleted job batch-job-every-fifteen-minutes-\d+$/.test(e.message)));
});

test('startingDeadlineSeconds 15: a run missed by more than 15 s is skipped, only the next one runs', () => {
  const c = workloadCluster();
  mustCreate(c, cronJob({ startingDeadlineSeconds: 15, suspend: true }));
  c.advance(15 * MIN + 20_000);
  const o = cj(c);
  c.store.update({ ...o, spec: { ...o.spec, suspend: false } });
  c.advance(1_000);
  assert.equal(jobs(c).length, 0, 'the 00:15 run is 21 s late');
  c.advance(15 * MIN);
  assert.deepEqual(jobs(c).map((j: any) => j.metadata.creationTimestamp), ['2026-01-01T00:30:00Z']);
});

test('without a deadline only the most recent missed run happens after unsuspending', () => {
  const c = workloadCluster();
  mustCreate(c, cronJob({ suspend: true }));
  c.advance(50 * MIN);
  const o = cj(c);
  c.store.update({ ...o, spec: { ...o.spec, suspend: false } });
  c.advance(1_000);
  assert.deepEqual(jobs(c).map((j: any) => j.metadata.creationTimestamp), ['2026-01-01T00:45:00Z']);
});

test('concurrencyPolicy Forbid skips a run while the previous Job is active; Replace deletes it', () => {
  const long = { 'kubelab.io/behaviour-run-seconds': '1200' };
  const withAnnotations = (spec: any) => {
    const m = cronJob(spec);
    (m.spec.jobTemplate.spec.template.metadata as any).annotations = long;
    return m;
  };
  const c = workloadCluster();
  mustCreate(c, withAnnotations({ concurrencyPolicy: 'Forbid' }));
  c.advance(31 * MIN);
  assert.equal(jobs(c).length, 1);
  assert.ok(eventsOf(c, 'CronJob', NAME).some((e) => e.reason === 'JobAlreadyActive'));

  const r = workloadCluster();
  mustCreate(r, withAnnotations({ concurrencyPolicy: 'Replace' }));
  r.advance(31 * MIN);
  const live = jobs(r).filter((j: any) => !j.metadata.deletionTimestamp);
  assert.deepEqual(live.map((j: any) => j.metadata.creationTimestamp), ['2026-01-01T00:30:00Z']);
});

test('spec.timeZone: the schedule is read in that zone', () => {
  const c = workloadCluster();
  mustCreate(c, { ...cronJob({ timeZone: 'Asia/Kolkata' }), spec: { ...cronJob().spec, schedule: '0 6 * * *', timeZone: 'Asia/Kolkata' } });
  c.advance(60 * MIN);
  // 06:00 in Kolkata (+05:30) is 00:30 UTC.
  const [job] = jobs(c);
  assert.equal(job.metadata.creationTimestamp, '2026-01-01T00:30:00Z');
  assert.equal(job.metadata.annotations['batch.kubernetes.io/cronjob-scheduled-timestamp'], '2026-01-01T06:00:00+05:30');
});
