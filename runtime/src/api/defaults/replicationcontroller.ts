// SetDefaults_ReplicationController (pkg/apis/core/v1/defaults.go, validation-rules §6):
// an RC without a selector selects its own template's labels, and an RC without
// labels carries them too.
import { defaultTemplateOf } from './pod';
import { asRecord, isEmptyMap, type Obj } from '../values';
import { ensureRecord, setDefault } from './setters';

export function defaultReplicationController(rc: Obj): void {
  const spec = ensureRecord(rc, 'spec');
  const template = defaultTemplateOf(spec, false);
  const labels = asRecord(asRecord(template?.metadata)?.labels);
  if (labels && Object.keys(labels).length > 0) {
    if (isEmptyMap(spec.selector)) spec.selector = { ...labels };
    const meta = ensureRecord(rc, 'metadata');
    if (isEmptyMap(meta.labels)) meta.labels = { ...labels };
  }
  setDefault(spec, 'replicas', 1);
}
