// The simulated container runtime of one pod and the kubelet's transitions
// over it, as kwok-style stages (runtime-semantics §12): each container is in
// one stage with the instant its next step is due — pending (waiting to enter
// the start pipeline), pulling, starting, running (exit, SIGKILL deadline and
// probes due), backoff, done. `advance` runs every due step in time order, at
// its own instant, so the outcome never depends on when the kubelet wakes up.

import { behaviourFor, httpAnswer, listens, renderTemplate, type ContainerBehaviour } from '../behaviour/index';
import { goDuration } from '../printers/durations';
import type { Backoff } from './backoff';
import {
  initialProbeState, readProbe, recordOutcome, runProbe,
  type Answer, type ProbeKind, type ProbeSpec, type ProbeState,
} from './probes';
import { CREATING, DONE, INITIALIZING, pendingStage, pullingStage, runningShown, runningStage, startingStage } from './runtime-values';
import { TIMINGS } from './timings';

export interface Terminated {
  exitCode: number;
  reason: string;
  startedAtMs: number;
  finishedAtMs: number;
}

export type ShownState =
  | { kind: 'waiting'; reason: string; message?: string }
  | { kind: 'running'; startedAtMs: number }
  | ({ kind: 'terminated' } & Terminated);

export type Stage =
  | { kind: 'pending'; readyAtMs: number }
  | { kind: 'pulling'; startedMs: number; doneAtMs: number }
  | { kind: 'pull-failed'; announceAtMs: number; retryAtMs: number }
  | { kind: 'starting'; atMs: number }
  | { kind: 'running'; exitAtMs?: number; exitCode: number; killAtMs?: number }
  | { kind: 'backoff'; untilMs: number }
  | { kind: 'done' };

interface Probe {
  kind: ProbeKind;
  spec: ProbeSpec;
  state: ProbeState;
}

export interface LogLine {
  atMs: number;
  text: string;
}

export interface ContainerRecord {
  name: string;
  init: boolean;
  image: string;
  spec: any;
  behaviour: ContainerBehaviour;
  shown: ShownState;
  /** The last two terminations, newest last (status lastState). */
  exits: readonly Terminated[];
  restartCount: number;
  started: boolean;
  ready: boolean;
  stage: Stage;
  /** The running instance: its start, requests served and request log lines. */
  instance?: { startedAtMs: number; requests: number; requestLogs: LogLine[] };
  previousLogs?: LogLine[];
  probes: readonly Probe[];
  startupDone: boolean;
  /** The spec the container starts from next time, once the pod's spec changed its image (applySpecChanges). */
  next?: { image: string; spec: any; behaviour: ContainerBehaviour };
}

export interface PodRuntime {
  uid: string;
  namespace: string;
  name: string;
  hostname: string;
  restartPolicy: 'Always' | 'OnFailure' | 'Never';
  gracePeriodSeconds: number;
  startTimeMs: number;
  sandboxAtMs: number;
  podIP?: string;
  containers: ContainerRecord[];
  terminating: boolean;
}

export interface WorkerContext {
  /** Images present on the node. */
  images: Set<string>;
  backoff: Backoff;
  hostIP: string;
  allocateIP(): string;
  event(type: 'Normal' | 'Warning', reason: string, message: string): void;
}

// A container's exits and probes are replaced, never changed in place, so
// every container that has none shares one empty array (runtime-values.ts
// shares stages and shown states the same way).
const NO_EXITS: readonly Terminated[] = Object.freeze([]);
const NO_PROBES: readonly Probe[] = Object.freeze([]);

export function createPodRuntime(pod: any, nowMs: number): PodRuntime {
  const spec = pod.spec ?? {};
  const inits: any[] = spec.initContainers ?? [];
  const apps: any[] = spec.containers ?? [];
  // Fields set later are named from the start (undefined, which the saved JSON leaves out), so adding them adds no property storage.
  const record = (c: any, init: boolean): ContainerRecord => ({
    name: c.name,
    init,
    image: c.image ?? '',
    spec: c,
    behaviour: behaviourFor(pod, c),
    shown: init || inits.length === 0 ? CREATING : INITIALIZING,
    exits: NO_EXITS,
    restartCount: 0,
    started: false,
    ready: false,
    stage: pendingStage(nowMs + TIMINGS.sandboxMs),
    instance: undefined,
    previousLogs: undefined,
    probes: NO_PROBES,
    startupDone: false,
    next: undefined,
  });
  const app = (c: any) => record(c, false);
  return {
    uid: pod.metadata.uid,
    namespace: pod.metadata.namespace ?? 'default',
    name: pod.metadata.name,
    hostname: spec.hostname ?? pod.metadata.name,
    restartPolicy: spec.restartPolicy ?? 'Always',
    gracePeriodSeconds: spec.terminationGracePeriodSeconds ?? TIMINGS.gracePeriodSeconds,
    startTimeMs: nowMs,
    sandboxAtMs: nowMs + TIMINGS.sandboxMs,
    podIP: undefined,
    // Mapped straight into an array of its own length: a spread one keeps spare capacity for the pod's lifetime.
    containers: inits.length === 0 ? apps.map(app) : [...inits.map((c) => record(c, true)), ...apps.map(app)],
    terminating: false,
  };
}

/** `Always` for `:latest` or untagged images, else `IfNotPresent` (the admission default). */
function pullPolicy(c: ContainerRecord): string {
  if (c.spec.imagePullPolicy) return c.spec.imagePullPolicy;
  const tail = c.image.split('/').pop() ?? '';
  return !tail.includes(':') || tail.endsWith(':latest') ? 'Always' : 'IfNotPresent';
}

const backoffKey = (rt: PodRuntime, c: ContainerRecord) => `${rt.uid}/${c.name}`;
const pullKey = (rt: PodRuntime, c: ContainerRecord) => `${rt.uid}/${c.name}/pull`;
const podRef = (rt: PodRuntime) => `${rt.name}_${rt.namespace}(${rt.uid})`;

/** Init containers run one at a time to exit 0; app containers start after them, one after another. */
function eligible(rt: PodRuntime, c: ContainerRecord): boolean {
  if (rt.terminating || rt.podIP === undefined) return false;
  let firstUnfinishedInit: ContainerRecord | undefined;
  for (const o of rt.containers) {
    if (o.stage.kind === 'pulling' || o.stage.kind === 'starting') return false;
    if (o.init && firstUnfinishedInit === undefined && !initSucceeded(o)) firstUnfinishedInit = o;
  }
  return c.init ? firstUnfinishedInit === c : firstUnfinishedInit === undefined;
}

export function initSucceeded(c: ContainerRecord): boolean {
  return c.shown.kind === 'terminated' && c.shown.exitCode === 0;
}

function dueAt(rt: PodRuntime, c: ContainerRecord): number {
  const s = c.stage;
  switch (s.kind) {
    case 'pending':
      return eligible(rt, c) ? s.readyAtMs : Infinity;
    case 'pulling':
      return s.doneAtMs;
    case 'pull-failed':
      return c.shown.kind === 'waiting' && c.shown.reason === 'ErrImagePull' ? s.announceAtMs : s.retryAtMs;
    case 'starting':
      return s.atMs;
    case 'running': {
      let due = Math.min(s.exitAtMs ?? Infinity, s.killAtMs ?? Infinity);
      if (s.killAtMs === undefined) for (const p of c.probes) due = Math.min(due, p.state.nextAtMs);
      return due;
    }
    case 'backoff':
      return s.untilMs;
    case 'done':
      return Infinity;
  }
}

/** The next instant anything happens in this pod, or Infinity. */
export function nextDue(rt: PodRuntime): number {
  let due = rt.podIP === undefined && !rt.terminating ? rt.sandboxAtMs : Infinity;
  for (const c of rt.containers) due = Math.min(due, dueAt(rt, c));
  return due;
}

/**
 * Runs every step due at or before `nowMs`, in time order, then container
 * order; returns whether any changed what the pod status shows.
 */
export function advance(rt: PodRuntime, ctx: WorkerContext, nowMs: number): boolean {
  let shown = false;
  for (let guard = 0; guard < 10_000; guard++) {
    const t = nextDue(rt);
    if (t > nowMs) break;
    if (rt.podIP === undefined && rt.sandboxAtMs === t) {
      rt.podIP = ctx.allocateIP();
      shown = true;
    }
    for (const c of rt.containers) if (dueAt(rt, c) === t && runStep(rt, c, ctx, t)) shown = true;
  }
  return shown;
}

/**
 * Runs the container's due step and tells whether it changed what the status
 * shows of the container (the fields status.ts reads; each is replaced, never
 * changed in place). Most steps only move a container between internal
 * stages — a pull finishing, a backoff window passing, a probe with the same
 * result — and need no new status.
 */
function runStep(rt: PodRuntime, c: ContainerRecord, ctx: WorkerContext, t: number): boolean {
  const { image, shown, exits, restartCount, ready, started, instance } = c;
  const done = c.stage.kind === 'done';
  step(rt, c, ctx, t);
  return (
    c.image !== image || c.shown !== shown || c.exits !== exits || c.restartCount !== restartCount ||
    c.ready !== ready || c.started !== started || c.instance !== instance || (c.stage.kind === 'done') !== done
  );
}

function step(rt: PodRuntime, c: ContainerRecord, ctx: WorkerContext, t: number): void {
  const s = c.stage;
  switch (s.kind) {
    case 'pending':
      return beginPull(c, ctx, t);
    case 'pulling':
      return finishPull(rt, c, ctx, t, s.startedMs);
    case 'pull-failed':
      if (c.shown.kind === 'waiting' && c.shown.reason === 'ErrImagePull') {
        c.shown = { kind: 'waiting', reason: 'ImagePullBackOff', message: `Back-off pulling image "${c.image}"` };
        ctx.event('Normal', 'BackOff', `Back-off pulling image "${c.image}"`);
        ctx.event('Warning', 'Failed', 'Error: ImagePullBackOff');
      } else c.stage = pendingStage(t);
      return;
    case 'starting':
      return start(rt, c, ctx, t);
    case 'running':
      if (s.killAtMs === t) return exit(rt, c, ctx, t, 137, 'Error');
      if (s.exitAtMs === t) return exit(rt, c, ctx, t, s.exitCode, s.exitCode === 0 ? 'Completed' : 'Error');
      return probe(rt, c, ctx, t);
    case 'backoff':
      // The window has passed: this restart doubles the next one (doBackOff → backOff.Next).
      ctx.backoff.next(backoffKey(rt, c), c.exits[c.exits.length - 1]?.finishedAtMs ?? t);
      c.stage = pendingStage(t);
      return;
    case 'done':
      return;
  }
}

function beginPull(c: ContainerRecord, ctx: WorkerContext, t: number): void {
  // Every start reads the pod's current container spec (kuberuntime startContainer).
  if (c.next) {
    const { image, spec, behaviour } = c.next;
    Object.assign(c, { image, spec, behaviour, next: undefined });
  }
  const policy = pullPolicy(c);
  const present = ctx.images.has(c.image);
  if (policy === 'Never' || (present && policy !== 'Always')) {
    ctx.event('Normal', 'Pulled', `Container image "${c.image}" already present on machine`);
    c.stage = startingStage(t + TIMINGS.containerStartMs);
    return;
  }
  ctx.event('Normal', 'Pulling', `Pulling image "${c.image}"`);
  const ms = present ? TIMINGS.cachedPullMs : c.behaviour.image.pullSeconds * 1000;
  c.stage = pullingStage(t, t + ms);
}

function finishPull(rt: PodRuntime, c: ContainerRecord, ctx: WorkerContext, t: number, startedMs: number): void {
  if (c.behaviour.image.pullFails) {
    const key = pullKey(rt, c);
    ctx.event('Warning', 'Failed', `Failed to pull image "${c.image}": rpc error: code = NotFound desc = failed to pull and unpack image "${c.image}": not found`);
    ctx.event('Warning', 'Failed', 'Error: ErrImagePull');
    ctx.backoff.next(key, t);
    c.shown = { kind: 'waiting', reason: 'ErrImagePull', message: `failed to pull and unpack image "${c.image}": not found` };
    // The next sync (a second later) finds the pull in backoff and says so.
    c.stage = { kind: 'pull-failed', announceAtMs: t + 1000, retryAtMs: t + (ctx.backoff.current(key) ?? TIMINGS.backoffInitialMs) };
    return;
  }
  ctx.images.add(c.image);
  const took = goDuration(t - startedMs);
  ctx.event('Normal', 'Pulled', `Successfully pulled image "${c.image}" in ${took} (${took} including waiting). Image size: ${c.behaviour.image.sizeBytes} bytes.`);
  c.stage = startingStage(t + TIMINGS.containerStartMs);
}

/** The probes of a container, in the order their workers run at one instant. */
const PROBE_KINDS = ['Startup', 'Liveness', 'Readiness'] as const;
const PROBE_FIELDS: Readonly<Record<ProbeKind, string>> = { Startup: 'startupProbe', Liveness: 'livenessProbe', Readiness: 'readinessProbe' };

function probesOf(c: ContainerRecord, t: number): readonly Probe[] {
  let probes: Probe[] | undefined;
  for (const kind of PROBE_KINDS) {
    const spec = readProbe(c.spec[PROBE_FIELDS[kind]], c.spec.ports);
    if (spec) (probes ??= []).push({ kind, spec, state: initialProbeState(kind, spec, t) });
  }
  return probes ?? NO_PROBES;
}

function start(rt: PodRuntime, c: ContainerRecord, ctx: WorkerContext, t: number): void {
  if (c.instance || c.exits.length > 0) c.restartCount++;
  if (c.instance) c.previousLogs = logLines(rt, c, t);
  ctx.event('Normal', 'Created', `Created container: ${c.name}`);
  ctx.event('Normal', 'Started', `Started container ${c.name}`);
  c.shown = runningShown(t);
  c.instance = { startedAtMs: t, requests: 0, requestLogs: [] };
  const exit = c.behaviour.exit;
  c.stage = runningStage(exit ? t + exit.afterSeconds * 1000 : undefined, exit?.code ?? 0);
  c.probes = c.init ? NO_PROBES : probesOf(c, t);
  c.startupDone = !c.probes.some((p) => p.kind === 'Startup');
  c.started = c.startupDone;
  c.ready = c.started && !c.probes.some((p) => p.kind === 'Readiness');
}

/** One HTTP request or TCP connection to this container instance (probes, port-forward, Services). */
export function connect(rt: PodRuntime, c: ContainerRecord, port: number, t: number, from: string, request?: { path: string }): Answer {
  const inst = c.instance;
  if (!inst || c.stage.kind !== 'running' || !listens(c.behaviour, port, (t - inst.startedAtMs) / 1000)) return { refused: true };
  if (!request) return { refused: false, status: 0, body: '', latencySeconds: 0 };
  inst.requests++;
  const vars = { hostname: rt.hostname, atMs: t, client: from };
  if (c.behaviour.logs.perRequest) inst.requestLogs.push({ atMs: t, text: renderTemplate(c.behaviour.logs.perRequest, vars) });
  const a = httpAnswer(c.behaviour, inst.requests);
  return { refused: false, status: a.status, body: renderTemplate(a.body ?? '', vars), latencySeconds: c.behaviour.responseSeconds };
}

function probe(rt: PodRuntime, c: ContainerRecord, ctx: WorkerContext, t: number): void {
  for (const p of c.probes) {
    if (p.state.nextAtMs !== t || c.stage.kind !== 'running' || c.stage.killAtMs !== undefined) continue;
    // While a startup probe has not passed, liveness and readiness workers skip their ticks.
    if (p.kind !== 'Startup' && !c.startupDone) {
      p.state = { ...p.state, nextAtMs: t + p.spec.periodSeconds * 1000 };
      continue;
    }
    if (p.kind === 'Startup' && c.startupDone) {
      p.state = { ...p.state, nextAtMs: Infinity };
      continue;
    }
    const outcome = runProbe(p.spec, {
      podIP: rt.podIP ?? '',
      execExitCode: c.behaviour.execExitCode,
      connect: (port, request) => connect(rt, c, port, t, ctx.hostIP, request),
    });
    if (!outcome.ok) ctx.event('Warning', 'Unhealthy', `${p.kind} probe failed: ${outcome.output}`);
    p.state = recordOutcome(p.state, p.spec, outcome.ok, t);
    if (p.kind === 'Readiness') c.ready = p.state.result;
    if (p.kind === 'Startup' && p.state.result && outcome.ok) {
      c.startupDone = true;
      c.started = true;
      c.ready = !c.probes.some((q) => q.kind === 'Readiness');
    }
    if ((p.kind === 'Liveness' || p.kind === 'Startup') && !p.state.result) {
      ctx.event('Normal', 'Killing', `Container ${c.name} failed ${p.kind.toLowerCase()} probe, will be restarted`);
      kill(c, t, p.spec.terminationGracePeriodSeconds ?? rt.gracePeriodSeconds);
    }
  }
}

/**
 * SIGTERM now, SIGKILL (137) when the grace period ends, unless the process
 * exits first. A set killAtMs also marks the container as being stopped (no
 * more probes); Infinity = stopping, and the process exits before any SIGKILL.
 */
function kill(c: ContainerRecord, t: number, graceSeconds: number): void {
  if (c.stage.kind !== 'running') return;
  const sigkillAt = t + Math.max(0, graceSeconds) * 1000;
  let { exitAtMs, exitCode } = c.stage;
  const term = c.behaviour.sigterm;
  if (term.kind === 'exit' && t + term.afterSeconds * 1000 < (exitAtMs ?? Infinity)) {
    exitAtMs = t + term.afterSeconds * 1000;
    exitCode = term.code;
  }
  const exitsFirst = exitAtMs !== undefined && exitAtMs < sigkillAt;
  c.stage = { kind: 'running', exitAtMs, exitCode, killAtMs: exitsFirst ? Infinity : sigkillAt };
}

function exit(rt: PodRuntime, c: ContainerRecord, ctx: WorkerContext, t: number, exitCode: number, reason: string): void {
  const startedAtMs = c.instance?.startedAtMs ?? t;
  const done: Terminated = { exitCode, reason, startedAtMs, finishedAtMs: t };
  c.exits = [...c.exits, done].slice(-2);
  c.shown = { kind: 'terminated', ...done };
  c.started = false;
  c.ready = false;
  c.probes = NO_PROBES;
  // An app container killed for a spec change restarts whatever the restart policy (applySpecChanges).
  const replaced = !c.init && c.next !== undefined;
  // Init containers restart only after a failure (and never under Never).
  const restart =
    !rt.terminating &&
    (replaced ||
      (c.init
        ? exitCode !== 0 && rt.restartPolicy !== 'Never'
        : rt.restartPolicy === 'Always' || (rt.restartPolicy === 'OnFailure' && exitCode !== 0)));
  if (!restart) {
    c.stage = DONE;
    return;
  }
  // The new container has a new spec hash, so no crash backoff of the old one applies to it.
  if (replaced) {
    c.stage = pendingStage(t);
    return;
  }
  const key = backoffKey(rt, c);
  if (ctx.backoff.inBackOffSince(key, t, t)) {
    const window = ctx.backoff.current(key) ?? TIMINGS.backoffInitialMs;
    c.shown = {
      kind: 'waiting',
      reason: 'CrashLoopBackOff',
      message: `back-off ${goDuration(window)} restarting failed container=${c.name} pod=${podRef(rt)}`,
    };
    ctx.event('Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${podRef(rt)}`);
    c.stage = { kind: 'backoff', untilMs: t + window };
    return;
  }
  // First crash (or the first after a long healthy run): restart at once.
  ctx.backoff.next(key, t);
  c.stage = pendingStage(t);
}

/**
 * A pod update reaches the runtime. Only a container's image may change
 * (ValidatePodUpdate), and the kubelet's container hash covers name and image
 * (HashContainer): a running app container whose image changed is stopped —
 * Normal `Killing` "Container <c> definition changed, will be restarted" —
 * and started again from the new spec whatever the restart policy
 * (computePodActions). Any other container starts from the new spec the next
 * time it starts.
 */
export function applySpecChanges(rt: PodRuntime, pod: any, ctx: WorkerContext, t: number): void {
  if (rt.terminating) return;
  for (const c of rt.containers) {
    const spec = containerSpec(pod, c.name);
    if (!spec || (spec.image ?? '') === (c.next?.image ?? c.image)) continue;
    const alreadyStopping = c.next !== undefined || (c.stage.kind === 'running' && c.stage.killAtMs !== undefined);
    c.next = { image: spec.image ?? '', spec, behaviour: behaviourFor(pod, spec) };
    if (c.init || c.stage.kind !== 'running' || alreadyStopping) continue;
    ctx.event('Normal', 'Killing', `Container ${c.name} definition changed, will be restarted`);
    kill(c, t, rt.gracePeriodSeconds);
  }
}

/** Container names are unique across initContainers and containers (validation). */
function containerSpec(pod: any, name: string): any {
  const named = (x: any) => x.name === name;
  return pod.spec?.initContainers?.find(named) ?? pod.spec?.containers?.find(named);
}

/** Deletion: stop every container (`Killing` "Stopping container <c>") within the grace period. */
export function terminate(rt: PodRuntime, ctx: WorkerContext, t: number, graceSeconds: number): void {
  if (rt.terminating) return;
  rt.terminating = true;
  for (const c of rt.containers) {
    if (c.stage.kind === 'running') {
      ctx.event('Normal', 'Killing', `Stopping container ${c.name}`);
      kill(c, t, graceSeconds);
    } else if (c.stage.kind !== 'done') c.stage = DONE;
  }
}

export function allStopped(rt: PodRuntime): boolean {
  return rt.containers.every((c) => c.stage.kind !== 'running');
}

/** The instance's log at `t`: profile lines, periodic lines and one line per request, in time order. */
export function logLines(rt: PodRuntime, c: ContainerRecord, t: number): LogLine[] {
  const inst = c.instance;
  if (!inst) return [];
  const until = c.stage.kind === 'running' ? t : Math.min(t, c.exits[c.exits.length - 1]?.finishedAtMs ?? t);
  const vars = (atMs: number) => ({ hostname: rt.hostname, atMs });
  const lines: LogLine[] = [];
  for (const l of c.behaviour.logs.lines) {
    const atMs = inst.startedAtMs + l.atSeconds * 1000;
    if (atMs <= until) lines.push({ atMs, text: renderTemplate(l.text, vars(atMs)) });
  }
  const periodic = c.behaviour.logs.periodic;
  if (periodic)
    for (let atMs = inst.startedAtMs; atMs <= until; atMs += periodic.everySeconds * 1000) lines.push({ atMs, text: renderTemplate(periodic.text, vars(atMs)) });
  lines.push(...inst.requestLogs.filter((l) => l.atMs <= until));
  return lines.sort((a, b) => a.atMs - b.atMs);
}
