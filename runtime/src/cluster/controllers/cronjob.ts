// The CronJob controller, v2 (pkg/controller/cronjob/cronjob_controllerv2.go,
// runtime-semantics §5). One sync: reconcile `status.active` with the Jobs it
// owns, prune finished Jobs beyond the history limits, then — unless
// suspended — take only the most recent missed schedule, honour
// startingDeadlineSeconds and the concurrency policy, create the Job
// `<cronjob>-<minutes since epoch>` stamped with its scheduled time, and
// requeue at the next schedule + 100 ms.

import { validateTimeZone } from '../../api/cron';
import { jsonEqual } from '../apply-merge';
import { formatRfc1123z, parseRfc3339, rfc3339 } from '../clock';
import type { ClusterComponent, ClusterCore, ComponentFactory } from '../cluster';
import { controllerOf } from '../owner-references';
import type { KubeObject, WatchEvent } from '../types';
import { newControllerRef } from './controller-ref';
import { rfc3339InZone, scheduleWindow, MAX_MISSED } from './cron-schedule';
import { conditionOf, hasCondition, isJobFinished } from './job-status';
import { childWriter } from './pod-writes';
import { createWorkQueue, keyOf, splitKey, type ReconcileResult } from './workqueue';

const COMPONENT = 'cronjob-controller';
const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';
/** nextScheduleDelta: the controller wakes 100 ms after each scheduled instant. */
const NEXT_SCHEDULE_DELTA_MS = 100;

/** getJobName: the scheduled time in minutes since the epoch makes the create idempotent. */
function jobNameFor(cronJobName: string, scheduledMs: number): string {
  return `${cronJobName}-${Math.floor(scheduledMs / 60_000)}`;
}

function jobRef(job: KubeObject) {
  return { kind: 'Job', namespace: job.metadata.namespace, name: job.metadata.name, uid: job.metadata.uid, apiVersion: 'batch/v1', resourceVersion: job.metadata.resourceVersion };
}

/** getJobFromTemplate2: the template's labels, annotations and spec, the scheduled-time annotation and creationTimestamp = t. */
function jobFromTemplate(cj: KubeObject, scheduledMs: number): unknown {
  const tmpl = cj.spec?.jobTemplate ?? {};
  const annotations = { ...tmpl.metadata?.annotations, [SCHEDULED_TIMESTAMP_ANNOTATION]: rfc3339InZone(scheduledMs, cj.spec?.timeZone) };
  const metadata: Record<string, unknown> = {
    name: jobNameFor(cj.metadata.name, scheduledMs),
    namespace: cj.metadata.namespace,
    annotations,
    ownerReferences: [newControllerRef(cj)],
    creationTimestamp: rfc3339(scheduledMs),
  };
  if (tmpl.metadata?.labels) metadata.labels = { ...tmpl.metadata.labels };
  return { apiVersion: 'batch/v1', kind: 'Job', metadata, spec: structuredClone(tmpl.spec ?? {}) };
}

const finishedStatus = (job: KubeObject) => (hasCondition(job, 'Complete') ? 'Complete' : 'Failed');
const startMs = (job: KubeObject) => parseRfc3339(job.status?.startTime) ?? parseRfc3339(job.metadata.creationTimestamp) ?? 0;

function startCronJobs(core: ClusterCore): ClusterComponent {
  const { store, clock, events } = core;
  const writer = childWriter(core, COMPONENT);
  const source = { component: COMPONENT };

  const sync = (key: string): ReconcileResult | void => {
    const { namespace, name } = splitKey(key);
    const cj = store.get('CronJob', namespace, name);
    if (!cj) return;
    const now = clock.now();
    const children = store.list('Job', { namespace, ownerUid: cj.metadata.uid });
    const byUid = new Map(children.map((j) => [j.metadata.uid, j]));

    // syncCronJob: keep `active` in step with the children.
    let active: any[] = [];
    for (const ref of cj.status?.active ?? []) {
      const job = byUid.get(ref.uid);
      if (!job) events.record(cj, 'Normal', 'MissingJob', `Active job went missing: ${ref.name}`, source);
      else if (isJobFinished(job)) events.record(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${job.metadata.name}, status: ${finishedStatus(job)}`, source);
      else active.push(ref);
    }
    const activeUids = new Set(active.map((r) => r.uid));
    for (const job of children)
      if (!isJobFinished(job) && !activeUids.has(job.metadata.uid) && !job.metadata.deletionTimestamp)
        events.record(cj, 'Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${job.metadata.name}`, source);
    const completions = children.filter((j) => hasCondition(j, 'Complete')).map((j) => j.status?.completionTime).filter(Boolean).sort();
    const lastSuccessfulTime: string | undefined = completions.at(-1) ?? cj.status?.lastSuccessfulTime;
    let lastScheduleTime: string | undefined = cj.status?.lastScheduleTime;

    // cleanupFinishedJobs: oldest first (start time, then name) beyond each limit.
    const prune = (jobs: KubeObject[], limit: number | undefined) => {
      if (limit == null || jobs.length <= limit) return;
      const sorted = jobs.sort((a, b) => startMs(a) - startMs(b) || (a.metadata.name < b.metadata.name ? -1 : 1));
      for (const j of sorted.slice(0, jobs.length - limit)) writer.remove(cj, j, 'Background');
    };
    const finished = children.filter((j) => isJobFinished(j) && !j.metadata.deletionTimestamp);
    prune(finished.filter((j) => hasCondition(j, 'Complete')), cj.spec?.successfulJobsHistoryLimit);
    prune(finished.filter((j) => conditionOf(j, 'Failed')?.status === 'True'), cj.spec?.failedJobsHistoryLimit);

    let requeueAfter: number | undefined;
    const tz: string | undefined = cj.spec?.timeZone ?? undefined;
    const tzError = tz !== undefined ? validateTimeZone(tz) : undefined;
    if (tzError) events.record(cj, 'Warning', 'UnknownTimeZone', `invalid timeZone: ${JSON.stringify(tz)}: ${tzError}`, source);
    else if (!cj.metadata.deletionTimestamp && !cj.spec?.suspend) {
      const deadline = cj.spec?.startingDeadlineSeconds;
      let earliest = parseRfc3339(lastScheduleTime) ?? parseRfc3339(cj.metadata.creationTimestamp) ?? now;
      if (deadline != null) earliest = Math.max(earliest, now - Number(deadline) * 1000);
      const w = scheduleWindow(String(cj.spec?.schedule ?? ''), tz, earliest, now);
      if (w.next !== undefined) requeueAfter = w.next - now + NEXT_SCHEDULE_DELTA_MS;
      const t = w.mostRecent;
      if (t !== undefined) {
        if (w.missed > MAX_MISSED)
          events.record(cj, 'Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew', source);
        const name = jobNameFor(cj.metadata.name, t);
        const alreadyRun = rfc3339(t) === lastScheduleTime || active.some((r) => r.name === name);
        if (deadline != null && t + Number(deadline) * 1000 < now) {
          events.record(cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${formatRfc1123z(t)}`, source);
        } else if (!alreadyRun) {
          const policy = cj.spec?.concurrencyPolicy ?? 'Allow';
          if (policy === 'Forbid' && active.length > 0) {
            events.record(cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid', source);
          } else {
            if (policy === 'Replace') {
              for (const ref of active) {
                const job = byUid.get(ref.uid);
                if (job) writer.remove(cj, job, 'Background');
              }
              active = [];
            }
            const existing = store.get('Job', namespace, name);
            const job = existing && controllerOf(existing)?.uid === cj.metadata.uid ? existing : writer.create(cj, jobFromTemplate(cj, t), 'job');
            if (job) {
              active.push(jobRef(job));
              lastScheduleTime = rfc3339(t);
            }
          }
        }
      }
    }

    const status: any = { ...cj.status };
    if (active.length) status.active = active;
    else delete status.active;
    if (lastScheduleTime) status.lastScheduleTime = lastScheduleTime;
    if (lastSuccessfulTime) status.lastSuccessfulTime = lastSuccessfulTime;
    const current = store.get('CronJob', namespace, name);
    if (current && !jsonEqual(current.status ?? {}, status)) store.updateStatus({ ...current, status });
    if (requeueAfter !== undefined) return { requeueAfter };
  };

  const queue = createWorkQueue(clock, COMPONENT, sync);
  const unwatch = store.watch((e: WatchEvent) => {
    const o = e.object;
    if (o.kind === 'Job') {
      const ref = controllerOf(o);
      if (ref?.kind === 'CronJob') queue.add(keyOf(o.metadata.namespace, ref.name));
    } else if (e.type !== 'DELETED') queue.add(keyOf(o.metadata.namespace, o.metadata.name));
  }, ['CronJob', 'Job']);

  return {
    resync() {
      for (const cj of store.list('CronJob')) queue.add(keyOf(cj.metadata.namespace, cj.metadata.name));
    },
    stop() {
      unwatch();
      queue.stop();
    },
  };
}

export const startCronJobController: ComponentFactory = startCronJobs;
