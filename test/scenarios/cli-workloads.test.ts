// The CLI's workload verbs as the seeds use them (KIA ch. 1, 4): scale,
// replace, get all, delete all --all, delete --cascade=false, request.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workspace } from './cli-harness';
import { seedManifest } from '../seeds';

const KUBIA_RC = seedManifest('kubia-rc');

const KUBIA_SVC = seedManifest('kubia-svc');

const names = (stdout: string) => stdout.trimEnd().split('\n').filter(Boolean);

test('kubectl scale rc kubia --replicas=10, then back to 3', async () => {
  const w = workspace({ 'kubia-rc.yaml': KUBIA_RC });
  assert.equal((await w.run('create -f kubia-rc.yaml')).stdout, 'replicationcontroller/kubia created\n');
  assert.equal(names((await w.run('get po -o name')).stdout).length, 3);
  assert.equal((await w.run('scale rc kubia --replicas=10')).stdout, 'replicationcontroller/kubia scaled\n');
  assert.equal(names((await w.run('get po -o name')).stdout).length, 10);
  assert.equal((await w.run('scale rc/kubia --replicas=3')).stdout, 'replicationcontroller/kubia scaled\n');
  await w.run('time advance 40s');
  const rc = JSON.parse((await w.run('get rc kubia -o json')).stdout);
  assert.equal(rc.spec.replicas, 3);
  assert.equal(rc.metadata.generation, 3);
});

test('scale refuses without --replicas, with a negative count, and for kinds without a scale subresource', async () => {
  const w = workspace({ 'kubia-rc.yaml': KUBIA_RC });
  await w.run('create -f kubia-rc.yaml');
  assert.equal((await w.run('scale rc kubia')).stderr, 'error: required flag(s) "replicas" not set\n');
  assert.equal((await w.run('scale rc kubia --replicas=-1')).stderr, 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n');
  assert.equal((await w.run('scale rc kubia --replicas=x')).stderr, 'error: invalid argument "x" for "--replicas" flag: strconv.ParseInt: parsing "x": invalid syntax\n');
  const pod = names((await w.run('get po -o name')).stdout)[0];
  const r = await w.run(`scale ${pod} --replicas=2`);
  assert.equal(r.code, 1);
  assert.equal(r.stderr, 'Error from server (NotFound): the server could not find the requested resource\n');
  assert.equal((await w.run('scale rc nope --replicas=2')).stderr, 'Error from server (NotFound): replicationcontrollers "nope" not found\n');
});

test('replace -f updates the object; a missing one is NotFound when replacing', async () => {
  const w = workspace({ 'kubia-rc.yaml': KUBIA_RC });
  const missing = await w.run('replace -f kubia-rc.yaml');
  assert.equal(missing.code, 1);
  assert.equal(missing.stderr, 'Error from server (NotFound): error when replacing "kubia-rc.yaml": replicationcontrollers "kubia" not found\n');
  await w.run('create -f kubia-rc.yaml');
  w.write('kubia-rc.yaml', KUBIA_RC.replace('replicas: 3', 'replicas: 2'));
  assert.equal((await w.run('replace -f kubia-rc.yaml')).stdout, 'replicationcontroller/kubia replaced\n');
  assert.equal(JSON.parse((await w.run('get rc kubia -o json')).stdout).spec.replicas, 2);
});

test('get all prints one table per kind with kind/name, and delete all --all deletes them (kubernetes comes back)', async () => {
  const w = workspace({ 'kubia-rc.yaml': KUBIA_RC, 'kubia-svc.yaml': KUBIA_SVC });
  await w.run('create -f kubia-rc.yaml -f kubia-svc.yaml');
  const all = (await w.run('get all')).stdout;
  const tables = all.trimEnd().split('\n\n');
  assert.equal(tables.length, 3);
  assert.match(tables[0], /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\npod\/kubia-\w{5}\s/);
  assert.match(tables[1], /^NAME\s+DESIRED\s+CURRENT\s+READY\s+AGE\nreplicationcontroller\/kubia\s+3\s+3\s/);
  assert.match(tables[2], /^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\nservice\/kubernetes\s+ClusterIP\s+10\.96\.0\.1\s.*\nservice\/kubia\s+ClusterIP\s/);
  const pods = names((await w.run('get po -o name')).stdout);

  const deleted = await w.run('delete all --all');
  assert.deepEqual(names(deleted.stdout), [
    ...pods.map((p) => `pod "${p.slice('pod/'.length)}" deleted`),
    'replicationcontroller "kubia" deleted',
    'service "kubernetes" deleted',
    'service "kubia" deleted',
  ]);
  assert.deepEqual(names((await w.run('get all -o name')).stdout), ['service/kubernetes']);
});

test('delete rc kubia --cascade=false leaves its pods running, without an owner', async () => {
  const w = workspace({ 'kubia-rc.yaml': KUBIA_RC });
  await w.run('create -f kubia-rc.yaml');
  const pods = names((await w.run('get po -o name')).stdout);
  assert.equal((await w.run('delete rc kubia --cascade=false')).stdout, 'replicationcontroller "kubia" deleted\n');
  const list = JSON.parse((await w.run('get po -o json')).stdout);
  assert.deepEqual(list.items.map((p: any) => `pod/${p.metadata.name}`), pods);
  assert.ok(list.items.every((p: any) => p.metadata.ownerReferences === undefined && p.metadata.deletionTimestamp === undefined));
  assert.equal((await w.run('delete po')).stderr, 'error: resource(s) were provided, but no name was specified\n');
});

test('request answers through the Service from its pods, and straight from a pod', async () => {
  const w = workspace({ 'kubia-rc.yaml': KUBIA_RC, 'kubia-svc.yaml': KUBIA_SVC });
  await w.run('create -f kubia-rc.yaml -f kubia-svc.yaml');
  await w.run('time advance 1m');
  const r = await w.run('request svc/kubia --count 5');
  assert.equal(r.code, 0, r.stderr);
  const pods = names((await w.run('get po -o name')).stdout).map((p) => p.slice('pod/'.length));
  assert.equal(names(r.stdout).length, 5);
  for (const line of names(r.stdout)) assert.ok(pods.some((p) => line === `You've hit ${p}`), line);
  assert.equal((await w.run(`request pod/${pods[0]}`)).stdout, `You've hit ${pods[0]}\n`);
  assert.equal((await w.run('request svc/nope')).stderr, 'error: services "nope" not found\n');
  assert.match((await w.run('request kubia')).stderr, /^error: usage: request svc\/NAME\|pod\/NAME/);
});
