// validateObject: ObjectMeta first, then the kind's own rules, as each upstream
// Validate<Kind> does. The object must already be defaulted and prepared for
// create (../defaults), exactly as the API server sees it at validation time.
import { withRule, type FieldError } from '../field';
import { kindByName } from '../kinds';
import { asRecord, asString, type Obj } from '../values';
import { validateCronJob } from './cronjob';
import { validateDaemonSet } from './daemonset';
import { validateJob } from './job';
import { validateObjectMeta } from './metadata';
import { validateNamespace } from './namespace';
import { validatePodSpec } from './podspec';
import { validateReplicaSet } from './replicaset';
import { validateReplicationController } from './replicationcontroller';
import { validateService } from './service';

export interface ValidateOptions {
  minor: number;
}

type KindValidator = (obj: Obj, minor: number) => FieldError[];

const VALIDATORS: Record<string, KindValidator> = {
  Pod: validatePod,
  ReplicationController: validateReplicationController,
  ReplicaSet: validateReplicaSet,
  DaemonSet: validateDaemonSet,
  Job: validateJob,
  CronJob: validateCronJob,
  Service: validateService,
  Namespace: validateNamespace,
};

/** All field errors (warnings included, marked) for one object; kinds we do not serve give none. */
export function validateObject(obj: unknown, opts: ValidateOptions): FieldError[] {
  const o = asRecord(obj);
  const info = o ? kindByName(asString(o.kind)) : undefined;
  const validate = info && VALIDATORS[info.kind];
  if (!o || !info || !validate) return [];
  const meta = withRule('metadata', validateObjectMeta(o.metadata, 'metadata', { namespaced: info.namespaced, nameFormat: info.nameFormat }));
  return [...meta, ...validate(o, opts.minor)];
}

/** ValidatePodCreate: the pod spec at `spec` with the Pod-only rules (podspec covers both). */
function validatePod(pod: Obj, minor: number): FieldError[] {
  return withRule('pod-spec', validatePodSpec(pod.spec, 'spec', { isTemplate: false, minor }));
}
