// A bare Pod is not replaced when its node fails, and ReplicationController is
// the older controller that ReplicaSet (apps/v1) supersedes with set-based
// selectors ("Kubernetes in Action" ch. 4).
import type { LintRule } from '../types';

const ADVICE: Record<string, string> = {
  Pod: 'a bare Pod is not recreated if it is deleted or its node fails; a ReplicaSet (or Deployment) keeps it running',
  ReplicationController: 'ReplicationController is superseded by ReplicaSet (apps/v1), which also supports set-based selectors',
};

export const preferReplicaSet: LintRule = {
  id: 'prefer-replicaset',
  severity: 'information',
  scope: 'document',
  summary: 'Bare Pod or ReplicationController where a ReplicaSet would serve.',
  check({ object }) {
    const advice = ADVICE[String(object.kind)];
    return advice ? [{ path: 'kind', anchor: 'value', message: advice }] : [];
  },
};
