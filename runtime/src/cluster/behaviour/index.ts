// Resolves the behaviour of one container of a pod: the defaults, laid over by
// the image's built-in profile, then by a reading of the container's command,
// then by the pod's `kubelab.io/behaviour-*` annotations (most specific last).

import { applyOverrides } from './annotations';
import { isReadableProgram, readCommand } from './commands';
import { profileFor, type ImageProfile } from './profiles';
import type { ContainerBehaviour, HttpAnswer } from './types';

export type { ContainerBehaviour, HttpAnswer, TimedLog } from './types';

/** Images we know nothing about: servers that answer 200 on every port and never exit. */
const DEFAULT_BEHAVIOUR: ContainerBehaviour = {
  startupSeconds: 0,
  ports: 'any',
  http: [{ status: 200, body: '' }],
  responseSeconds: 0,
  // Most server images install a SIGTERM handler; 143 = 128 + SIGTERM.
  sigterm: { kind: 'exit', afterSeconds: 0, code: 143 },
  execExitCode: 0,
  logs: { lines: [] },
  image: { pullSeconds: 3, sizeBytes: 52_428_800, pullFails: false },
};

/** Job pods of unknown images "run a short while and succeed" (ARCHITECTURE, Behaviour model). */
export const DEFAULT_JOB_RUN_SECONDS = 10;

export interface PodLike {
  metadata?: { annotations?: Record<string, string>; ownerReferences?: { kind: string }[] };
}

export interface ContainerLike {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
}

/** An image's behaviour before the pod has its say: the defaults laid over by its profile. */
interface ImageBehaviour {
  profile: ImageProfile | undefined;
  behaviour: ContainerBehaviour;
}

// Every pod of a workload runs the same few images; their behaviour is shared
// (behaviours are never changed in place, only replaced). Bounded all the same:
// image names come from user manifests.
const IMAGE_MEMO_LIMIT = 4096;
const imageBehaviours = new Map<string, ImageBehaviour>();

function imageBehaviour(image: string): ImageBehaviour {
  let known = imageBehaviours.get(image);
  if (!known) {
    if (imageBehaviours.size >= IMAGE_MEMO_LIMIT) imageBehaviours.clear();
    const profile = profileFor(image);
    imageBehaviours.set(image, (known = { profile, behaviour: { ...DEFAULT_BEHAVIOUR, ...profile?.behaviour } }));
  }
  return known;
}

export function behaviourFor(pod: PodLike, container: ContainerLike): ContainerBehaviour {
  const { profile, behaviour } = imageBehaviour(container.image ?? '');
  let b = behaviour;
  const isJobPod = pod.metadata?.ownerReferences?.some((o) => o.kind === 'Job') ?? false;
  if (!profile && isJobPod) b = { ...b, exit: { afterSeconds: DEFAULT_JOB_RUN_SECONDS, code: 0 } };

  const argv = programArgv(container, profile?.hasEntrypoint);
  if (argv) {
    const reading = readCommand(argv);
    // The command replaces the image's program: a known server no longer listens,
    // and a shell or sleep as PID 1 ignores SIGTERM.
    b = { ...b, exit: reading.exit, logs: { lines: reading.logs }, ports: profile ? [] : b.ports, sigterm: { kind: 'ignore' } };
  }
  return applyOverrides(b, pod.metadata?.annotations, container.name);
}

/**
 * The argv to read, when the manifest replaces the image's program: `command`
 * always does; `args` alone do only when the image has no ENTRYPOINT (unknown
 * images: when args start with a program we can read).
 */
function programArgv(c: ContainerLike, hasEntrypoint: boolean | undefined): string[] | undefined {
  if (c.command?.length) return [...c.command, ...(c.args ?? [])];
  if (!c.args?.length) return undefined;
  if (hasEntrypoint === false || (hasEntrypoint === undefined && isReadableProgram(c.args))) return [...c.args];
  return undefined;
}

/** The answer to the n-th request (1-based) to this container instance. */
export function httpAnswer(b: ContainerBehaviour, n: number): HttpAnswer {
  let seen = 0;
  for (const a of b.http) {
    if (a.count === undefined || n <= seen + a.count) return a;
    seen += a.count;
  }
  return b.http[b.http.length - 1] ?? { status: 200 };
}

export function listens(b: ContainerBehaviour, port: number, sinceStartSeconds: number): boolean {
  return sinceStartSeconds >= b.startupSeconds && (b.ports === 'any' || b.ports.includes(port));
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The `date` command's default output in UTC: `Fri Apr 29 09:58:22 UTC 2016`. */
export function dateText(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, ' ');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${day} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** Fills a profile template: `{hostname}`, `{date}` (at `atMs`), `{client}`. */
export function renderTemplate(text: string, vars: { hostname: string; atMs: number; client?: string }): string {
  return text
    .replace(/\{hostname\}/g, vars.hostname)
    .replace(/\{date\}/g, () => dateText(vars.atMs))
    .replace(/\{client\}/g, vars.client ?? '');
}
