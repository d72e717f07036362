// apps/v1 defaulting (pkg/apis/apps/v1/defaults.go, validation-rules §6).
// apps/v1 never defaults a selector: it must be written.
import { defaultTemplateOf } from './pod';
import { type Obj } from '../values';
import { ensureRecord, setDefault, setIfZero } from './setters';

export function defaultReplicaSet(rs: Obj): void {
  const spec = ensureRecord(rs, 'spec');
  defaultTemplateOf(spec, true);
  setDefault(spec, 'replicas', 1);
}

/** SetDefaults_DaemonSet: rolling updates one node at a time, ten revisions kept. */
export function defaultDaemonSet(ds: Obj): void {
  const spec = ensureRecord(ds, 'spec');
  defaultTemplateOf(spec, true);
  const strategy = ensureRecord(spec, 'updateStrategy');
  setIfZero(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const rolling = ensureRecord(strategy, 'rollingUpdate');
    setDefault(rolling, 'maxUnavailable', 1);
    setDefault(rolling, 'maxSurge', 0);
  }
  setDefault(spec, 'revisionHistoryLimit', 10);
}
