// Built-in profiles for the images the seeds ("Kubernetes in Action" ch. 1–5)
// run, as data. A profile is a partial behaviour laid over the defaults; the
// facts come from the book's app sources: kubia answers "You've hit <host>" on
// 8080, kubia-unhealthy answers 500 from the sixth request on, batch-job logs
// two lines 120 s apart and exits 0, ssd-monitor loops forever.

import type { ContainerBehaviour } from './types';

export interface ImageProfile {
  behaviour: Partial<ContainerBehaviour>;
  /** The image defines an ENTRYPOINT, so `args` alone do not replace the program. */
  hasEntrypoint: boolean;
}

// Their programs run as PID 1 without a SIGTERM handler, and the kernel drops
// default-action signals to PID 1: only the SIGKILL after the grace period ends them.
const PID1 = { kind: 'ignore' } as const;

const KUBIA_LOGS = { lines: [{ atSeconds: 0, text: 'Kubia server starting...' }], perRequest: 'Received request from ::ffff:{client}' };

/** Keyed by repository without registry and tag (`luksa/kubia`, `busybox`). */
const IMAGE_PROFILES: Readonly<Record<string, ImageProfile>> = {
  'luksa/kubia': {
    hasEntrypoint: true,
    behaviour: {
      sigterm: PID1,
      ports: [8080],
      http: [{ status: 200, body: "You've hit {hostname}\n" }],
      logs: KUBIA_LOGS,
      image: { pullSeconds: 4, sizeBytes: 660_290_560, pullFails: false },
    },
  },
  'luksa/kubia-unhealthy': {
    hasEntrypoint: true,
    behaviour: {
      sigterm: PID1,
      ports: [8080],
      // app.js: `if (requestCount > 5) { 500 "I'm not well. Please restart me!" }`.
      http: [
        { status: 200, count: 5, body: "You've hit {hostname}\n" },
        { status: 500, body: "I'm not well. Please restart me!" },
      ],
      logs: KUBIA_LOGS,
      image: { pullSeconds: 4, sizeBytes: 660_290_567, pullFails: false },
    },
  },
  'luksa/batch-job': {
    hasEntrypoint: true,
    behaviour: {
      sigterm: PID1,
      ports: [],
      exit: { afterSeconds: 120, code: 0 },
      logs: {
        lines: [
          { atSeconds: 0, text: '{date} Batch job starting' },
          { atSeconds: 120, text: '{date} Finished succesfully' },
        ],
      },
      image: { pullSeconds: 2, sizeBytes: 1_322_384, pullFails: false },
    },
  },
  'luksa/ssd-monitor': {
    hasEntrypoint: true,
    behaviour: {
      sigterm: PID1,
      ports: [],
      logs: { lines: [], periodic: { everySeconds: 5, text: 'SSD OK' } },
      image: { pullSeconds: 2, sizeBytes: 1_322_390, pullFails: false },
    },
  },
  // busybox's CMD is `sh`; without a terminal it reads EOF and exits 0 at once.
  busybox: {
    hasEntrypoint: false,
    behaviour: {
      sigterm: PID1,
      ports: [],
      exit: { afterSeconds: 0, code: 0 },
      logs: { lines: [] },
      image: { pullSeconds: 1, sizeBytes: 2_155_950, pullFails: false },
    },
  },
};

/** `docker.io/library/busybox:1.36` → `busybox`; `luksa/kubia:v1` → `luksa/kubia`. */
export function imageRepository(image: string): string {
  let ref = image.split('@')[0];
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  if (colon > slash) ref = ref.slice(0, colon);
  const parts = ref.split('/');
  // A first segment with a dot, a colon or "localhost" names a registry.
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0])) parts.shift();
  if (parts[0] === 'library' && parts.length > 1) parts.shift();
  return parts.join('/');
}

export function profileFor(image: string): ImageProfile | undefined {
  return IMAGE_PROFILES[imageRepository(image)];
}
