// Defaulting and create-time preparation, dispatched by kind. Both return a
// fresh copy; the input is never touched (the store and the editor share it).
import { resolveKind, type KindInfo } from '../kinds';
import { defaultDaemonSet, defaultReplicaSet } from './apps';
import { defaultCronJob, defaultJob } from './batch';
import { defaultNamespace } from './namespace';
import { defaultPod } from './pod';
import { prepareKind } from './prepare';
import { defaultReplicationController } from './replicationcontroller';
import { defaultService } from './service';
import { isRecord, type Obj } from '../values';

export { CONTROLLER_UID_LABELS, JOB_NAME_LABELS, SELECTOR_UID_LABEL, prepareMetadata } from './prepare';
export { NAMESPACE_NAME_LABEL } from './namespace';

const DEFAULTERS: Record<string, (obj: Obj) => void> = {
  Pod: defaultPod,
  ReplicationController: defaultReplicationController,
  ReplicaSet: defaultReplicaSet,
  DaemonSet: defaultDaemonSet,
  Job: defaultJob,
  CronJob: defaultCronJob,
  Service: defaultService,
  Namespace: defaultNamespace,
};

function servedKind(obj: Obj): KindInfo | undefined {
  const r = resolveKind(obj.apiVersion, obj.kind);
  return r.type === 'served' ? r.info : undefined;
}

/** Versioned defaulting (§6). Objects of kinds we do not serve come back as a plain copy. */
export function applyDefaults(obj: unknown): unknown {
  return changedCopy(obj, (copy, info) => DEFAULTERS[info.kind]?.(copy));
}

/** Strategy PrepareForCreate (§1 step 5, §9) with the uid the new object receives. */
export function prepareForCreate(obj: unknown, opts: { uid: string }): unknown {
  return changedCopy(obj, (copy, info) => prepareKind(info, copy, opts.uid));
}

/**
 * `prepareForCreate(applyDefaults(obj), opts)` with one copy instead of two: the
 * editor's static check runs this on every keystroke.
 */
export function defaultForCreate(obj: unknown, opts: { uid: string }): unknown {
  return changedCopy(obj, (copy, info) => {
    DEFAULTERS[info.kind]?.(copy);
    prepareKind(info, copy, opts.uid);
  });
}

/** A deep copy of `obj`, changed by `change` when it is an object of a kind we serve. */
function changedCopy(obj: unknown, change: (copy: Obj, info: KindInfo) => void): unknown {
  const copy = structuredClone(obj);
  if (!isRecord(copy)) return copy;
  const info = servedKind(copy);
  if (info) change(copy, info);
  return copy;
}
