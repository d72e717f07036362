// SetDefaults_Namespace / SetDefaults_NamespaceStatus (pkg/apis/core/v1/defaults.go):
// every named Namespace carries its own name as a label, so selectors can pick it.
import { asString, type Obj } from '../values';
import { ensureRecord, setIfZero } from './setters';

export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export function defaultNamespace(ns: Obj): void {
  const meta = ensureRecord(ns, 'metadata');
  const name = asString(meta.name);
  // Nameless (generateName) namespaces cannot be labelled yet; the label overrides any user value.
  if (name) ensureRecord(meta, 'labels')[NAMESPACE_NAME_LABEL] = name;
  setIfZero(ensureRecord(ns, 'status'), 'phase', 'Active');
}
