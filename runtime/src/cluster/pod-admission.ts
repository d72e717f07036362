// What the API server adds to a new Pod after defaulting, beyond the core/v1
// defaulters (runtime-semantics §7 "Admission defaults"): the pod strategy's
// PrepareForCreate (status Pending with the QoS class) and the admission
// plugins of a default kube-apiserver that change pods — ServiceAccount (the
// `default` account), Priority (priority 0, PreemptLowerPriority without a
// PriorityClass) and DefaultTolerationSeconds (300 s for the not-ready and
// unreachable NoExecute taints). SetDefaults_Pod's enableServiceLinks is
// applied by runtime/api defaults already and only re-asserted here.
//
// Deliberately left out: ServiceAccount's token volume (`kube-api-access-*`,
// MountServiceAccountToken). The simulated cluster has no ServiceAccount or
// token machinery, and the volume would only add a mount no simulated
// container reads.

import { parseQuantity, milliValue } from '../api/quantity';
import { TAINT_UNREACHABLE } from './nodes';
import type { KubeObject } from './types';

const DEFAULT_SERVICE_ACCOUNT = 'default';
/** defaulttolerationseconds: --default-not-ready-toleration-seconds and --default-unreachable-toleration-seconds. */
const DEFAULT_TOLERATION_SECONDS = 300;
const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

/** Resources that decide the QoS class (qos.isSupportedQoSComputeResource). */
const QOS_RESOURCES = ['cpu', 'memory'] as const;

interface ContainerLike {
  resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
}

/** The positive cpu/memory quantities of one list, in milli-units. */
function positiveMilli(list: Record<string, unknown> | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const name of QOS_RESOURCES) {
    const raw = list?.[name];
    const q = typeof raw === 'string' || typeof raw === 'number' ? parseQuantity(raw) : undefined;
    const milli = q ? milliValue(q) : 0;
    if (milli > 0) out.set(name, milli);
  }
  return out;
}

/**
 * ComputePodQOS (pkg/apis/core/helper/qos): BestEffort without any cpu/memory
 * request or limit; Guaranteed when every container (init ones included)
 * limits both cpu and memory and the summed requests equal the summed limits;
 * Burstable otherwise. Pod-level resources (alpha in 1.33) are not considered.
 */
export function computeQosClass(spec: { containers?: ContainerLike[]; initContainers?: ContainerLike[] } | undefined): QosClass {
  const requests = new Map<string, number>();
  const limits = new Map<string, number>();
  let guaranteed = true;
  const add = (into: Map<string, number>, from: Map<string, number>) => {
    for (const [name, milli] of from) into.set(name, (into.get(name) ?? 0) + milli);
  };
  for (const c of [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])]) {
    add(requests, positiveMilli(c?.resources?.requests));
    const own = positiveMilli(c?.resources?.limits);
    add(limits, own);
    if (!QOS_RESOURCES.every((name) => own.has(name))) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) for (const [name, milli] of requests) if (limits.get(name) !== milli) guaranteed = false;
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

interface Toleration {
  key?: string;
  operator?: string;
  effect?: string;
  tolerationSeconds?: number;
}

/**
 * DefaultTolerationSeconds: a toleration with the taint's key (or no key) and
 * effect NoExecute (or no effect) already covers it; otherwise
 * `<key>:NoExecute op=Exists for 300s` is appended.
 */
export function withDefaultTolerations(tolerations: readonly Toleration[] | undefined): Toleration[] {
  const own = [...(tolerations ?? [])];
  const covers = (key: string) => own.some((t) => (!t.key || t.key === key) && (!t.effect || t.effect === 'NoExecute'));
  const added = [TAINT_NOT_READY, TAINT_UNREACHABLE]
    .filter((key) => !covers(key))
    .map((key) => ({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS }));
  return [...own, ...added];
}

/** The admitted form of a defaulted, not yet validated Pod; other kinds are returned as they are. */
export function admitPod(obj: KubeObject): KubeObject {
  if (obj.kind !== 'Pod') return obj;
  const spec = { ...(obj.spec ?? {}) };
  // ServiceAccount admission; the v1 conversion mirrors the name into the deprecated serviceAccount.
  spec.serviceAccountName ||= spec.serviceAccount || DEFAULT_SERVICE_ACCOUNT;
  spec.serviceAccount = spec.serviceAccountName;
  spec.enableServiceLinks ??= true;
  // Priority admission without a priorityClassName and no global default class.
  if (!spec.priorityClassName) {
    spec.priority ??= 0;
    spec.preemptionPolicy ??= 'PreemptLowerPriority';
  }
  spec.tolerations = withDefaultTolerations(spec.tolerations);
  // podStrategy.PrepareForCreate: the status starts over as Pending with the computed QoS class.
  return { ...obj, spec, status: { phase: 'Pending', qosClass: computeQosClass(spec) } };
}
