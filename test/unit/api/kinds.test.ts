import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KINDS, kindByName, resolveKind, suggestKind } from '../../../runtime/src/api/kinds';
import { definition } from '../../../runtime/src/api/schema';

test('the eight kinds resolve with their served apiVersion', () => {
  const served = Object.fromEntries(KINDS.map((k) => [k.kind, k.apiVersion]));
  assert.deepEqual(served, {
    Pod: 'v1',
    ReplicationController: 'v1',
    Service: 'v1',
    Namespace: 'v1',
    ReplicaSet: 'apps/v1',
    DaemonSet: 'apps/v1',
    Job: 'batch/v1',
    CronJob: 'batch/v1',
  });
  for (const k of KINDS) {
    const r = resolveKind(k.apiVersion, k.kind);
    assert.equal(r.type, 'served');
    assert.equal(r.type === 'served' && r.info, k);
  }
});

test('kind info carries kubectl resource names, scope and name format (§4)', () => {
  const rc = kindByName('ReplicationController')!;
  assert.equal(rc.resource, 'replicationcontrollers');
  assert.deepEqual(rc.shortNames, ['rc']);
  assert.deepEqual(kindByName('Job')!.shortNames, []);
  assert.deepEqual(kindByName('CronJob')!.shortNames, ['cj']);
  assert.equal(kindByName('Namespace')!.namespaced, false);
  assert.equal(kindByName('Pod')!.namespaced, true);
  assert.equal(kindByName('Service')!.nameFormat, 'dns1035label');
  assert.equal(kindByName('Namespace')!.nameFormat, 'dns1123label');
  assert.equal(kindByName('DaemonSet')!.nameFormat, 'subdomain');
  assert.equal(kindByName('DaemonSet')!.group, 'apps');
  assert.equal(kindByName('pod'), undefined);
});

test('every kind points at a definition of the generated schema', () => {
  for (const k of KINDS) assert.equal(definition(k.schemaRef)?.goType, k.kind, k.schemaRef);
});

test('kinds are case-sensitive, and a near miss gets a suggestion', () => {
  assert.deepEqual(resolveKind('v1', 'pod'), { type: 'unknown' });
  assert.equal(suggestKind('v1', 'pod'), 'Pod');
  assert.equal(suggestKind('apps/v1', 'replicaset'), 'ReplicaSet');
  assert.equal(suggestKind('v1', 'Pod'), undefined);
  assert.equal(suggestKind('v1', 'ReplicaSet'), undefined);
  assert.equal(suggestKind(undefined, 'pod'), undefined);
});

test('kinds that are not ours, or not served in that version, are unknown', () => {
  assert.deepEqual(resolveKind('apps/v1', 'Deployment'), { type: 'unknown' });
  assert.deepEqual(resolveKind('extensions/v1beta1', 'Deployment'), { type: 'unknown' });
  assert.deepEqual(resolveKind('v1', 'ReplicaSet'), { type: 'unknown' });
  assert.deepEqual(resolveKind(1, 'Pod'), { type: 'unknown' });
  assert.deepEqual(resolveKind('v1', undefined), { type: 'unknown' });
});

test('apps/v1beta2 ReplicaSet is removed, as the seed found out (§14)', () => {
  const r = resolveKind('apps/v1beta2', 'ReplicaSet');
  assert.equal(r.type, 'removed');
  if (r.type !== 'removed') return;
  assert.equal(r.replacement, 'apps/v1');
  assert.equal(r.removedIn, '1.16');
  assert.equal(
    r.message,
    'no matches for kind "ReplicaSet" in version "apps/v1beta2": apps/v1beta2 ReplicaSet was removed in Kubernetes 1.16; use apiVersion apps/v1 (which requires spec.selector)',
  );
});

test('removed versions of every kind in §14', () => {
  const cases: [string, string, string, string][] = [
    ['extensions/v1beta1', 'ReplicaSet', 'apps/v1', '1.16'],
    ['extensions/v1beta1', 'DaemonSet', 'apps/v1', '1.16'],
    ['apps/v1beta2', 'DaemonSet', 'apps/v1', '1.16'],
    ['extensions/v1beta1', 'Job', 'batch/v1', '1.8'],
    ['batch/v1beta1', 'CronJob', 'batch/v1', '1.25'],
    ['batch/v2alpha1', 'CronJob', 'batch/v1', '1.21'],
  ];
  for (const [apiVersion, kind, replacement, removedIn] of cases) {
    const r = resolveKind(apiVersion, kind);
    assert.equal(r.type, 'removed', `${apiVersion} ${kind}`);
    if (r.type !== 'removed') continue;
    assert.equal(r.kind, kind);
    assert.equal(r.apiVersion, apiVersion);
    assert.equal(r.replacement, replacement);
    assert.equal(r.removedIn, removedIn);
    assert.ok(r.message.startsWith(`no matches for kind "${kind}" in version "${apiVersion}": `), r.message);
  }
  // apps/v1beta1 never served ReplicaSet, so it is not a removal.
  assert.deepEqual(resolveKind('apps/v1beta1', 'ReplicaSet'), { type: 'unknown' });
});

test('the seed CronJob in batch/v1beta1 is told to use batch/v1', () => {
  const r = resolveKind('batch/v1beta1', 'CronJob');
  assert.equal(
    r.type === 'removed' && r.message,
    'no matches for kind "CronJob" in version "batch/v1beta1": batch/v1beta1 CronJob was removed in Kubernetes 1.25; use apiVersion batch/v1',
  );
});

test('ScheduledJob, the old name of CronJob, is removed in any version', () => {
  for (const apiVersion of ['batch/v2alpha1', 'batch/v1']) {
    const r = resolveKind(apiVersion, 'ScheduledJob');
    assert.equal(r.type, 'removed');
    if (r.type !== 'removed') continue;
    assert.equal(r.replacementKind, 'CronJob');
    assert.equal(r.replacement, 'batch/v1');
    assert.match(r.message, /^no matches for kind "ScheduledJob" in version "batch\/v\w+": ScheduledJob was renamed CronJob/);
  }
});
