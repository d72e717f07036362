// What controllers read from a pod's status (k8s.io/kubernetes/pkg/api/v1/pod
// util.go and controller_utils.go): active, ready, ready since when, when it
// finished, and the restarts of its containers.

import { parseRfc3339 } from '../clock';
import type { KubeObject } from '../types';

export function podPhase(pod: KubeObject): string {
  return pod.status?.phase ?? 'Pending';
}

export function isTerminal(pod: KubeObject): boolean {
  const phase = podPhase(pod);
  return phase === 'Succeeded' || phase === 'Failed';
}

/** controller.IsPodActive: not finished and not being deleted. */
export function isActive(pod: KubeObject): boolean {
  return !isTerminal(pod) && pod.metadata.deletionTimestamp === undefined;
}

function readyCondition(pod: KubeObject): { status: string; lastTransitionTime?: string } | undefined {
  return (pod.status?.conditions ?? []).find((c: { type: string }) => c.type === 'Ready');
}

export function isReady(pod: KubeObject): boolean {
  return readyCondition(pod)?.status === 'True';
}

/** The instant the pod last became Ready, or undefined when it is not Ready. */
export function readySinceMs(pod: KubeObject): number | undefined {
  const c = readyCondition(pod);
  return c?.status === 'True' ? parseRfc3339(c.lastTransitionTime) ?? 0 : undefined;
}

/** podutil.IsPodAvailable: Ready for at least minReadySeconds. */
export function isAvailable(pod: KubeObject, minReadySeconds: number, nowMs: number): boolean {
  const since = readySinceMs(pod);
  return since !== undefined && (minReadySeconds === 0 || since + minReadySeconds * 1000 <= nowMs);
}

/** ms until a Ready pod becomes available (0 = already, undefined = not Ready). */
export function msUntilAvailable(pod: KubeObject, minReadySeconds: number, nowMs: number): number | undefined {
  const since = readySinceMs(pod);
  return since === undefined ? undefined : Math.max(0, since + minReadySeconds * 1000 - nowMs);
}

function statuses(pod: KubeObject): any[] {
  return [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
}

export function restartCounts(pod: KubeObject): number[] {
  return statuses(pod).map((s) => Number(s.restartCount ?? 0));
}

/** The latest container finish time, the Job controller's "finished at" for backoff. */
export function finishedAtMs(pod: KubeObject): number | undefined {
  const times = statuses(pod).map((s) => parseRfc3339(s.state?.terminated?.finishedAt)).filter((t): t is number => t !== undefined);
  return times.length ? Math.max(...times) : undefined;
}

export function creationMs(o: KubeObject): number {
  return parseRfc3339(o.metadata.creationTimestamp) ?? 0;
}
