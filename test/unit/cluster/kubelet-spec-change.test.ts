// The kubelet meets a pod update that changed a container's image
// (computePodActions: "Container <c> definition changed, will be restarted").

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createKubelet } from '../../../runtime/src/cluster/kubelet/kubelet';
import { loadKubelet, saveKubelet } from '../../../runtime/src/cluster/kubelet/saved-state';
import { harness } from './harness';

function runningPod(restartPolicy: string) {
  const h = harness();
  const kubelet = createKubelet({ nodeName: h.nodeNames[0], store: h.store, clock: h.clock, rng: h.rng, events: h.events });
  h.pod('kubia', { nodeName: h.nodeNames[0], restartPolicy, containers: [{ name: 'kubia', image: 'luksa/kubia', imagePullPolicy: 'Always' }] });
  h.advance(60_000);
  const setImage = (image: string) => {
    const p = h.get('kubia')!;
    h.store.update({ ...p, spec: { ...p.spec, containers: [{ ...p.spec.containers[0], image }] } });
    h.tick();
  };
  const status = () => h.get('kubia')!.status.containerStatuses[0];
  return { h, kubelet, setImage, status };
}

test('an image change kills the running container and starts the new image, even under restartPolicy Never', () => {
  const { h, setImage, status } = runningPod('Never');
  assert.ok(status().state.running);
  setImage('luksa/kubia:v2');
  const killing = h.eventsOf('kubia').filter((e) => e.reason === 'Killing');
  assert.deepEqual(killing.map((e) => e.message), ['Container kubia definition changed, will be restarted']);
  // Until it stops, the old container keeps running the old image.
  assert.equal(status().image, 'luksa/kubia');
  h.advance(60_000);
  assert.equal(status().image, 'luksa/kubia:v2');
  assert.equal(status().restartCount, 1);
  assert.ok(status().state.running);
  assert.equal(h.get('kubia')!.status.phase, 'Running');
});

test('a second change while the container stops wins, with one Killing event; the pending spec survives a save', () => {
  const { h, kubelet, setImage, status } = runningPod('Always');
  setImage('luksa/kubia:v2');
  setImage('luksa/kubia:v3');
  assert.equal(h.eventsOf('kubia').filter((e) => e.reason === 'Killing').length, 1);
  const saved = loadKubelet(saveKubelet(kubelet.state()))!;
  assert.equal(saved.pods['default/kubia'].containers[0].next?.image, 'luksa/kubia:v3');
  h.advance(60_000);
  assert.equal(status().image, 'luksa/kubia:v3');
  assert.equal(status().restartCount, 1);
});
