// The pieces of a Job's status the controller derives (pkg/controller/job
// job_controller.go, runtime-semantics §4): conditions with their real
// reasons and messages, the restart-based backoff check for OnFailure, and
// the Never-restart delay before a replacement pod.

import { parseRfc3339, rfc3339 } from '../clock';
import type { KubeObject } from '../types';
import { finishedAtMs, podPhase, restartCounts } from './pod-state';

export interface JobCondition {
  type: 'Complete' | 'Failed' | 'Suspended' | 'FailureTarget' | 'SuccessCriteriaMet';
  status: 'True' | 'False';
  reason: string;
  message: string;
}

export const FAILURES = {
  deadline: { reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' },
  backoff: { reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' },
} as const;

export const COMPLETIONS_REACHED = { reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' } as const;
export const SUSPENDED = { reason: 'JobSuspended', message: 'Job suspended' } as const;
export const RESUMED = { reason: 'JobResumed', message: 'Job resumed' } as const;

export function conditionOf(job: KubeObject, type: JobCondition['type']): any | undefined {
  return (job.status?.conditions ?? []).find((c: any) => c.type === type);
}

export function hasCondition(job: KubeObject, type: JobCondition['type']): boolean {
  return conditionOf(job, type)?.status === 'True';
}

export function isJobFinished(job: KubeObject): boolean {
  return hasCondition(job, 'Complete') || hasCondition(job, 'Failed');
}

/** The instant the Job finished (completionTime, else the Failed condition's transition). */
export function jobFinishedMs(job: KubeObject): number | undefined {
  const c = conditionOf(job, 'Complete')?.status === 'True' ? conditionOf(job, 'Complete') : conditionOf(job, 'Failed');
  const t = job.status?.completionTime ?? (c?.status === 'True' ? c.lastTransitionTime : undefined);
  return parseRfc3339(t);
}

/** Sets a condition; the transition time moves only when the status changes (updateConditionsIfNeeded). */
export function setCondition(conditions: readonly any[], c: JobCondition, nowMs: number): any[] {
  const stamp = rfc3339(nowMs);
  const old = conditions.find((x) => x.type === c.type);
  if (old && old.status === c.status && old.reason === c.reason && old.message === c.message) return [...conditions];
  const next = { type: c.type, status: c.status, lastProbeTime: stamp, lastTransitionTime: old?.status === c.status ? old.lastTransitionTime : stamp, reason: c.reason, message: c.message };
  return old ? conditions.map((x) => (x === old ? next : x)) : [...conditions, next];
}

/** pastBackoffLimitOnFailure: restarts of the Pending/Running pods reach the limit (any restart when it is 0). */
export function pastBackoffLimitOnFailure(job: KubeObject, pods: readonly KubeObject[]): boolean {
  if (job.spec?.template?.spec?.restartPolicy !== 'OnFailure') return false;
  const limit = Number(job.spec?.backoffLimit ?? 6);
  const restarts = pods
    .filter((p) => podPhase(p) === 'Running' || podPhase(p) === 'Pending')
    .reduce((sum, p) => sum + restartCounts(p).reduce((a, b) => a + b, 0), 0);
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

const BACKOFF_BASE_MS = 10_000;
/** MaxJobPodFailureBackOff: 10 minutes in the code (the docs still say 6). */
const BACKOFF_MAX_MS = 600_000;

/**
 * backoff_utils.go: a replacement waits 10 s × 2^(n−1) after the last failure,
 * n counting failures since the last success. Returns ms still to wait (0 = now).
 */
export function replacementDelayMs(pods: readonly KubeObject[], nowMs: number): number {
  const finish = (p: KubeObject) => finishedAtMs(p) ?? parseRfc3339(p.metadata.deletionTimestamp) ?? 0;
  const lastSuccess = Math.max(0, ...pods.filter((p) => podPhase(p) === 'Succeeded').map(finish));
  const failures = pods.filter((p) => podPhase(p) === 'Failed' && finish(p) > lastSuccess).map(finish);
  if (failures.length === 0) return 0;
  const delay = Math.min(BACKOFF_BASE_MS * 2 ** (failures.length - 1), BACKOFF_MAX_MS);
  return Math.max(0, Math.max(...failures) + delay - nowMs);
}
