// The pod's PodScheduled condition as the scheduler sets it, one of the
// shared conditions of pod-conditions.ts: the kubelet carries the object over
// into every later status of the pod, and pods bound in one second share it.

import { rfc3339 } from '../clock';
import { podCondition } from '../pod-conditions';
import type { KubeObject } from '../types';

export type ScheduledCondition = { status: 'True' | 'False'; reason?: string; message?: string };

/** The pod's status with PodScheduled set to `c`, or undefined when the condition already says that. */
export function withScheduledCondition(pod: KubeObject, c: ScheduledCondition, now: number): any {
  const conditions: any[] = pod.status?.conditions ?? [];
  const old = conditions.find((x) => x.type === 'PodScheduled');
  if (old && old.status === c.status && old.reason === c.reason && old.message === c.message) return undefined;
  const next = podCondition('PodScheduled', c.status, old && old.status === c.status ? old.lastTransitionTime : rfc3339(now), c.reason, c.message);
  const rest = conditions.filter((x) => x.type !== 'PodScheduled');
  return { ...pod.status, phase: pod.status?.phase ?? 'Pending', conditions: [...rest, next] };
}
