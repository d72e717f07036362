// The part of Pod admission that does not depend on the pod's metadata: the
// strict decode verdict, defaulting, PrepareForCreate's status reset, the
// admission plugins (pod-admission.ts) and the spec's validation findings.
// The pods a controller stamps from one template, or a script from one
// manifest, differ only in metadata (name, uid), so this work is done once
// per distinct manifest and its result shared by every pod admitted from it;
// each pod still gets its own metadata, uid, generated name and metadata
// validation (admission.ts).
//
// Recognising a manifest must cost far less than admitting it. A hit is a
// comparison with the remembered copy (key order and properties present as
// undefined count, since either can change what admission returns), tried
// first against the entry used last, because a controller creates its
// replicas back to back; only then is the manifest hashed to find its entry.
// Only plain JSON data is remembered; anything else is admitted in full.
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

/** Fields a walk leaves out, as a tree: `true` drops the field, an object descends into it. */
interface Ignored {
  readonly [key: string]: Ignored | true | undefined;
}

/** A pod's name is its own; everything else in the manifest is the body's. */
const NAME: Ignored = { metadata: { name: true } };

type JsonObject = Record<string, unknown>;

function isPlainObject(v: unknown): v is JsonObject {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

// FNV-1a, fed with the value's keys and primitives between tags outside the UTF-16 range.
const FNV_OFFSET = 0x811c9dc5;
const mix = (h: number, code: number) => Math.imul(h ^ code, 0x01000193);
const END = 0x10000;
const STRING = 0x10001;
const NUMBER = 0x10002;
const TRUE = 0x10003;
const FALSE = 0x10004;
const NULL = 0x10005;
const UNDEFINED = 0x10006;
const ARRAY = 0x10007;
const OBJECT = 0x10008;

function hashString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return mix(h, END);
}

/**
 * The hash of JSON data, or undefined for anything else: other objects
 * (Date, Map, class instances), bigint, symbols, functions, sparse arrays,
 * and a `__proto__` key (a plain assignment cannot copy it).
 */
function hashJson(h: number, v: unknown, ignored?: Ignored): number | undefined {
  switch (typeof v) {
    case 'string':
      return hashString(mix(h, STRING), v);
    case 'number':
      // The int32 part only: the comparison tells the rest apart.
      return mix(mix(h, NUMBER), v | 0);
    case 'boolean':
      return mix(h, v ? TRUE : FALSE);
    case 'undefined':
      return mix(h, UNDEFINED);
    case 'object':
      if (v === null) return mix(h, NULL);
      if (Array.isArray(v)) {
        let out = mix(h, ARRAY);
        for (let i = 0; i < v.length; i++) {
          const next = i in v ? hashJson(out, v[i]) : undefined;
          if (next === undefined) return undefined;
          out = next;
        }
        return mix(out, END);
      }
      if (isPlainObject(v)) {
        let out = mix(h, OBJECT);
        for (const k in v) {
          const sub = ignored?.[k];
          if (sub === true) continue;
          const next = k === '__proto__' ? undefined : hashJson(hashString(out, k), v[k], sub);
          if (next === undefined) return undefined;
          out = next;
        }
        return mix(out, END);
      }
      return undefined;
    default:
      return undefined;
  }
}

/**
 * Whether `a` is JSON data equal to `remembered` (JSON data without the
 * ignored fields): same keys in the same order, same primitives. The checks
 * on `a` are hashJson's, so a manifest it refuses never matches.
 */
function sameJson(a: unknown, remembered: unknown, ignored?: Ignored): boolean {
  if (Object.is(a, remembered)) return true;
  if (typeof a !== 'object' || typeof remembered !== 'object' || a === null || remembered === null) return false;
  if (Array.isArray(remembered)) {
    if (!Array.isArray(a) || a.length !== remembered.length) return false;
    for (let i = 0; i < a.length; i++) if (!(i in a) || !sameJson(a[i], remembered[i])) return false;
    return true;
  }
  if (!isPlainObject(a)) return false;
  // `remembered` holds no `__proto__` key, so one in `a` fails the key check.
  const keys = Object.keys(remembered);
  let n = 0;
  for (const k in a) {
    const sub = ignored?.[k];
    if (sub === true) continue;
    if (keys[n++] !== k || !sameJson(a[k], (remembered as JsonObject)[k], sub)) return false;
  }
  return n === keys.length;
}

/** A deep copy of JSON data (what podBodyKey accepts), without the ignored fields. */
export function copyJson<T>(v: T, ignored?: Ignored): T {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) return v.map((x) => copyJson(x)) as T;
  const out: JsonObject = {};
  for (const k in v) {
    const sub = ignored?.[k];
    if (sub !== true) out[k] = copyJson((v as JsonObject)[k], sub);
  }
  return out as T;
}

/** The cheap part of telling a Pod manifest: a name that is not a string is a decode error that must be reported. */
function isPodManifest(input: unknown): input is JsonObject {
  if (!isPlainObject(input) || input.kind !== 'Pod') return false;
  const meta = input.metadata;
  return isPlainObject(meta) && (meta.name === undefined || typeof meta.name === 'string');
}

/**
 * The memo key of a Pod manifest: a hash of the wording minor, the namespace
 * it goes to and the manifest without metadata.name. Equal manifests get
 * equal keys; the memo confirms a hit against the manifest itself. Undefined
 * for anything but a Pod manifest of plain JSON data whose name, if any, is a string.
 */
export function podBodyKey(input: unknown, namespace: string | undefined, minor: number): number | undefined {
  if (!isPodManifest(input)) return undefined;
  // No namespace and an empty one share a hash; the memo compares the namespace itself.
  return hashJson(hashString(mix(FNV_OFFSET, minor), namespace ?? ''), input, NAME);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** What the memo makes of a Pod manifest: the body it shares, or how to remember the admission about to run. */
export type PodBodyLookup =
  | { body: PodBody; remember?: undefined }
  | { body?: undefined; remember(admitted: KubeObject, specFindings: readonly FieldError[]): void };

export interface PodBodyMemo {
  /** Undefined for a manifest the memo cannot hold (podBodyKey has none). */
  lookup(manifest: unknown, namespace: string | undefined, minor: number): PodBodyLookup | undefined;
}

interface Entry {
  /** The manifest without its name, as copyJson leaves it. */
  manifest: unknown;
  namespace: string | undefined;
  minor: number;
  body: PodBody;
}

export function createPodBodyMemo(): PodBodyMemo {
  const entries = new Map<number, Entry>();
  let last: Entry | undefined;
  const matches = (e: Entry | undefined, manifest: unknown, namespace: string | undefined, minor: number): e is Entry =>
    e !== undefined && e.namespace === namespace && e.minor === minor && sameJson(manifest, e.manifest, NAME);
  return {
    lookup(manifest, namespace, minor) {
      if (!isPodManifest(manifest)) return undefined;
      if (matches(last, manifest, namespace, minor)) return { body: last.body };
      const key = podBodyKey(manifest, namespace, minor);
      if (key === undefined) return undefined;
      const found = entries.get(key);
      if (matches(found, manifest, namespace, minor)) {
        last = found;
        return { body: found.body };
      }
      return {
        remember(admitted, specFindings) {
          if (entries.size >= MEMO_LIMIT) entries.clear();
          const object = { ...admitted, metadata: {} as KubeObject['metadata'] };
          last = deepFreeze({ manifest: copyJson(manifest, NAME), namespace, minor, body: { object, specFindings: [...specFindings] } });
          entries.set(key, last);
        },
      };
    },
  };
}

/** A pod from a remembered body and this pod's own metadata, keys in the manifest's order. */
export function podFromBody(body: PodBody, metadata: KubeObject['metadata']): KubeObject {
  return { ...body.object, metadata } as KubeObject;
}
