// Finished Jobs and their pods stay until someone deletes them unless
// ttlSecondsAfterFinished lets the TTL controller clean up (runtime-semantics: Job).
import { isRecord } from '../../../../runtime/src/api/values';
import { get } from '../pods';
import type { LintRule } from '../types';

export const jobMissingTtl: LintRule = {
  id: 'job-missing-ttl',
  severity: 'information',
  scope: 'document',
  summary: 'Job without `ttlSecondsAfterFinished`.',
  check({ object }) {
    if (object.kind !== 'Job' || !isRecord(object.spec)) return [];
    if (get(object, 'spec.ttlSecondsAfterFinished') !== undefined) return [];
    return [{ path: 'spec', anchor: 'key', message: 'Job has no ttlSecondsAfterFinished; it and its pods stay after it finishes until deleted' }];
  },
};
