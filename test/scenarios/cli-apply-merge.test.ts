// `kubectl apply` on objects already running (KIA ch. 3–4): a strategic merge
// keeps what the API server defaulted inside list elements, so an image change
// on a Pod is a legal pod update and the kubelet restarts the container with it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workspace } from './cli-harness';
import { seedManifest } from '../seeds';

const KUBIA_MANUAL = seedManifest('kubia-manual');

const KUBIA_RC = seedManifest('kubia-rc');

const json = async (w: ReturnType<typeof workspace>, what: string) => JSON.parse((await w.run(`get ${what} -o json`)).stdout);

test('applying an image change to a running Pod: configured, and the container restarts with the new image', async () => {
  const w = workspace({ 'kubia-manual.yaml': KUBIA_MANUAL });
  assert.equal((await w.run('apply -f kubia-manual.yaml')).stdout, 'pod/kubia-manual created\n');
  await w.run('time advance 1m');
  const before = await json(w, 'pod kubia-manual');
  assert.equal(before.spec.containers[0].imagePullPolicy, 'Always');
  assert.equal(before.status.containerStatuses[0].restartCount, 0);

  w.write('kubia-manual.yaml', KUBIA_MANUAL.replace('image: luksa/kubia', 'image: luksa/kubia:v2'));
  const applied = await w.run('apply -f kubia-manual.yaml');
  assert.equal(applied.stderr, '');
  assert.equal(applied.stdout, 'pod/kubia-manual configured\n');
  const updated = await json(w, 'pod kubia-manual');
  // The defaulted pull policy survived the merge: the update changed the image only.
  assert.equal(updated.spec.containers[0].image, 'luksa/kubia:v2');
  assert.equal(updated.spec.containers[0].imagePullPolicy, 'Always');

  await w.run('time advance 1m');
  const events = (await json(w, 'events')).items.filter((e: any) => e.involvedObject.name === 'kubia-manual');
  const killing = events.find((e: any) => e.reason === 'Killing');
  assert.equal(killing?.message, 'Container kubia definition changed, will be restarted');
  assert.ok(events.some((e: any) => e.reason === 'Pulling' && e.message === 'Pulling image "luksa/kubia:v2"'));
  const [status] = (await json(w, 'pod kubia-manual')).status.containerStatuses;
  assert.equal(status.image, 'luksa/kubia:v2');
  assert.equal(status.restartCount, 1);
  assert.ok(status.state.running, JSON.stringify(status.state));
  assert.equal(status.lastState.terminated.reason, 'Error');
});

test('applying the same file twice is unchanged; a changed replicas count is configured and the RC scales', async () => {
  const w = workspace({ 'kubia-rc.yaml': KUBIA_RC });
  assert.equal((await w.run('apply -f kubia-rc.yaml')).stdout, 'replicationcontroller/kubia created\n');
  await w.run('time advance 1m');
  assert.equal((await w.run('apply -f kubia-rc.yaml')).stdout, 'replicationcontroller/kubia unchanged\n');

  w.write('kubia-rc.yaml', KUBIA_RC.replace('replicas: 3', 'replicas: 5'));
  assert.equal((await w.run('apply -f kubia-rc.yaml')).stdout, 'replicationcontroller/kubia configured\n');
  await w.run('time advance 1m');
  const pods = (await w.run('get pods -l app=kubia -o name')).stdout.trimEnd().split('\n');
  assert.equal(pods.length, 5);
  assert.equal((await w.run('apply -f kubia-rc.yaml')).stdout, 'replicationcontroller/kubia unchanged\n');
});
