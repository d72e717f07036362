// Stages and shown states are values: the runtime replaces them and never
// changes one in place. So containers that reach a step at the same instant
// (pods created, bound and started together) share one object, the one made
// last for that instant, and every container running with no exit of its own
// shares one stage; the saved state copies them like any other value. Shared
// values are frozen, so a write through one container fails instead of
// changing its siblings.

import type { ShownState, Stage } from './pod-runtime';

type StageOf<K extends Stage['kind']> = Extract<Stage, { kind: K }>;

let lastPending: StageOf<'pending'> | undefined;
let lastPulling: StageOf<'pulling'> | undefined;
let lastStarting: StageOf<'starting'> | undefined;
let lastRunningShown: Extract<ShownState, { kind: 'running' }> | undefined;

export const CREATING: ShownState = Object.freeze({ kind: 'waiting', reason: 'ContainerCreating' });
export const INITIALIZING: ShownState = Object.freeze({ kind: 'waiting', reason: 'PodInitializing' });
export const DONE: Stage = Object.freeze({ kind: 'done' });
const RUNNING_ON: Stage = Object.freeze({ kind: 'running', exitAtMs: undefined, exitCode: 0 });

export function pendingStage(readyAtMs: number): Stage {
  if (lastPending?.readyAtMs !== readyAtMs) lastPending = Object.freeze({ kind: 'pending', readyAtMs });
  return lastPending;
}

export function pullingStage(startedMs: number, doneAtMs: number): Stage {
  if (lastPulling?.startedMs !== startedMs || lastPulling.doneAtMs !== doneAtMs) lastPulling = Object.freeze({ kind: 'pulling', startedMs, doneAtMs });
  return lastPulling;
}

export function startingStage(atMs: number): Stage {
  if (lastStarting?.atMs !== atMs) lastStarting = Object.freeze({ kind: 'starting', atMs });
  return lastStarting;
}

export function runningStage(exitAtMs: number | undefined, exitCode: number): Stage {
  return exitAtMs === undefined && exitCode === 0 ? RUNNING_ON : { kind: 'running', exitAtMs, exitCode };
}

export function runningShown(startedAtMs: number): ShownState {
  if (lastRunningShown?.startedAtMs !== startedAtMs) lastRunningShown = Object.freeze({ kind: 'running', startedAtMs });
  return lastRunningShown;
}
