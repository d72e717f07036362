// The Job controller (pkg/controller/job/job_controller.go, runtime-semantics
// §4). One sync: claim the pods, count newly terminated ones (those still
// carrying the job-tracking finalizer; a pod deleted before it finished counts
// as failed), handle suspend and resume, decide failure (deadline first, then
// backoff limit) or success, otherwise bring the active pods to the wanted
// number; then write status and release the counted pods' finalizers. Final
// conditions wait for every pod to stop (FailureTarget / SuccessCriteriaMet
// come first).

import { selectorFromLabelSelector } from '../../api/selectors';
import { jsonEqual } from '../apply-merge';
import { parseRfc3339, rfc3339 } from '../clock';
import type { ClusterComponent, ClusterCore, ComponentFactory } from '../cluster';
import type { KubeObject, WatchEvent } from '../types';
import { controllerOf } from '../owner-references';
import { claim } from './controller-ref';
import {
  COMPLETIONS_REACHED, FAILURES, RESUMED, SUSPENDED, hasCondition, isJobFinished, pastBackoffLimitOnFailure, replacementDelayMs, setCondition,
} from './job-status';
import { isActive, isReady, isTerminal, podPhase } from './pod-state';
import { BURST_REPLICAS, childWriter, podFromTemplate, slowStartBatch } from './pod-writes';
import { podsToDelete } from './ranking';
import { createWorkQueue, keyOf, splitKey, type ReconcileResult } from './workqueue';

const COMPONENT = 'job-controller';
const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';

const tracked = (p: KubeObject) => p.metadata.finalizers?.includes(JOB_TRACKING_FINALIZER) === true;
/** Terminated for the Job's bookkeeping: finished, or deleted before it could finish. */
const terminated = (p: KubeObject) => isTerminal(p) || p.metadata.deletionTimestamp !== undefined;

/** How many pods should be running (manageJob). */
function wantActive(job: KubeObject, succeeded: number, active: number): number {
  const parallelism = Number(job.spec?.parallelism ?? 1);
  const completions = job.spec?.completions;
  // Work-queue mode: after the first success no new pods start and the running ones are left alone.
  if (completions === undefined || completions === null) return succeeded > 0 ? active : parallelism;
  return Math.max(0, Math.min(Number(completions) - succeeded, parallelism));
}

function startJobs(core: ClusterCore): ClusterComponent {
  const { store, clock, events } = core;
  const writer = childWriter(core, COMPONENT);
  const source = { component: COMPONENT };

  const releaseFinalizers = (pods: readonly KubeObject[]) => {
    for (const p of pods) {
      const live = store.get('Pod', p.metadata.namespace, p.metadata.name);
      if (!live || live.metadata.uid !== p.metadata.uid || !tracked(live)) continue;
      const finalizers = live.metadata.finalizers!.filter((f) => f !== JOB_TRACKING_FINALIZER);
      const metadata = { ...live.metadata, finalizers };
      if (finalizers.length === 0) delete (metadata as { finalizers?: unknown }).finalizers;
      store.update({ ...live, metadata });
    }
  };

  const sync = (key: string): ReconcileResult | void => {
    const { namespace, name } = splitKey(key);
    const job = store.get('Job', namespace, name);
    if (!job) return;
    const selector = selectorFromLabelSelector(job.spec?.selector);
    if (!selector) return;
    const now = clock.now();
    // The label index narrows the claim to matching pods (a Job's generated selector is immutable).
    const pods = claim(store, job, selector, store.list('Pod', { namespace, selector }));
    const counted = pods.filter((p) => tracked(p) && terminated(p));
    const succeeded = Number(job.status?.succeeded ?? 0) + counted.filter((p) => podPhase(p) === 'Succeeded').length;
    const failed = Number(job.status?.failed ?? 0) + counted.filter((p) => podPhase(p) !== 'Succeeded').length;
    let conditions: any[] = job.status?.conditions ?? [];
    let startTime: string | undefined = job.status?.startTime;
    let completionTime: string | undefined = job.status?.completionTime;
    let active = pods.filter(isActive);
    let requeueAfter: number | undefined;
    const finished = isJobFinished(job);

    const deleteAll = (ps: readonly KubeObject[]) => {
      for (const p of ps) writer.remove(job, p);
      // Deleted before finishing: each will count as failed once observed.
      active = active.filter((a) => !ps.includes(a));
    };

    if (!finished) {
      if (job.spec?.suspend) {
        deleteAll(active);
        if (!hasCondition(job, 'Suspended')) {
          conditions = setCondition(conditions, { type: 'Suspended', status: 'True', ...SUSPENDED }, now);
          events.record(job, 'Normal', 'Suspended', SUSPENDED.message, source);
        }
      } else {
        if (hasCondition(job, 'Suspended')) {
          // Resuming restarts the activeDeadlineSeconds clock.
          conditions = setCondition(conditions, { type: 'Suspended', status: 'False', ...RESUMED }, now);
          events.record(job, 'Normal', 'Resumed', RESUMED.message, source);
          startTime = rfc3339(now);
        }
        startTime ??= rfc3339(now);
        const startMs = parseRfc3339(startTime)!;
        const deadline = job.spec?.activeDeadlineSeconds;
        if (!hasCondition(job, 'FailureTarget') && !hasCondition(job, 'SuccessCriteriaMet')) {
          // The deadline takes precedence over the backoff limit.
          const failure =
            deadline != null && now - startMs >= Number(deadline) * 1000 ? FAILURES.deadline
            : failed > Number(job.spec?.backoffLimit ?? 6) || pastBackoffLimitOnFailure(job, active) ? FAILURES.backoff
            : undefined;
          if (failure) conditions = setCondition(conditions, { type: 'FailureTarget', status: 'True', ...failure }, now);
          else if (deadline != null) requeueAfter = startMs + Number(deadline) * 1000 - now;
        }
        const failing = conditions.find((c) => c.type === 'FailureTarget' && c.status === 'True');
        if (failing) deleteAll(active);
        else if (!conditions.some((c) => c.type === 'SuccessCriteriaMet' && c.status === 'True')) {
          const diff = active.length - wantActive(job, succeeded, active.length);
          if (diff > 0) deleteAll(podsToDelete(active, [], Math.min(diff, BURST_REPLICAS), now));
          else if (diff < 0) {
            const wait = replacementDelayMs(pods, now);
            if (wait > 0) requeueAfter = Math.min(requeueAfter ?? Infinity, wait);
            else slowStartBatch(Math.min(-diff, BURST_REPLICAS), () => writer.create(job, podFromTemplate(job, job.spec.template, { finalizers: [JOB_TRACKING_FINALIZER] })) !== undefined);
          }
          const completions = job.spec?.completions;
          const done = completions == null ? succeeded > 0 && active.length === 0 : succeeded >= Number(completions) && active.length === 0;
          if (done) conditions = setCondition(conditions, { type: 'SuccessCriteriaMet', status: 'True', ...COMPLETIONS_REACHED }, now);
        }
        // The final condition once no pod of the Job is still running.
        const stillRunning = pods.some((p) => !isTerminal(p));
        const target = conditions.find((c) => (c.type === 'FailureTarget' || c.type === 'SuccessCriteriaMet') && c.status === 'True');
        if (target && !stillRunning && active.length === 0) {
          if (target.type === 'FailureTarget') {
            conditions = setCondition(conditions, { type: 'Failed', status: 'True', reason: target.reason, message: target.message }, now);
            events.record(job, 'Warning', target.reason, target.message, source);
          } else {
            conditions = setCondition(conditions, { type: 'Complete', status: 'True', ...COMPLETIONS_REACHED }, now);
            completionTime = rfc3339(now);
            events.record(job, 'Normal', 'Completed', 'Job completed', source);
          }
        }
      }
    }

    const status: any = {
      ...(conditions.length ? { conditions } : {}),
      ...(startTime ? { startTime } : {}),
      ...(completionTime ? { completionTime } : {}),
      ...(active.length ? { active: active.length } : {}),
      ...(succeeded ? { succeeded } : {}),
      ...(failed ? { failed } : {}),
      terminating: pods.filter((p) => p.metadata.deletionTimestamp && !isTerminal(p)).length,
      uncountedTerminatedPods: {},
      ready: active.filter(isReady).length,
    };
    const current = store.get('Job', namespace, name);
    if (current && !jsonEqual(current.status, status)) store.updateStatus({ ...current, status });
    // Only after the counts are stored may the finalizers go (the pods may vanish then).
    releaseFinalizers(counted);
    if (requeueAfter !== undefined) return { requeueAfter };
  };

  const queue = createWorkQueue(clock, COMPONENT, sync);
  const enqueue = (o: KubeObject) => queue.add(keyOf(o.metadata.namespace, o.metadata.name));

  const unwatch = store.watch((e: WatchEvent) => {
    const o = e.object;
    if (o.kind === 'Pod') {
      const ref = controllerOf(o);
      const owner = ref?.kind === 'Job' ? store.get('Job', o.metadata.namespace, ref.name) : undefined;
      if (ref?.kind === 'Job' && owner?.metadata.uid === ref.uid) queue.add(keyOf(o.metadata.namespace, ref.name));
      // syncOrphanPod: a tracked pod whose Job is gone (orphaned, or owned by a deleted Job
      // that the garbage collector is cascading) loses the finalizer so it can be removed.
      else if (tracked(o) && e.type !== 'DELETED' && (ref?.kind === 'Job' || (!ref && !store.get('Job', o.metadata.namespace, o.metadata.labels?.['batch.kubernetes.io/job-name'] ?? ''))))
        releaseFinalizers([o]);
    } else if (e.type !== 'DELETED') enqueue(o);
  }, ['Job', 'Pod']);

  return {
    resync() {
      for (const j of store.list('Job')) enqueue(j);
    },
    stop() {
      unwatch();
      queue.stop();
    },
  };
}

export const startJobController: ComponentFactory = startJobs;
