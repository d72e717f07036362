// The part of Pod admission that does not depend on the pod's metadata: the
// strict decode verdict, defaulting, PrepareForCreate's status reset, the
// admission plugins (pod-admission.ts) and the spec's validation findings.
// The pods a controller stamps from one template, or a script from one
// manifest, differ only in metadata (name, uid), so this work is done once
// per distinct manifest and its result shared by every pod admitted from it;
// each pod still gets its own metadata, uid, generated name and metadata
// validation (admission.ts).
//
// Shared bodies are frozen: stored objects are read-only (store.ts), and a
// write through one pod must fail loudly instead of changing its siblings.

import type { FieldError } from '../api/field';
import type { KubeObject } from './types';

/** What admission reuses for a manifest it has admitted before. */
export interface PodBody {
  /** The admitted pod with an empty metadata placeholder (which keeps the manifest's key order). */
  object: Readonly<KubeObject>;
  /** validateObject's findings outside metadata (ValidatePodCreate's spec part). */
  specFindings: readonly FieldError[];
}

/** Distinct manifests remembered; a cluster runs few templates, so a full memo simply starts over. */
const MEMO_LIMIT = 512;

// A marker JSON cannot produce: a property present as undefined keys apart from an absent one.
const UNDEFINED = '\u0000undefined';

/**
 * The memo key of a Pod manifest: its JSON without metadata.name, with the
 * namespace it goes to and the wording minor. Undefined for anything else, or
 * when the name is not a string (a decode error that must be reported).
 */
export function podBodyKey(input: unknown, namespace: string | undefined, minor: number): string | undefined {
  const raw = input as Record<string, any> | null;
  if (!raw || typeof raw !== 'object' || raw.kind !== 'Pod') return undefined;
  const meta = raw.metadata;
  if (!meta || typeof meta !== 'object' || Array.isArray(meta)) return undefined;
  if (meta.name !== undefined && typeof meta.name !== 'string') return undefined;
  const body = JSON.stringify({ ...raw, metadata: { ...meta, name: '' } }, (_k, v) => (v === undefined ? UNDEFINED : v));
  return `${minor}\u0000${namespace ?? ''}\u0000${body}`;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export interface PodBodyMemo {
  get(key: string): PodBody | undefined;
  remember(key: string, admitted: KubeObject, specFindings: readonly FieldError[]): void;
}

export function createPodBodyMemo(): PodBodyMemo {
  const bodies = new Map<string, PodBody>();
  return {
    get: (key) => bodies.get(key),
    remember(key, admitted, specFindings) {
      if (bodies.size >= MEMO_LIMIT) bodies.clear();
      const object = { ...admitted, metadata: {} as KubeObject['metadata'] };
      bodies.set(key, deepFreeze({ object, specFindings: [...specFindings] }));
    },
  };
}

/** A pod from a remembered body and this pod's own metadata, keys in the manifest's order. */
export function podFromBody(body: PodBody, metadata: KubeObject['metadata']): KubeObject {
  return { ...body.object, metadata } as KubeObject;
}
