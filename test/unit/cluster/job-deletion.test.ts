// DELETE of a batch/v1 Job without a propagation policy orphans its pods and warns
// (the API's DefaultGarbageCollectionPolicy); kubectl always sends Background.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { createCluster } from '../../../runtime/src/cluster/cluster';
import { resourceForKind } from '../../../runtime/src/cluster/resources';
import { seedManifest } from '../../seeds';

function clusterWithRunningJob() {
  const c = createCluster({ seed: 'job-deletion' });
  const r = c.create(parse(seedManifest('batch-job')));
  assert.ok(r.ok);
  c.advance(10_000);
  const pods = c.store.list('Pod', { namespace: 'default' });
  assert.equal(pods.length, 1);
  return { c, pod: pods[0].metadata.name };
}

test('a Job deleted with the API default orphans its pod and returns the warning', () => {
  const { c, pod } = clusterWithRunningJob();
  const r = c.delete(resourceForKind('Job')!, 'default', 'batch-job');
  assert.ok(r.ok);
  assert.deepEqual(r.warnings, [
    'child pods are preserved by default when jobs are deleted; set propagationPolicy=Background to remove them or set propagationPolicy=Orphan to suppress this warning',
  ]);
  c.advance(60_000);
  assert.equal(c.store.get('Job', 'default', 'batch-job'), undefined);
  const left = c.store.get('Pod', 'default', pod);
  assert.ok(left, 'the pod stays');
  assert.equal(left.metadata.deletionTimestamp, undefined);
  assert.equal(left.metadata.ownerReferences, undefined);
  assert.ok(!(left.metadata.finalizers ?? []).includes('batch.kubernetes.io/job-tracking'), 'no Job tracks it any more');
});

test('a Job deleted in the background (kubectl delete job) takes its pod with it, without a warning', () => {
  const { c, pod } = clusterWithRunningJob();
  const r = c.delete(resourceForKind('Job')!, 'default', 'batch-job', { propagationPolicy: 'Background' });
  assert.ok(r.ok);
  assert.deepEqual(r.warnings, []);
  c.advance(60_000);
  assert.equal(c.store.get('Pod', 'default', pod), undefined);
});
