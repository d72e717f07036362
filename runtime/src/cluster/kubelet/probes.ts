// Probes as pkg/kubelet/prober runs them, evaluated against the behaviour
// model instead of a network: reading a probe spec with its defaults, one
// attempt's result and output text (the exact upstream failure strings the
// `Unhealthy` events carry), and the threshold bookkeeping of worker.go.

import { readCommand, isReadableProgram } from '../behaviour/commands';
import { PROBE_DEFAULTS } from './timings';

export type ProbeKind = 'Liveness' | 'Readiness' | 'Startup';

export type ProbeHandler =
  | { type: 'http'; port: number | undefined; path: string; scheme: string; portText: string }
  | { type: 'tcp'; port: number | undefined; portText: string }
  | { type: 'grpc'; port: number | undefined; portText: string }
  | { type: 'exec'; command: string[] };

export interface ProbeSpec {
  handler: ProbeHandler;
  initialDelaySeconds: number;
  timeoutSeconds: number;
  periodSeconds: number;
  successThreshold: number;
  failureThreshold: number;
  terminationGracePeriodSeconds?: number;
}

interface PortLike {
  name?: string;
  containerPort?: number;
}

/** A number, a numeric string, or a container port name (FindPort). */
function resolvePort(port: unknown, ports: readonly PortLike[] | undefined): number | undefined {
  if (typeof port === 'number') return port;
  if (typeof port === 'string' && /^\d+$/.test(port)) return Number(port);
  return ports?.find((p) => p.name === port)?.containerPort;
}

const positive = (v: unknown, d: number) => (typeof v === 'number' && v > 0 ? v : d);

export function readProbe(raw: any, ports: readonly PortLike[] | undefined): ProbeSpec | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  let handler: ProbeHandler | undefined;
  if (raw.exec) handler = { type: 'exec', command: Array.isArray(raw.exec.command) ? raw.exec.command.map(String) : [] };
  else if (raw.httpGet)
    handler = {
      type: 'http',
      port: resolvePort(raw.httpGet.port, ports),
      portText: String(raw.httpGet.port),
      path: raw.httpGet.path ?? '/',
      scheme: String(raw.httpGet.scheme ?? 'HTTP').toLowerCase(),
    };
  else if (raw.tcpSocket) handler = { type: 'tcp', port: resolvePort(raw.tcpSocket.port, ports), portText: String(raw.tcpSocket.port) };
  else if (raw.grpc) handler = { type: 'grpc', port: resolvePort(raw.grpc.port, ports), portText: String(raw.grpc.port) };
  if (!handler) return undefined;
  return {
    handler,
    initialDelaySeconds: typeof raw.initialDelaySeconds === 'number' ? raw.initialDelaySeconds : PROBE_DEFAULTS.initialDelaySeconds,
    timeoutSeconds: positive(raw.timeoutSeconds, PROBE_DEFAULTS.timeoutSeconds),
    periodSeconds: positive(raw.periodSeconds, PROBE_DEFAULTS.periodSeconds),
    successThreshold: positive(raw.successThreshold, PROBE_DEFAULTS.successThreshold),
    failureThreshold: positive(raw.failureThreshold, PROBE_DEFAULTS.failureThreshold),
    terminationGracePeriodSeconds: typeof raw.terminationGracePeriodSeconds === 'number' ? raw.terminationGracePeriodSeconds : undefined,
  };
}

/** What the container does with one connection: refuse it, or answer after some seconds. */
export type Answer = { refused: true } | { refused: false; status: number; body: string; latencySeconds: number };

export interface ProbeTarget {
  podIP: string;
  /** Serves one HTTP request (counting it, logging it); `tcp` connects without a request. */
  connect(port: number, request?: { path: string }): Answer;
  /** Exit code the model gives a command it cannot read itself. */
  execExitCode: number;
}

export interface ProbeOutcome {
  ok: boolean;
  /** The text after "<Kind> probe failed: ". */
  output: string;
}

export function runProbe(spec: ProbeSpec, target: ProbeTarget): ProbeOutcome {
  const h = spec.handler;
  if (h.type === 'exec') {
    // exec: the command's output is the message; a reading gives code and echoes.
    if (!isReadableProgram(h.command)) return { ok: target.execExitCode === 0, output: '' };
    const r = readCommand(h.command);
    const output = r.logs.map((l) => l.text + '\n').join('');
    return { ok: (r.exit?.code ?? 0) === 0, output };
  }
  if (h.port === undefined) return { ok: false, output: `unable to find port ${JSON.stringify(h.portText)}` };
  const hostPort = `${target.podIP}:${h.port}`;
  const refused = `dial tcp ${hostPort}: connect: connection refused`;
  if (h.type === 'tcp') return target.connect(h.port).refused ? { ok: false, output: refused } : { ok: true, output: '' };
  if (h.type === 'grpc')
    return target.connect(h.port).refused
      ? { ok: false, output: `timeout: failed to connect service "${hostPort}" within ${spec.timeoutSeconds}s` }
      : { ok: true, output: '' };
  const url = `${h.scheme}://${hostPort}${h.path}`;
  const a = target.connect(h.port, { path: h.path });
  if (a.refused) return { ok: false, output: `Get "${url}": ${refused}` };
  if (a.latencySeconds > spec.timeoutSeconds)
    return { ok: false, output: `Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)` };
  // prober/http: 200–399 is success.
  if (a.status >= 200 && a.status < 400) return { ok: true, output: '' };
  return { ok: false, output: `HTTP probe failed with statuscode: ${a.status}` };
}

/** worker.go's result cache: the result flips only after a threshold of equal outcomes in a row. */
export interface ProbeState {
  result: boolean;
  successes: number;
  failures: number;
  nextAtMs: number;
}

/** Readiness starts failed (not Ready before the first pass); liveness and startup start successful. */
export function initialProbeState(kind: ProbeKind, spec: ProbeSpec, startedAtMs: number): ProbeState {
  return { result: kind !== 'Readiness', successes: 0, failures: 0, nextAtMs: startedAtMs + spec.initialDelaySeconds * 1000 };
}

export function recordOutcome(state: ProbeState, spec: ProbeSpec, ok: boolean, nowMs: number): ProbeState {
  const successes = ok ? state.successes + 1 : 0;
  const failures = ok ? 0 : state.failures + 1;
  let result = state.result;
  if (ok && successes >= spec.successThreshold) result = true;
  if (!ok && failures >= spec.failureThreshold) result = false;
  return { result, successes, failures, nextAtMs: nowMs + spec.periodSeconds * 1000 };
}

/** How describe prints a probe: `http-get http://:8080/ delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function describeProbe(spec: ProbeSpec): string {
  const h = spec.handler;
  const what =
    h.type === 'http' ? `http-get ${h.scheme}://:${h.portText}${h.path}`
    : h.type === 'tcp' ? `tcp-socket :${h.portText}`
    : h.type === 'grpc' ? `grpc <pod>:${h.portText}`
    : `exec [${h.command.join(' ')}]`;
  return `${what} delay=${spec.initialDelaySeconds}s timeout=${spec.timeoutSeconds}s period=${spec.periodSeconds}s #success=${spec.successThreshold} #failure=${spec.failureThreshold}`;
}
