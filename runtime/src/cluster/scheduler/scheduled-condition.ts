// The pod's PodScheduled condition as the scheduler sets it. The kubelet
// carries the condition object over into every later status of the pod, and
// the pods bound in one second get equal ones: the last one made is shared,
// frozen, by the next pods that want the same, instead of one kept per pod.

import { rfc3339 } from '../clock';
import type { KubeObject } from '../types';

export type ScheduledCondition = { status: 'True' | 'False'; reason?: string; message?: string };

let last: any;

function condition(c: ScheduledCondition, lastTransitionTime: string): any {
  if (last && last.status === c.status && last.reason === c.reason && last.message === c.message && last.lastTransitionTime === lastTransitionTime) return last;
  return (last = Object.freeze({
    type: 'PodScheduled',
    status: c.status,
    lastProbeTime: null,
    lastTransitionTime,
    ...(c.reason ? { reason: c.reason } : {}),
    ...(c.message ? { message: c.message } : {}),
  }));
}

/** The pod's status with PodScheduled set to `c`, or undefined when the condition already says that. */
export function withScheduledCondition(pod: KubeObject, c: ScheduledCondition, now: number): any {
  const conditions: any[] = pod.status?.conditions ?? [];
  const old = conditions.find((x) => x.type === 'PodScheduled');
  if (old && old.status === c.status && old.reason === c.reason && old.message === c.message) return undefined;
  const next = condition(c, old && old.status === c.status ? old.lastTransitionTime : rfc3339(now));
  const rest = conditions.filter((x) => x.type !== 'PodScheduled');
  return { ...pod.status, phase: pod.status?.phase ?? 'Pending', conditions: [...rest, next] };
}
