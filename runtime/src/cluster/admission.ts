// The simulated API server's write path for user requests (validation-rules §1):
// kind resolution → strict decode → defaults → namespace lifecycle →
// PrepareForCreate → generateName → validation → allocators → storage.
// Every refusal is an ApiError value carrying the API server's own text, so
// the CLI and the REST facade print what kubectl would.

import { decode, type DecodeError } from '../api/decode';
import { applyDefaults, prepareForCreate, prepareMetadata } from '../api/defaults';
import { renderFieldError, renderInvalidObject, withRule, type FieldError } from '../api/field';
import { kindByName, resolveKind } from '../api/kinds';
import { validateObjectMeta } from '../api/validation/metadata';
import { validateObject } from '../api/validation';
import { allocateService } from './allocators';
import { admitPod } from './pod-admission';
import { copyJson, podFromBody, type PodBody, type PodBodyLookup, type PodBodyMemo } from './pod-body-memo';
import * as errors from './api-error';
import type { ApiError } from './api-error';
import { jsonEqual, LAST_APPLIED, threeWayMerge } from './apply-merge';
import { MAX_GENERATE_PREFIX } from './store/store';
import { qualifiedResource, resourceForKind, type ResourceInfo } from './resources';
import type { Clock, KubeObject, ObjectStore, Rng } from './types';
import { validateUpdate } from './update-rules';

export interface AdmissionContext {
  store: ObjectStore;
  rng: Rng;
  clock: Clock;
  /** Kubernetes minor version whose wording is used (33). */
  minor: number;
  /** Pod manifests admitted before (pod-body-memo.ts); absent, every manifest is admitted in full. */
  podBodies?: PodBodyMemo;
}

export type WriteOutcome = 'created' | 'configured' | 'unchanged' | 'replaced' | 'scaled';

export type AdmissionResult =
  | { ok: true; object: KubeObject; outcome: WriteOutcome; warnings: string[] }
  | { ok: false; error: ApiError; warnings?: string[] };

export interface WriteOptions {
  /** The namespace the request goes to when the manifest names none (`-n`). */
  namespace?: string;
}

/** kubectl's note when apply meets an object created without it. */
export function missingLastAppliedWarning(r: ResourceInfo, name: string): string {
  return `resource ${qualifiedResource(r)}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`;
}

type Resolved = { ok: true; info: ResourceInfo; obj: KubeObject } | { ok: false; error: ApiError };

/** Kind resolution and strict decoding: everything before defaulting (`decoded`: the same manifest decoded before). */
function resolveAndDecode(input: unknown, opts: WriteOptions, decoded = false): Resolved {
  const raw = (input ?? {}) as Record<string, any>;
  const res = resolveKind(raw.apiVersion, raw.kind);
  let info: ResourceInfo | undefined;
  if (res.type === 'served') {
    const decodeErrors = decoded ? [] : decode(res.info, raw);
    if (decodeErrors.length) return { ok: false, error: errors.badRequest(decodeMessage(res.info.kind, res.info.version, decodeErrors)) };
    info = resourceForKind(res.info.kind);
  } else {
    // Kinds only the cluster itself serves (a hand-written Endpoints, KIA ch.5) skip the manifest schema.
    const own = resourceForKind(String(raw.kind));
    if (own && own.apiVersion === raw.apiVersion) info = own;
  }
  if (!info) {
    const message = res.type === 'removed' ? res.message : `no matches for kind "${raw.kind}" in version "${raw.apiVersion}"`;
    return { ok: false, error: { ...errors.badRequest(message), clientSide: true } };
  }
  const metadata = { ...(raw.metadata ?? {}) };
  if (info.namespaced) metadata.namespace = metadata.namespace ?? opts.namespace ?? 'default';
  else delete metadata.namespace;
  return { ok: true, info, obj: { ...raw, metadata } as KubeObject };
}

const STRICT_PREFIX = 'strict decoding error: ';

/**
 * transformDecodeError: a type error stops decoding first; unknown fields are
 * all listed after one `strict decoding error:` prefix, joined with ", ".
 */
function decodeMessage(kind: string, version: string, errs: DecodeError[]): string {
  const head = `${kind} in version "${version}" cannot be handled as a ${kind}: `;
  const typeError = errs.find((e) => e.code !== 'unknown-field');
  if (typeError) return head + typeError.message;
  const fields = errs.map((e) => (e.message.startsWith(STRICT_PREFIX) ? e.message.slice(STRICT_PREFIX.length) : e.message));
  return head + STRICT_PREFIX + fields.join(', ');
}

/** NamespaceLifecycle admission: the namespace must exist and not be terminating. */
function checkNamespace(ctx: AdmissionContext, info: ResourceInfo, obj: KubeObject): ApiError | undefined {
  const ns = obj.metadata.namespace;
  if (!info.namespaced || !ns) return undefined;
  const nsObj = ctx.store.get('Namespace', undefined, ns);
  if (!nsObj) return errors.notFound('namespaces', ns);
  if (nsObj.metadata.deletionTimestamp || nsObj.status?.phase === 'Terminating')
    return errors.forbidden(`${qualifiedResource(info)} "${obj.metadata.name}" is forbidden: unable to create new content in namespace ${ns} because it is being terminated`);
  return undefined;
}

/** validateObject's findings, warnings included; with a remembered body only the metadata is validated anew. */
function findings(ctx: AdmissionContext, info: ResourceInfo, obj: KubeObject, body?: PodBody): FieldError[] {
  if (body) {
    // validateObject's own composition: ObjectMeta first, then the kind's rules.
    const nameFormat = kindByName(obj.kind)?.nameFormat ?? 'subdomain';
    const meta = withRule('metadata', validateObjectMeta(obj.metadata, 'metadata', { namespaced: info.namespaced, nameFormat }));
    return body.specFindings.length === 0 ? meta : meta.concat(body.specFindings);
  }
  return resolveKind(obj.apiVersion, obj.kind).type === 'served'
    ? validateObject(obj, { minor: ctx.minor })
    : validateObjectMeta(obj.metadata, 'metadata', { namespaced: info.namespaced, nameFormat: 'subdomain' });
}

function splitFindings(ctx: AdmissionContext, all: FieldError[]): { errors: FieldError[]; warnings: string[] } {
  // Most writes have no findings at all.
  if (all.length === 0) return { errors: [], warnings: [] };
  return {
    errors: all.filter((e) => !e.warning),
    warnings: all.filter((e) => e.warning).map((e) => renderFieldError(e, { minor: ctx.minor })),
  };
}

function validate(ctx: AdmissionContext, info: ResourceInfo, obj: KubeObject): { errors: FieldError[]; warnings: string[] } {
  return splitFindings(ctx, findings(ctx, info, obj));
}

function generatedName(ctx: AdmissionContext, info: ResourceInfo, obj: KubeObject): string {
  const prefix = String(obj.metadata.generateName).slice(0, MAX_GENERATE_PREFIX);
  for (;;) {
    const name = prefix + ctx.rng.suffix();
    if (!ctx.store.get(info.kind, obj.metadata.namespace, name)) return name;
  }
}

const invalidObject = (ctx: AdmissionContext, obj: KubeObject, errs: FieldError[]) =>
  errors.invalid(renderInvalidObject(obj.kind, obj.metadata.name ?? '', errs, { minor: ctx.minor }));

/** POST: `kubectl create -f`. */
export function createObject(ctx: AdmissionContext, input: unknown, opts: WriteOptions = {}): AdmissionResult {
  const memo = ctx.podBodies?.lookup(input, opts.namespace, ctx.minor);
  const r = resolveAndDecode(input, opts, memo?.body !== undefined);
  if (!r.ok) return r;
  return admitNew(ctx, r.info, r.obj, memo);
}

/**
 * What a pod's metadata becomes on create, in a copy of its own (the rest may
 * come from a memo). Only for a manifest the memo holds or takes: JSON data
 * alone, which copyJson copies.
 */
const preparedMetadata = (info: ResourceInfo, obj: KubeObject, uid: string) => prepareMetadata(info, copyJson(obj.metadata), uid);

/** `memo`: what the pod-body memo knows of the manifest. */
function admitNew(ctx: AdmissionContext, info: ResourceInfo, decoded: KubeObject, memo?: PodBodyLookup): AdmissionResult {
  const body = memo?.body;
  let obj = body ? decoded : (applyDefaults(decoded) as KubeObject);
  const nsError = checkNamespace(ctx, info, obj);
  if (nsError) return { ok: false, error: nsError };
  const uid = ctx.rng.uid();
  obj = body ? podFromBody(body, preparedMetadata(info, decoded, uid)) : admitPod(prepareForCreate(obj, { uid }) as KubeObject);
  // The memo is used only where the body provably ignores metadata: this pod's metadata alone prepares to the same.
  const memorable = memo?.remember !== undefined && jsonEqual(obj.metadata, preparedMetadata(info, decoded, uid));
  if (!obj.metadata.name && obj.metadata.generateName) obj = { ...obj, metadata: { ...obj.metadata, name: generatedName(ctx, info, obj) } };
  if (obj.kind === 'Namespace') obj = { ...obj, spec: { finalizers: ['kubernetes'], ...obj.spec }, status: { phase: 'Active' } };
  const all = findings(ctx, info, obj, body);
  if (memorable) memo.remember(obj, all.filter((e) => e.rule !== 'metadata'));
  const v = splitFindings(ctx, all);
  if (v.errors.length) return { ok: false, error: invalidObject(ctx, obj, v.errors), warnings: v.warnings };
  if (ctx.store.get(info.kind, obj.metadata.namespace, obj.metadata.name))
    return { ok: false, error: errors.alreadyExists(qualifiedResource(info), obj.metadata.name), warnings: v.warnings };
  if (obj.kind === 'Service') {
    const a = allocateService(obj, ctx.store, ctx.rng);
    if ('errors' in a) return { ok: false, error: invalidObject(ctx, obj, a.errors), warnings: v.warnings };
    obj = a.object;
  }
  // Prepared metadata already carries the uid (the store copies what it keeps); only kinds we do not serve lack it.
  const stored = ctx.store.create(obj.metadata.uid === uid ? obj : { ...obj, metadata: { ...obj.metadata, uid } });
  return { ok: true, object: stored, outcome: 'created', warnings: v.warnings };
}

/** The manifest as kubectl records it in the last-applied annotation (without that annotation). */
function lastAppliedText(input: Record<string, any>): string {
  const annotations = { ...(input.metadata?.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  const metadata = { ...input.metadata, annotations };
  if (Object.keys(annotations).length === 0) delete metadata.annotations;
  return JSON.stringify({ ...input, metadata }) + '\n';
}

function withLastApplied(obj: KubeObject, text: string): KubeObject {
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...obj.metadata.annotations, [LAST_APPLIED]: text } } };
}

/** Client-side `kubectl apply`: create when absent, else the three-way merge and an update. */
export function applyObject(ctx: AdmissionContext, input: unknown, opts: WriteOptions = {}): AdmissionResult {
  const r = resolveAndDecode(input, opts);
  if (!r.ok) return r;
  const text = lastAppliedText(input as Record<string, any>);
  const live = ctx.store.get(r.info.kind, r.obj.metadata.namespace, r.obj.metadata.name ?? '');
  if (!live) {
    const res = admitNew(ctx, r.info, withLastApplied(r.obj, text));
    return res;
  }
  const warnings: string[] = [];
  const previous = live.metadata.annotations?.[LAST_APPLIED];
  if (previous === undefined) warnings.push(missingLastAppliedWarning(r.info, live.metadata.name));
  const last = previous === undefined ? undefined : safeParse(previous);
  const merged = threeWayMerge(r.info.kind, last, withLastApplied(r.obj, text), live) as KubeObject;
  return admitUpdate(ctx, r.info, live, merged, warnings, 'configured');
}

/** PUT: `kubectl replace -f`; a stale resourceVersion is a Conflict. */
export function replaceObject(ctx: AdmissionContext, input: unknown, opts: WriteOptions = {}): AdmissionResult {
  const r = resolveAndDecode(input, opts);
  if (!r.ok) return r;
  const live = ctx.store.get(r.info.kind, r.obj.metadata.namespace, r.obj.metadata.name ?? '');
  if (!live) return { ok: false, error: errors.notFound(qualifiedResource(r.info), r.obj.metadata.name ?? '') };
  const rv = r.obj.metadata.resourceVersion;
  if (rv && rv !== live.metadata.resourceVersion) return { ok: false, error: errors.conflict(qualifiedResource(r.info), live.metadata.name) };
  // The main resource ignores status; a Service keeps its allocated IPs when the manifest omits them.
  const next: KubeObject = { ...r.obj, status: live.status };
  if (live.kind === 'Service' && !next.spec?.clusterIP) next.spec = { ...next.spec, clusterIP: live.spec?.clusterIP, clusterIPs: live.spec?.clusterIPs };
  return admitUpdate(ctx, r.info, live, next, [], 'replaced');
}

function admitUpdate(ctx: AdmissionContext, info: ResourceInfo, live: KubeObject, candidate: KubeObject, warnings: string[], outcome: WriteOutcome): AdmissionResult {
  const obj = applyDefaults({
    ...candidate,
    metadata: { ...candidate.metadata, uid: live.metadata.uid, creationTimestamp: live.metadata.creationTimestamp },
  }) as KubeObject;
  const v = validate(ctx, info, obj);
  const errs = [...v.errors, ...validateUpdate(live, obj)];
  warnings.push(...v.warnings);
  if (errs.length) return { ok: false, error: invalidObject(ctx, obj, errs), warnings };
  if (jsonEqual(obj, live)) return { ok: true, object: live, outcome: 'unchanged', warnings };
  return { ok: true, object: ctx.store.update(obj), outcome, warnings };
}

/** Kinds of ours with a `/scale` subresource. */
const SCALABLE = new Set(['ReplicationController', 'ReplicaSet']);

/** The scale subresource a kind lacks: the API server has no such path. */
const NO_SUCH_PATH: ApiError = { code: 404, reason: 'NotFound', message: 'the server could not find the requested resource' };

/** PUT `<resource>/<name>/scale`: only spec.replicas changes (generation moves, labels do not). */
export function scaleObject(ctx: AdmissionContext, info: ResourceInfo, namespace: string | undefined, name: string, replicas: number): AdmissionResult {
  const live = ctx.store.get(info.kind, info.namespaced ? namespace : undefined, name);
  if (!live) return { ok: false, error: errors.notFound(qualifiedResource(info), name) };
  if (!SCALABLE.has(info.kind)) return { ok: false, error: NO_SUCH_PATH };
  const r = admitUpdate(ctx, info, live, { ...live, spec: { ...live.spec, replicas } }, [], 'scaled');
  // kubectl reports `scaled` even when the count was already right.
  return r.ok ? { ...r, outcome: 'scaled' } : r;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
