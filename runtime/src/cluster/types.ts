// The shapes every part of the simulated cluster shares: stored objects, the
// store interface controllers and kubelets write through, the virtual clock,
// the seeded random source and the event recorder.
//
// Watch delivery: the store queues watch events as it writes and never calls a
// handler from inside create/update/remove. The cluster's `tick()` drains the
// queue (in write order, synchronously, no microtasks), so a handler may write
// to the store freely — its own writes are queued and delivered later in the
// same drain. This keeps every write atomic with respect to observers, and
// keeps runs deterministic (no promise scheduling involved).

import type { Selector } from '../api/selectors';

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid: string;
  /** Decimal string, as the API server sends it; the store's counter is global. */
  resourceVersion: string;
  generation?: number;
  /** RFC 3339, second precision (`2026-01-01T00:00:00Z`). */
  creationTimestamp: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  generateName?: string;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: any;
  status?: any;
  /** Kinds without spec/status (Event, Endpoints, ConfigMap-like) keep their top-level fields. */
  [field: string]: unknown;
}

export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KubeObject;
  /** The store's resourceVersion after this write. */
  resourceVersion: number;
}

export interface ListOptions {
  namespace?: string;
  selector?: Selector;
  /** Pods only: `spec.nodeName` equality (the `--field-selector spec.nodeName=` index). */
  fieldNodeName?: string;
}

export interface ObjectStore {
  get(kind: string, namespace: string | undefined, name: string): KubeObject | undefined;
  list(kind: string, opts?: ListOptions): KubeObject[];
  /** Internal write, no admission: assigns uid, resourceVersion, creationTimestamp, generation and generateName. */
  create(obj: KubeObject): KubeObject;
  /** Bumps resourceVersion; generation bumps when spec changes. */
  update(obj: KubeObject): KubeObject;
  /** Writes status only (spec and metadata of `obj` are ignored); generation never changes. */
  updateStatus(obj: KubeObject): KubeObject;
  /** Final removal (after finalizers and grace): emits DELETED. */
  remove(kind: string, namespace: string | undefined, name: string): void;
  /** Subscribe to writes of the given kinds (all kinds if omitted); returns the unsubscribe function. */
  watch(handler: (e: WatchEvent) => void, kinds?: string[]): () => void;
}

export interface Clock {
  /** Virtual epoch ms. */
  now(): number;
  /** Runs `cb` when virtual time reaches `timeMs` (immediately due timers run on the next advance/tick). */
  at(timeMs: number, cb: () => void, label?: string): number;
  after(ms: number, cb: () => void, label?: string): number;
  cancel(id: number): void;
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
  /** generateName suffix from the alphabet `bcdfghjklmnpqrstvwxz2456789`, default length 5. */
  suffix(len?: number): string;
  /** RFC 4122 version-4 shaped uid. */
  uid(): string;
}

export interface EventSource {
  component: string;
  host?: string;
}

export interface EventRecorder {
  record(involved: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, source?: EventSource): void;
}
