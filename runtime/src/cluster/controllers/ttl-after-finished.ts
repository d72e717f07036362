// The TTL-after-finished controller (pkg/controller/ttlafterfinished,
// runtime-semantics §4): a finished Job with ttlSecondsAfterFinished is
// deleted, with foreground cascade, once that many seconds have passed since
// it finished; until then its key is requeued for the due instant.

import type { ClusterComponent, ClusterCore, ComponentFactory } from '../cluster';
import { deleteObject } from '../deletion';
import { resourceForKind } from '../resources';
import { isJobFinished, jobFinishedMs } from './job-status';
import { createWorkQueue, keyOf, splitKey, type ReconcileResult } from './workqueue';

function startTtl(core: ClusterCore): ClusterComponent {
  const { store, clock } = core;
  const jobs = resourceForKind('Job')!;

  const sync = (key: string): ReconcileResult | void => {
    const { namespace, name } = splitKey(key);
    const job = store.get('Job', namespace, name);
    const ttl = job?.spec?.ttlSecondsAfterFinished;
    if (!job || ttl == null || job.metadata.deletionTimestamp || !isJobFinished(job)) return;
    const dueMs = (jobFinishedMs(job) ?? clock.now()) + Number(ttl) * 1000;
    if (dueMs > clock.now()) return { requeueAfter: dueMs - clock.now() };
    deleteObject({ store, clock }, jobs, namespace, name, { propagationPolicy: 'Foreground' });
  };

  const queue = createWorkQueue(clock, 'ttl-after-finished-controller', sync);
  const unwatch = store.watch((e) => {
    if (e.type !== 'DELETED') queue.add(keyOf(e.object.metadata.namespace, e.object.metadata.name));
  }, ['Job']);
  return {
    resync() {
      for (const j of store.list('Job')) queue.add(keyOf(j.metadata.namespace, j.metadata.name));
    },
    stop() {
      unwatch();
      queue.stop();
    },
  };
}

export const startTtlAfterFinishedController: ComponentFactory = startTtl;
