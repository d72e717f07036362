// The kubelet's virtual timings (runtime-semantics §7, §13), one table so a
// scenario can be read against it. Upstream jitter is replaced by fixed delays.

export const TIMINGS = {
  /** Sandbox creation: the pod gets its IP and PodReadyToStartContainers. */
  sandboxMs: 500,
  /** Create + start of a container once its image is there. */
  containerStartMs: 500,
  /** A pull that finds the image cached (policy Always) still asks the registry. */
  cachedPullMs: 800,
  /** flowcontrol backoff for crashed containers and failed pulls: 10 s doubling to 5 min. */
  backoffInitialMs: 10_000,
  backoffMaxMs: 300_000,
  /** terminationGracePeriodSeconds default. */
  gracePeriodSeconds: 30,
} as const;

/** Probe field defaults (validation-rules "Probe" defaults; upstream defaults.go). */
export const PROBE_DEFAULTS = {
  initialDelaySeconds: 0,
  timeoutSeconds: 1,
  periodSeconds: 10,
  successThreshold: 1,
  failureThreshold: 3,
} as const;
