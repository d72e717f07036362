// What a kubelet keeps outside the API objects, in the form the cluster
// snapshot stores (cluster.ts ClusterState.components, persistence/format.ts):
// each pod's runtime (container stages and their due times, probe counters,
// request counts, request and previous logs, the container spec and behaviour
// it started with), the crash and pull backoff entries, the images on the
// node and the last pod IP handed out. A real kubelet recovers most of this
// from the container runtime after a restart; the simulated one has only the
// saved copy, so a restore resumes every container exactly where it was.
//
// The saved form is plain JSON. Stages and probes use Infinity for "never",
// which JSON cannot hold, so it is written as the tag {"$":"Infinity"}: no
// Kubernetes field or log line is an object with that shape.

import type { BackoffEntry } from './backoff';
import type { PodRuntime } from './pod-runtime';

export interface KubeletState {
  lastIP: number;
  images: string[];
  backoff: Record<string, BackoffEntry>;
  /** Pod runtimes by `<namespace>/<name>`. */
  pods: Record<string, PodRuntime>;
}

/** The saved form: JSON-safe, so a value passes through JSON.stringify/parse unchanged. */
export type SavedKubelet = unknown;

const INFINITY_TAG = 'Infinity';

const encodeInfinity = (_key: string, v: unknown) => (v === Infinity ? { $: INFINITY_TAG } : v);

function decodeInfinity(_key: string, v: unknown): unknown {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const keys = Object.keys(v);
    if (keys.length === 1 && (v as { $?: unknown }).$ === INFINITY_TAG) return Infinity;
  }
  return v;
}

/** A deep, JSON-safe copy of the kubelet's state. */
export function saveKubelet(state: KubeletState): SavedKubelet {
  return JSON.parse(JSON.stringify(state, encodeInfinity));
}

/** The state back from its saved form (a deep copy: the saved value is never shared). */
export function loadKubelet(saved: SavedKubelet): KubeletState | undefined {
  if (!saved || typeof saved !== 'object') return undefined;
  const s = JSON.parse(JSON.stringify(saved), decodeInfinity) as Partial<KubeletState>;
  return {
    lastIP: typeof s.lastIP === 'number' ? s.lastIP : 1,
    images: Array.isArray(s.images) ? s.images : [],
    backoff: s.backoff && typeof s.backoff === 'object' ? s.backoff : {},
    pods: s.pods && typeof s.pods === 'object' ? s.pods : {},
  };
}
