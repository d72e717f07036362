// A cluster bound to a state directory: restored (or created) on open, and
// committed after each command. When restore had to work around damage, a
// fresh snapshot is written at once so the next damage cannot compound it.

import { createCluster, restoreCluster, type Cluster, type ClusterOptions } from '../cluster';
import { foldRecords } from './replay';
import { commitStateDir, compact, restoreStateDir } from './state-dir';

export interface PersistentCluster {
  cluster: Cluster;
  /** What restore had to repair, for the user (printed as warnings). */
  notes: string[];
  /** Durably records everything written since the last save; output may be printed after it returns. */
  save(): void;
}

export type OpenResult = { ok: true; value: PersistentCluster } | { ok: false; message: string };

export function openCluster(dir: string, opts: ClusterOptions = {}): OpenResult {
  const restored = restoreStateDir(dir);
  if (!restored.ok) return restored;
  const { state, records, notes } = restored.value;
  let seq = restored.value.seq;
  // save() journals the store's changes, so the store must record them.
  const recorded = { ...opts, recordChanges: true };
  const cluster = state ? restoreCluster(foldRecords(state, records), recorded) : createCluster(recorded);
  if (state && notes.length > 0) compact(dir, seq, cluster.state());
  const save = () => {
    const changes = cluster.store.takeChanges();
    seq = commitStateDir(dir, seq, {
      state: () => cluster.state(),
      changes,
      nowMs: cluster.clock.now(),
      rng: cluster.rng.state(),
      resourceVersion: cluster.store.resourceVersion(),
      components: cluster.componentState(),
    });
  };
  return { ok: true, value: { cluster, notes, save } };
}
