// The pod columns kubectl computes client-side (pkg/printers/internalversion
// printPod): READY, STATUS (phase, then init containers, then app containers
// last to first, then Completed→Running/NotReady, then Terminating/Unknown)
// and RESTARTS with the age of the newest restart.

import { ageSince } from './durations';

const isTerminalPhase = (phase: string | undefined) => phase === 'Succeeded' || phase === 'Failed';

function signalOrExit(prefix: string, t: any): string {
  return t.signal ? `${prefix}Signal:${t.signal}` : `${prefix}ExitCode:${t.exitCode}`;
}

export interface PodColumns {
  ready: string;
  status: string;
  restarts: string;
}

export function podColumns(pod: any, nowMs: number): PodColumns {
  const status = pod.status ?? {};
  const spec = pod.spec ?? {};
  let reason: string = status.reason || status.phase || 'Pending';
  if ((status.conditions ?? []).some((c: any) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';
  let restarts = 0;
  let ready = 0;
  let lastRestart: string | undefined;
  const noteRestart = (cs: any) => {
    restarts += cs.restartCount ?? 0;
    const f = cs.lastState?.terminated?.finishedAt;
    if (f && (!lastRestart || f > lastRestart)) lastRestart = f;
  };

  const inits: any[] = status.initContainerStatuses ?? [];
  let initializing = false;
  for (let i = 0; i < inits.length; i++) {
    const cs = inits[i];
    noteRestart(cs);
    const term = cs.state?.terminated;
    if (term && term.exitCode === 0) continue;
    initializing = true;
    if (term) reason = term.reason ? `Init:${term.reason}` : signalOrExit('Init:', term);
    else if (cs.state?.waiting?.reason && cs.state.waiting.reason !== 'PodInitializing') reason = `Init:${cs.state.waiting.reason}`;
    else reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    break;
  }
  const initialized = (status.conditions ?? []).some((c: any) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initialized) {
    let hasRunning = false;
    const apps: any[] = status.containerStatuses ?? [];
    for (let i = apps.length - 1; i >= 0; i--) {
      const cs = apps[i];
      noteRestart(cs);
      const st = cs.state ?? {};
      if (st.waiting?.reason) reason = st.waiting.reason;
      else if (st.terminated?.reason) reason = st.terminated.reason;
      else if (st.terminated) reason = signalOrExit('', st.terminated);
      else if (cs.ready && st.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const podReady = (status.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True');
      reason = podReady ? 'Running' : 'NotReady';
    }
  }
  if (pod.metadata?.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp && !isTerminalPhase(status.phase)) reason = 'Terminating';

  return {
    ready: `${ready}/${(spec.containers ?? []).length}`,
    status: reason,
    restarts: lastRestart ? `${restarts} (${ageSince(lastRestart, nowMs)} ago)` : String(restarts),
  };
}
