// The workload controllers of kube-controller-manager that the simulated
// cluster runs, in a fixed order (the order their first syncs run in).

import type { ComponentFactory } from '../cluster';
import { startCronJobController } from './cronjob';
import { startDaemonSetController } from './daemonset';
import { startJobController } from './job';
import { startReplicaSetController, startReplicationManager } from './replication';
import { startTtlAfterFinishedController } from './ttl-after-finished';

export const WORKLOAD_CONTROLLERS: ComponentFactory[] = [startReplicationManager, startReplicaSetController, startDaemonSetController, startJobController, startTtlAfterFinishedController, startCronJobController];
