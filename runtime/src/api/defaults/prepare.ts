// What the registry strategies do on create after defaulting and before
// validation (apiserver rest.BeforeCreate → strategy.PrepareForCreate,
// validation-rules §1 step 5): status is reset, a Job gets its generated
// selector and labels (§9), a Service's clusterIPs follow clusterIP, a
// Namespace gets the `kubernetes` finalizer. The uid is stamped first, as
// rest.FillObjectMetaSystemFields does, because the Job checks compare against it.
import type { KindInfo, ResourceInfo } from '../kinds';
import { asArray, asRecord, asString, type Obj } from '../values';
import { ensureRecord } from './setters';

export const JOB_NAME_LABELS = ['job-name', 'batch.kubernetes.io/job-name'] as const;
export const CONTROLLER_UID_LABELS = ['controller-uid', 'batch.kubernetes.io/controller-uid'] as const;
/** Since 1.27 the generated selector uses only the prefixed uid label. */
export const SELECTOR_UID_LABEL = 'batch.kubernetes.io/controller-uid';

export function prepareKind(info: KindInfo, obj: Obj, uid: string): void {
  prepareMetadata(info, ensureRecord(obj, 'metadata'), uid);
  const kind = info.kind;
  if (kind === 'Namespace') {
    obj.status = { phase: 'Active' };
    addKubernetesFinalizer(ensureRecord(obj, 'spec'));
    return;
  }
  delete obj.status;
  if (kind === 'Job') prepareJob(obj, uid);
  if (kind === 'Service') syncClusterIPs(ensureRecord(obj, 'spec'));
}

/**
 * What create does to the metadata of any kind, in place: the uid is the
 * server's whatever was written (rest.FillObjectMetaSystemFields, first), and
 * a cluster-scoped object's namespace is silently cleared (rest.BeforeCreate, §4).
 */
export function prepareMetadata<M extends object>(info: Pick<ResourceInfo, 'namespaced'>, meta: M, uid: string): M {
  const fields = meta as Obj;
  fields.uid = uid;
  if (!info.namespaced) delete fields.namespace;
  return meta;
}

/** job strategy generateSelector; skipped when the user asked for a manual selector. */
function prepareJob(job: Obj, uid: string): void {
  const spec = ensureRecord(job, 'spec');
  if (spec.manualSelector === true) return;
  const name = asString(asRecord(job.metadata)?.name);
  const labels = ensureRecord(ensureRecord(ensureRecord(spec, 'template'), 'metadata'), 'labels');
  // User values for these keys are kept; validation then rejects a conflict.
  for (const k of JOB_NAME_LABELS) if (!(k in labels)) labels[k] = name;
  for (const k of CONTROLLER_UID_LABELS) if (!(k in labels)) labels[k] = uid;
  const matchLabels = ensureRecord(ensureRecord(spec, 'selector'), 'matchLabels');
  if (!(SELECTOR_UID_LABEL in matchLabels)) matchLabels[SELECTOR_UID_LABEL] = uid;
}

/** normalizeClusterIPs on create: an old client's singular field seeds the plural one. */
function syncClusterIPs(spec: Obj): void {
  const ip = asString(spec.clusterIP);
  if (ip && asArray(spec.clusterIPs).length === 0) spec.clusterIPs = [ip];
}

function addKubernetesFinalizer(spec: Obj): void {
  const finalizers = asArray(spec.finalizers);
  if (!finalizers.includes('kubernetes')) spec.finalizers = [...finalizers, 'kubernetes'];
}
