// What a simulated container "does" (ARCHITECTURE "Behaviour model"). Images
// never run here: the kubelet asks this description how long the process lives,
// how it exits, how it answers HTTP/TCP, how it reacts to SIGTERM and what it
// logs. Everything is relative to the container's start, so the same pod gives
// the same story on every run.

/** One stretch of HTTP answers: `count` requests (undefined = all the rest) answered with `status`. */
export interface HttpAnswer {
  status: number;
  count?: number;
  body?: string;
}

/** A log line the process writes `atSeconds` after it starts (templates: `{hostname}`, `{date}`). */
export interface TimedLog {
  atSeconds: number;
  text: string;
}

export interface ContainerBehaviour {
  /** Seconds from start until the ports accept connections. */
  startupSeconds: number;
  /** How the process ends by itself; undefined = it runs until killed. */
  exit?: { afterSeconds: number; code: number };
  /** Ports the process listens on; 'any' = every port answers (images we know nothing about). */
  ports: readonly number[] | 'any';
  /** Answers by request number (1-based, per container instance); the last stretch repeats. */
  http: readonly HttpAnswer[];
  /** Seconds before an answer arrives (a probe times out when this exceeds timeoutSeconds). */
  responseSeconds: number;
  /** PID 1 without a handler ignores SIGTERM and dies by SIGKILL (137) after the grace period. */
  sigterm: { kind: 'ignore' } | { kind: 'exit'; afterSeconds: number; code: number };
  /** Exit code of any exec probe or `kubectl exec` the model does not read itself. */
  execExitCode: number;
  logs: {
    lines: readonly TimedLog[];
    /** A line written every `everySeconds` while running (`luksa/ssd-monitor`). */
    periodic?: { everySeconds: number; text: string };
    /** Written for each HTTP request served (template `{client}`). */
    perRequest?: string;
  };
  image: { pullSeconds: number; sizeBytes: number; pullFails: boolean };
}
