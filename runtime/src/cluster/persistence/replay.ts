// Replaying journal records onto a snapshot is a pure fold over the saved
// state: objects written replace their previous version, removed ones go, and
// time, the Rng, the resourceVersion counter and the components' state take
// the last record's values.

import type { ClusterState } from '../cluster';
import { objectKey } from '../store/keys';
import type { KubeObject } from '../types';
import type { JournalRecord } from './format';

const identity = (kind: string, namespace: string | undefined, name: string) => `${kind}|${objectKey(namespace, name)}`;

export function foldRecords(state: ClusterState, records: readonly JournalRecord[]): ClusterState {
  if (records.length === 0) return state;
  const objects = new Map<string, KubeObject>();
  for (const o of state.store.objects) objects.set(identity(o.kind, o.metadata.namespace, o.metadata.name), o);
  for (const r of records) {
    for (const o of r.changes.puts) objects.set(identity(o.kind, o.metadata.namespace, o.metadata.name), o);
    for (const x of r.changes.removals) objects.delete(identity(x.kind, x.namespace, x.name));
  }
  const last = records[records.length - 1];
  const components = last.components ?? state.components;
  return {
    seed: state.seed, nowMs: last.nowMs, rng: last.rng, store: { resourceVersion: last.resourceVersion, objects: [...objects.values()] },
    ...(components ? { components } : {}),
  };
}
