// KIA ch. 4.2 through the kubelab CLI, step by step as the seed's kubectl session
// runs it: each command is its own process-like run against the state directory.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workspace } from './cli-harness';
import { seedManifest } from '../seeds';

const KUBIA_RC = seedManifest('kubia-rc');

const KUBIA_GPU = `apiVersion: v1
kind: Pod
metadata:
  name: kubia-gpu
  labels:
    app: kubia
spec:
  containers:
  - name: kubia
    image: luksa/kubia
`;

const RS_MATCH_EXPRESSIONS = seedManifest('kubia-replicaset-matchexpressions');

/** `get po --show-labels` rows as {name, status, labels}, Terminating ones included. */
function podRows(stdout: string): { name: string; status: string; labels: string }[] {
  return stdout
    .trimEnd()
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => {
      const cells = line.split(/\s{2,}/);
      return { name: cells[0], status: cells[2], labels: cells[cells.length - 1] };
    });
}

test('the replication controller session of KIA ch. 4, through the CLI', async () => {
  const w = workspace({ 'kubia-rc.yaml': KUBIA_RC, 'kubia-gpu.yaml': KUBIA_GPU, 'kubia-rs.yaml': RS_MATCH_EXPRESSIONS });
  const get = async () => podRows((await w.run('get po --show-labels')).stdout);
  const running = async () => (await get()).filter((p) => p.status === 'Running');

  assert.equal((await w.run('create -f kubia-rc.yaml')).stdout, 'replicationcontroller/kubia created\n');
  await w.run('time advance 1m');
  const first = await running();
  assert.equal(first.length, 3);
  for (const p of first) assert.match(p.name, /^kubia-[bcdfghjklmnpqrstvwxz2456789]{5}$/);

  // Deleting a pod: the RC notices and creates a replacement.
  assert.equal((await w.run(`delete po ${first[0].name}`)).stdout, `pod "${first[0].name}" deleted\n`);
  await w.run('time advance 1m');
  const afterDelete = await running();
  assert.equal(afterDelete.length, 3);
  assert.ok(!afterDelete.some((p) => p.name === first[0].name));
  assert.match((await w.run('describe rc kubia')).stdout, /SuccessfulCreate .*Created pod: /);

  // Adding a label the selector doesn't look at changes nothing.
  const [a] = afterDelete;
  assert.equal((await w.run(`label po ${a.name} env=dev`)).stdout, `pod/${a.name} labeled\n`);
  await w.run('time advance 30s');
  assert.equal((await running()).length, 3);

  // Changing the selected label takes the pod out of the RC's scope: a new one is created, the old one keeps running.
  assert.match((await w.run(`label po ${a.name} app=kubia-dev`)).stderr, /--overwrite is false/);
  assert.equal((await w.run(`label po ${a.name} app=kubia-dev --overwrite`)).stdout, `pod/${a.name} labeled\n`);
  await w.run('time advance 1m');
  const relabelled = await running();
  assert.equal(relabelled.length, 4);
  assert.equal(relabelled.find((p) => p.name === a.name)?.labels, 'app=kubia-dev,env=dev');
  assert.equal(relabelled.filter((p) => p.labels === 'app=kubia').length, 3);

  // A pod with the RC's labels created by hand: one too many, so the RC deletes one.
  assert.equal((await w.run('create -f kubia-gpu.yaml')).stdout, 'pod/kubia-gpu created\n');
  await w.run('time advance 1m');
  assert.equal((await running()).filter((p) => p.labels === 'app=kubia').length, 3);
  assert.match((await w.run('describe rc kubia')).stdout, /SuccessfulDelete .*Deleted pod: /);

  // Scaling up and down.
  assert.equal((await w.run('scale rc kubia --replicas=10')).stdout, 'replicationcontroller/kubia scaled\n');
  await w.run('time advance 1m');
  assert.equal((await running()).filter((p) => p.labels === 'app=kubia').length, 10);
  await w.run('scale rc kubia --replicas=3');
  await w.run('time advance 1m');
  const scaledBack = (await running()).filter((p) => p.labels === 'app=kubia');
  assert.equal(scaledBack.length, 3);

  // Deleting the RC without its pods leaves them running, ownerless.
  assert.equal((await w.run('delete rc kubia --cascade=orphan')).stdout, 'replicationcontroller "kubia" deleted\n');
  await w.run('time advance 30s');
  const orphans = (await running()).filter((p) => p.labels === 'app=kubia');
  assert.deepEqual(orphans.map((p) => p.name).sort(), scaledBack.map((p) => p.name).sort());
  const pod = JSON.parse((await w.run(`get po ${orphans[0].name} -o json`)).stdout);
  assert.equal(pod.metadata.ownerReferences, undefined);

  // Re-creating the RC: it adopts the orphans instead of creating pods.
  assert.equal((await w.run('create -f kubia-rc.yaml')).stdout, 'replicationcontroller/kubia created\n');
  await w.run('time advance 30s');
  const readopted = (await running()).filter((p) => p.labels === 'app=kubia');
  assert.deepEqual(readopted.map((p) => p.name).sort(), scaledBack.map((p) => p.name).sort());
  const rcOwner = JSON.parse((await w.run(`get po ${readopted[0].name} -o json`)).stdout).metadata.ownerReferences[0];
  assert.deepEqual([rcOwner.kind, rcOwner.name], ['ReplicationController', 'kubia']);

  // Orphaned once more, the RC's pods are adopted by a ReplicaSet whose matchExpressions select them.
  await w.run('delete rc kubia --cascade=orphan');
  assert.equal((await w.run('create -f kubia-rs.yaml')).stdout, 'replicaset.apps/kubia created\n');
  await w.run('time advance 30s');
  const adopted = (await running()).filter((p) => p.labels === 'app=kubia');
  assert.deepEqual(adopted.map((p) => p.name).sort(), scaledBack.map((p) => p.name).sort(), 'no new pods: the orphans were adopted');
  const owner = JSON.parse((await w.run(`get po ${adopted[0].name} -o json`)).stdout).metadata.ownerReferences[0];
  assert.deepEqual([owner.kind, owner.name, owner.controller], ['ReplicaSet', 'kubia', true]);
});
