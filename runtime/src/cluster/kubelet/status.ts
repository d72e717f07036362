// The pod status the kubelet posts, generated from the runtime whenever a
// step changed what it shows (pod-runtime.ts runStep; pkg/kubelet/status/generate.go, kubelet_pods.go getPhase and
// convertToAPIContainerStatuses): phase, the five conditions in upstream
// order, container statuses with state/lastState, IPs and startTime.
// Conditions keep their lastTransitionTime while their status is unchanged.

import { rfc3339 } from '../clock';
import { currentContainerID, imageID, podIPs, previousContainerID, startTime, type StatusMemo } from './status-memo';
import { podCondition, type PodCondition } from '../pod-conditions';
import { conditionList, NO_LAST_STATE, runningState, waitingState } from './status-parts';
import { initSucceeded, type ContainerRecord, type PodRuntime, type ShownState, type Terminated } from './pod-runtime';

export type Phase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

// Predicates over containers, made once rather than as closures on every status.
const isInit = (c: ContainerRecord) => c.init;
const isFailedInit = (c: ContainerRecord) => c.init && c.stage.kind === 'done' && c.shown.kind === 'terminated' && c.shown.exitCode !== 0;
const isPendingInit = (c: ContainerRecord) => c.init && !initSucceeded(c);
const isUnready = (c: ContainerRecord) => !c.init && !c.ready;

/** getPhase: init first, then waiting/running/stopped counts over the app containers. */
function podPhase(rt: PodRuntime): Phase {
  const initFailed = rt.containers.some(isFailedInit);
  if (initFailed && rt.restartPolicy === 'Never') return 'Failed';
  if (rt.containers.some(isPendingInit)) return 'Pending';
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
  if (s.kind === 'running') return runningState(stamp(s.startedAtMs));
  if (s.kind === 'terminated') return { terminated: terminatedJson(s, containerID) };
  return waitingState(s.reason, s.message);
}

/** The status of the container at `index` in the runtime. */
function containerStatus(rt: PodRuntime, index: number, memo: StatusMemo) {
  const c = rt.containers[index];
  const containerID = currentContainerID(memo, rt, index);
  const previous = c.shown.kind === 'terminated' ? c.exits[c.exits.length - 2] : c.exits[c.exits.length - 1];
  const state = stateJson(c.shown, containerID);
  const lastState = previous ? { terminated: terminatedJson(previous, previousContainerID(memo, rt, index)) } : NO_LAST_STATE;
  const { name, image, ready, started, restartCount } = c;
  // A container that has not run yet has no id to show.
  return c.instance !== undefined
    ? { name, image, imageID: imageID(image), containerID, ready, started, restartCount, state, lastState }
    : { name, image, imageID: '', ready, started, restartCount, state, lastState };
}

/** The names of the containers `pick` picks, as the condition messages list them: `[a b]` (undefined for none). */
function namesOf(rt: PodRuntime, pick: (c: ContainerRecord) => boolean): string | undefined {
  let list: string | undefined;
  for (const c of rt.containers) if (pick(c)) list = list === undefined ? c.name : `${list} ${c.name}`;
  return list === undefined ? undefined : `[${list}]`;
}

function conditionOf(conditions: any[], type: string): any {
  for (let i = 0; i < conditions.length; i++) if (conditions[i].type === type) return conditions[i];
  return undefined;
}

/** A condition the kubelet owns, keeping the lastTransitionTime of `prev`'s while its status stays. */
function kept(prev: any[], nowMs: number, type: string, status: 'True' | 'False', reason?: string, message?: string): PodCondition {
  const old = conditionOf(prev, type);
  return podCondition(type, status, old && old.status === status ? old.lastTransitionTime : stamp(nowMs), reason, message);
}

/** Ready and ContainersReady: the same verdict under two types. */
function readiness(prev: any[], nowMs: number, type: string, phase: Phase, unreadyText: string | undefined): PodCondition {
  if (phase === 'Succeeded' || phase === 'Failed') return kept(prev, nowMs, type, 'False', phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed');
  if (unreadyText === undefined) return kept(prev, nowMs, type, 'True');
  return kept(prev, nowMs, type, 'False', 'ContainersNotReady', unreadyText);
}

/**
 * The five conditions in upstream order: the four the kubelet owns, each
 * keeping its lastTransitionTime while its status stays, then PodScheduled as
 * the scheduler wrote it.
 */
function conditions(rt: PodRuntime, phase: Phase, prev: any[], nowMs: number, scheduled: any): readonly any[] {
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const pendingInits = namesOf(rt, isPendingInit);
  const unready = namesOf(rt, isUnready);
  const unreadyText = unready !== undefined ? `containers with unready status: ${unready}` : undefined;
  return conditionList(
    kept(prev, nowMs, 'PodReadyToStartContainers', rt.podIP !== undefined && !terminal ? 'True' : 'False'),
    pendingInits === undefined || terminal
      ? kept(prev, nowMs, 'Initialized', 'True')
      : kept(prev, nowMs, 'Initialized', 'False', 'ContainersNotInitialized', `containers with incomplete status: ${pendingInits}`),
    readiness(prev, nowMs, 'Ready', phase, unreadyText),
    readiness(prev, nowMs, 'ContainersReady', phase, unreadyText),
    scheduled,
  );
}

/** The node's addresses as pod statuses show them; `hostIPs` is shared by every status of the node's pods. */
export interface HostAddresses {
  hostIP: string;
  hostIPs: readonly { ip: string }[];
}

export const hostAddresses = (hostIP: string): HostAddresses => ({ hostIP, hostIPs: Object.freeze([Object.freeze({ ip: hostIP })]) });

/**
 * The full status for `pod` from its runtime; `prev` supplies transition
 * times and fields the kubelet does not own, `memo` the strings this pod's
 * statuses repeat.
 */
export function generateStatus(rt: PodRuntime, prev: any, host: HostAddresses, nowMs: number, memo: StatusMemo): any {
  const phase = podPhase(rt);
  const prevConditions: any[] = prev?.conditions ?? [];
  // A pod given its nodeName in the manifest never met the scheduler: the kubelet shows it scheduled since it started.
  const scheduled = conditionOf(prevConditions, 'PodScheduled') ?? podCondition('PodScheduled', 'True', startTime(memo, rt));
  const status: any = { phase, conditions: conditions(rt, phase, prevConditions, nowMs, scheduled), hostIP: host.hostIP, hostIPs: host.hostIPs };
  if (rt.podIP) {
    status.podIP = rt.podIP;
    status.podIPs = podIPs(memo, rt.podIP);
  }
  status.startTime = startTime(memo, rt);
  const statuses = new Array(rt.containers.length);
  for (let i = 0; i < statuses.length; i++) statuses[i] = containerStatus(rt, i, memo);
  if (rt.containers.some(isInit)) {
    status.initContainerStatuses = statuses.filter((_, i) => rt.containers[i].init);
    status.containerStatuses = statuses.filter((_, i) => !rt.containers[i].init);
  } else status.containerStatuses = statuses;
  if (prev?.qosClass) status.qosClass = prev.qosClass;
  return status;
}
