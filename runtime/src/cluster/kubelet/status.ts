// The pod status the kubelet posts, generated from the runtime each sync
// (pkg/kubelet/status/generate.go, kubelet_pods.go getPhase and
// convertToAPIContainerStatuses): phase, the five conditions in upstream
// order, container statuses with state/lastState, IPs and startTime.
// Conditions keep their lastTransitionTime while their status is unchanged.

import { rfc3339 } from '../clock';
import { initSucceeded, type ContainerRecord, type PodRuntime, type ShownState, type Terminated } from './pod-runtime';

export type Phase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

/** getPhase: init first, then waiting/running/stopped counts over the app containers. */
function podPhase(rt: PodRuntime): Phase {
  const inits = rt.containers.filter((c) => c.init);
  const apps = rt.containers.filter((c) => !c.init);
  const initFailed = inits.some((c) => c.stage.kind === 'done' && c.shown.kind === 'terminated' && c.shown.exitCode !== 0);
  if (initFailed && rt.restartPolicy === 'Never') return 'Failed';
  if (!inits.every(initSucceeded)) return 'Pending';
  let waiting = 0, running = 0, stopped = 0, succeeded = 0;
  for (const c of apps) {
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

// Every status the kubelet generates repeats the digests of the same few containers and images.
const DIGEST_MEMO_LIMIT = 4096;
const digests = new Map<string, string>();

/** FNV-1a, widened to 64 hex digits: stable fake container and image ids. */
function fakeDigest(text: string): string {
  let d = digests.get(text);
  if (d === undefined) {
    if (digests.size >= DIGEST_MEMO_LIMIT) digests.clear();
    digests.set(text, (d = computeDigest(text)));
  }
  return d;
}

function computeDigest(text: string): string {
  let out = '';
  for (let round = 0; out.length < 64; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    out += (h >>> 0).toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}

function stateJson(s: ShownState, containerID: string) {
  if (s.kind === 'running') return { running: { startedAt: stamp(s.startedAtMs) } };
  if (s.kind === 'terminated') return { terminated: terminatedJson(s, containerID) };
  return { waiting: s.message ? { reason: s.reason, message: s.message } : { reason: s.reason } };
}

function containerStatus(rt: PodRuntime, c: ContainerRecord) {
  const id = (n: number) => `containerd://${fakeDigest(`${rt.uid}/${c.name}/${n}`)}`;
  const current = c.restartCount;
  const currentID = id(current);
  const previous = c.shown.kind === 'terminated' ? c.exits[c.exits.length - 2] : c.exits[c.exits.length - 1];
  const hasRun = c.instance !== undefined;
  const repo = c.image.includes('/') ? c.image : `library/${c.image}`;
  return {
    name: c.name,
    image: c.image,
    imageID: hasRun ? `docker.io/${repo.split(':')[0]}@sha256:${fakeDigest(c.image)}` : '',
    ...(hasRun ? { containerID: currentID } : {}),
    ready: c.ready,
    started: c.started,
    restartCount: c.restartCount,
    state: stateJson(c.shown, currentID),
    lastState: previous ? { terminated: terminatedJson(previous, id(current - 1)) } : {},
  };
}

interface Condition {
  type: string;
  status: 'True' | 'False';
  reason?: string;
  message?: string;
}

function conditions(rt: PodRuntime, phase: Phase): Condition[] {
  const apps = rt.containers.filter((c) => !c.init);
  const inits = rt.containers.filter((c) => c.init);
  const pendingInits = inits.filter((c) => !initSucceeded(c)).map((c) => c.name);
  const unready = apps.filter((c) => !c.ready).map((c) => c.name);
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const readyCondition = (type: string): Condition => {
    if (terminal) return { type, status: 'False', reason: phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed' };
    if (unready.length === 0) return { type, status: 'True' };
    return { type, status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: [${unready.join(' ')}]` };
  };
  return [
    { type: 'PodReadyToStartContainers', status: rt.podIP !== undefined && !terminal ? 'True' : 'False' },
    pendingInits.length === 0 || terminal
      ? { type: 'Initialized', status: 'True' }
      : { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: `containers with incomplete status: [${pendingInits.join(' ')}]` },
    readyCondition('Ready'),
    readyCondition('ContainersReady'),
  ];
}

/** The full status for `pod` from its runtime; `prev` supplies transition times and fields the kubelet does not own. */
export function generateStatus(rt: PodRuntime, prev: any, hostIP: string, nowMs: number): any {
  const phase = podPhase(rt);
  const prevConditions: any[] = prev?.conditions ?? [];
  const withTime = (c: Condition) => {
    const old = prevConditions.find((p) => p.type === c.type);
    const lastTransitionTime = old && old.status === c.status ? old.lastTransitionTime : stamp(nowMs);
    return { type: c.type, status: c.status, lastProbeTime: null, lastTransitionTime, ...(c.reason ? { reason: c.reason } : {}), ...(c.message ? { message: c.message } : {}) };
  };
  const scheduled = prevConditions.find((p) => p.type === 'PodScheduled') ?? { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: stamp(rt.startTimeMs) };
  const inits = rt.containers.filter((c) => c.init).map((c) => containerStatus(rt, c));
  const status: any = {
    phase,
    conditions: [...conditions(rt, phase).map(withTime), scheduled],
    hostIP,
    hostIPs: [{ ip: hostIP }],
    ...(rt.podIP ? { podIP: rt.podIP, podIPs: [{ ip: rt.podIP }] } : {}),
    startTime: stamp(rt.startTimeMs),
    ...(inits.length ? { initContainerStatuses: inits } : {}),
    containerStatuses: rt.containers.filter((c) => !c.init).map((c) => containerStatus(rt, c)),
  };
  if (prev?.qosClass) status.qosClass = prev.qosClass;
  return status;
}
