// Probes and lifecycle hooks: validation.go validateLivenessProbe, validateReadinessProbe,
// validateStartupProbe, validateProbe, validateHandler, validateLifecycle and
// ValidatePortNumOrName (validation-rules §7 "Probes/lifecycle").

import { type FieldError, child, forbidden, invalid, notSupported, required, withRule, invalidEach } from '../field';
import { isHTTPHeaderName, isValidPortName, isValidPortNum } from '../formats';
import { type Obj, asArray, asInt, asRecord, asString } from '../values';

export type ProbeKind = 'livenessProbe' | 'readinessProbe' | 'startupProbe';

export interface ProbeOptions {
  /** The pod's terminationGracePeriodSeconds (bounds a lifecycle sleep). */
  gracePeriod: number | undefined;
  minor: number;
}

const NEGATIVE = 'must be greater than or equal to 0';
const SCHEMES: readonly string[] = ['HTTP', 'HTTPS'];

/** One probe of a container, `path` being `…containers[i].livenessProbe` etc. Absent probes pass. */
export function validateProbe(kind: ProbeKind, probe: unknown, path: string, opts: ProbeOptions): FieldError[] {
  const p = asRecord(probe);
  if (!p) return [];
  const errs = validateHandler(p, PROBE_HANDLERS, path, opts);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    const v = asInt(p[f]);
    if (v < 0) errs.push(invalid(child(path, f), v, NEGATIVE));
  }
  // A pointer upstream: absent means unset, not 0.
  const grace = p.terminationGracePeriodSeconds == null ? undefined : asInt(p.terminationGracePeriodSeconds);
  if (grace !== undefined && grace <= 0) errs.push(invalid(child(path, 'terminationGracePeriodSeconds'), grace, 'must be greater than 0'));
  // Liveness and startup probes decide on the first success; readiness may count several.
  if (kind !== 'readinessProbe') {
    const success = asInt(p.successThreshold);
    if (success !== 1) errs.push(invalid(child(path, 'successThreshold'), success, 'must be 1'));
  } else if (grace !== undefined) {
    errs.push(invalid(child(path, 'terminationGracePeriodSeconds'), grace, 'must not be set for readinessProbes'));
  }
  return withRule('probes', errs);
}

/** A container's `lifecycle` (postStart, preStop hooks) at `…containers[i].lifecycle`. */
export function validateLifecycle(lifecycle: unknown, path: string, opts: ProbeOptions): FieldError[] {
  const l = asRecord(lifecycle);
  if (!l) return [];
  const errs: FieldError[] = [];
  for (const hook of ['postStart', 'preStop']) {
    const h = asRecord(l[hook]);
    if (h) errs.push(...validateHandler(h, HOOK_HANDLERS, child(path, hook), opts));
  }
  return withRule('probes', errs);
}

type HandlerCheck = (h: Obj, path: string, opts: ProbeOptions) => FieldError[];

// validateHandler's order: the first handler set counts, every later one is Forbidden.
const PROBE_HANDLERS: ReadonlyArray<[string, HandlerCheck]> = [
  ['exec', execAction],
  ['httpGet', httpGetAction],
  ['tcpSocket', (h, path) => validatePortNumOrName(h.port, child(path, 'port'))],
  ['grpc', (h, path) => validatePortNumOrName(asInt(h.port), child(path, 'port'))],
];

const HOOK_HANDLERS: ReadonlyArray<[string, HandlerCheck]> = [
  ['exec', execAction],
  ['httpGet', httpGetAction],
  ['tcpSocket', (h, path) => validatePortNumOrName(h.port, child(path, 'port'))],
  ['sleep', sleepAction],
];

function validateHandler(handler: Obj, kinds: ReadonlyArray<[string, HandlerCheck]>, path: string, opts: ProbeOptions): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const [name, check] of kinds) {
    const h = asRecord(handler[name]);
    if (!h) continue;
    if (count > 0) {
      errs.push(forbidden(child(path, name), 'may not specify more than 1 handler type'));
      continue;
    }
    count++;
    errs.push(...check(h, child(path, name), opts));
  }
  if (count === 0) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

function execAction(h: Obj, path: string): FieldError[] {
  return asArray(h.command).length === 0 ? [required(child(path, 'command'))] : [];
}

function httpGetAction(h: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!asString(h.path)) errs.push(required(child(path, 'path')));
  errs.push(...validatePortNumOrName(h.port, child(path, 'port')));
  const scheme = asString(h.scheme);
  if (!SCHEMES.includes(scheme)) errs.push(notSupported(child(path, 'scheme'), scheme, SCHEMES));
  for (const header of asArray(h.httpHeaders)) {
    const name = asString(asRecord(header)?.name);
    // Upstream reports header names at `httpHeaders`, without the index.
    errs.push(...invalidEach(child(path, 'httpHeaders'), name, isHTTPHeaderName(name)));
  }
  return errs;
}

/**
 * validateSleepAction. PodLifecycleSleepActionAllowZero is beta (on) from 1.33, which
 * allows 0; before, the sleep had to be positive.
 */
function sleepAction(h: Obj, path: string, opts: ProbeOptions): FieldError[] {
  const seconds = asInt(h.seconds);
  const grace = opts.gracePeriod;
  if (grace === undefined) return [];
  if (opts.minor >= 33) {
    return seconds < 0 || seconds > grace
      ? [invalid(path, seconds, `must be non-negative and less than terminationGracePeriodSeconds (${grace})`)]
      : [];
  }
  return seconds <= 0 || seconds > grace
    ? [
        invalid(
          path,
          seconds,
          `must be greater than 0 and less than terminationGracePeriodSeconds (${grace}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`,
        ),
      ]
    : [];
}

/**
 * ValidatePortNumOrName: an int-or-string port. A number must be 1..65535 (absent
 * reads as 0); a string must be an IANA service name. Whether a named port exists
 * in the container is not checked (the kubelet resolves it at probe time).
 */
export function validatePortNumOrName(port: unknown, path: string): FieldError[] {
  if (typeof port === 'string') return invalidEach(path, port, isValidPortName(port));
  const n = asInt(port);
  return invalidEach(path, n, isValidPortNum(n));
}
