// The pod status the kubelet posts, generated from the runtime whenever a
// step changed what it shows (pod-runtime.ts runStep; pkg/kubelet/status/generate.go, kubelet_pods.go getPhase and
// convertToAPIContainerStatuses): phase, the five conditions in upstream
// order, container statuses with state/lastState, IPs and startTime.
// Conditions keep their lastTransitionTime while their status is unchanged.

import { rfc3339 } from '../clock';
import { currentContainerID, imageID, previousContainerID, startTime, type StatusMemo } from './status-memo';
import { initSucceeded, type ContainerRecord, type PodRuntime, type ShownState, type Terminated } from './pod-runtime';

export type Phase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

/** getPhase: init first, then waiting/running/stopped counts over the app containers. */
function podPhase(rt: PodRuntime): Phase {
  const initFailed = rt.containers.some((c) => c.init && c.stage.kind === 'done' && c.shown.kind === 'terminated' && c.shown.exitCode !== 0);
  if (initFailed && rt.restartPolicy === 'Never') return 'Failed';
  if (!rt.containers.every((c) => !c.init || initSucceeded(c))) return 'Pending';
  let waiting = 0, running = 0, stopped = 0, succeeded = 0;
  for (const c of rt.containers) {
    if (c.init) continue;
    if (c.shown.kind === 'running') running++;
    else if (c.shown.kind === 'terminated') {
      stopped++;
      if (c.shown.exitCode === 0) succeeded++;
    } else if (c.exits.length > 0) stopped++; // waiting to restart after a termination
    else waiting++;
  }
  // A deleted pod whose containers have all stopped is terminal, whatever its restartPolicy.
  if (rt.terminating && running === 0) return stopped > 0 && stopped === succeeded && waiting === 0 ? 'Succeeded' : 'Failed';
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped === 0) return 'Pending';
  if (rt.restartPolicy === 'Always') return 'Running';
  if (stopped === succeeded) return 'Succeeded';
  return rt.restartPolicy === 'Never' ? 'Failed' : 'Running';
}

const stamp = (ms: number) => rfc3339(ms);

function terminatedJson(t: Terminated, containerID: string) {
  return { exitCode: t.exitCode, reason: t.reason, startedAt: stamp(t.startedAtMs), finishedAt: stamp(t.finishedAtMs), containerID };
}

function stateJson(s: ShownState, containerID: string) {
  if (s.kind === 'running') return { running: { startedAt: stamp(s.startedAtMs) } };
  if (s.kind === 'terminated') return { terminated: terminatedJson(s, containerID) };
  return { waiting: s.message ? { reason: s.reason, message: s.message } : { reason: s.reason } };
}

/** The status of the container at `index` in the runtime. */
function containerStatus(rt: PodRuntime, index: number, memo: StatusMemo) {
  const c = rt.containers[index];
  const containerID = currentContainerID(memo, rt, index);
  const previous = c.shown.kind === 'terminated' ? c.exits[c.exits.length - 2] : c.exits[c.exits.length - 1];
  const state = stateJson(c.shown, containerID);
  const lastState = previous ? { terminated: terminatedJson(previous, previousContainerID(memo, rt, index)) } : {};
  const { name, image, ready, started, restartCount } = c;
  // A container that has not run yet has no id to show.
  return c.instance !== undefined
    ? { name, image, imageID: imageID(image), containerID, ready, started, restartCount, state, lastState }
    : { name, image, imageID: '', ready, started, restartCount, state, lastState };
}

/** The names in `[a b]` form, as the condition messages list containers. */
const nameList = (cs: ContainerRecord[]) => `[${cs.map((c) => c.name).join(' ')}]`;

/**
 * The five conditions in upstream order: the four the kubelet owns, each
 * keeping its lastTransitionTime while its status stays, then PodScheduled as
 * the scheduler wrote it.
 */
function conditions(rt: PodRuntime, phase: Phase, prev: any[], nowMs: number, scheduled: any): any[] {
  const condition = (type: string, status: 'True' | 'False', reason?: string, message?: string) => {
    const old = prev.find((p) => p.type === type);
    const c: any = { type, status, lastProbeTime: null, lastTransitionTime: old && old.status === status ? old.lastTransitionTime : stamp(nowMs) };
    if (reason) c.reason = reason;
    if (message) c.message = message;
    return c;
  };
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const pendingInits = rt.containers.filter((c) => c.init && !initSucceeded(c));
  const unready = rt.containers.filter((c) => !c.init && !c.ready);
  const unreadyMessage = unready.length > 0 ? `containers with unready status: ${nameList(unready)}` : undefined;
  const readyCondition = (type: string) => {
    if (terminal) return condition(type, 'False', phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed');
    if (unreadyMessage === undefined) return condition(type, 'True');
    return condition(type, 'False', 'ContainersNotReady', unreadyMessage);
  };
  return [
    condition('PodReadyToStartContainers', rt.podIP !== undefined && !terminal ? 'True' : 'False'),
    pendingInits.length === 0 || terminal
      ? condition('Initialized', 'True')
      : condition('Initialized', 'False', 'ContainersNotInitialized', `containers with incomplete status: ${nameList(pendingInits)}`),
    readyCondition('Ready'),
    readyCondition('ContainersReady'),
    scheduled,
  ];
}

/**
 * The full status for `pod` from its runtime; `prev` supplies transition
 * times and fields the kubelet does not own, `memo` the strings this pod's
 * statuses repeat.
 */
export function generateStatus(rt: PodRuntime, prev: any, hostIP: string, nowMs: number, memo: StatusMemo): any {
  const phase = podPhase(rt);
  const prevConditions: any[] = prev?.conditions ?? [];
  const scheduled = prevConditions.find((p) => p.type === 'PodScheduled') ?? { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: startTime(memo, rt) };
  const status: any = { phase, conditions: conditions(rt, phase, prevConditions, nowMs, scheduled), hostIP, hostIPs: [{ ip: hostIP }] };
  if (rt.podIP) {
    status.podIP = rt.podIP;
    status.podIPs = [{ ip: rt.podIP }];
  }
  status.startTime = startTime(memo, rt);
  const statuses = rt.containers.map((_, i) => containerStatus(rt, i, memo));
  if (rt.containers.some((c) => c.init)) {
    status.initContainerStatuses = statuses.filter((_, i) => rt.containers[i].init);
    status.containerStatuses = statuses.filter((_, i) => !rt.containers[i].init);
  } else status.containerStatuses = statuses;
  if (prev?.qosClass) status.qosClass = prev.qosClass;
  return status;
}
