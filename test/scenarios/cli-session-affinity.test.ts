// KIA §5.1.1 "Configuring session affinity on the Service" through separate
// CLI commands: each command restores the cluster from its state directory, so
// a client stays on its pod only if kube-proxy's affinity table is saved with
// the cluster (services/proxy.ts).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workspace } from './cli-harness';
import { seedManifest } from '../seeds';

const KUBIA_RC = seedManifest('kubia-rc');

// timeoutSeconds shortened from the default 10800 so the test can outwait it.
const KUBIA_SVC_CLIENT_IP = `apiVersion: v1
kind: Service
metadata:
  name: kubia
spec:
  sessionAffinity: ClientIP
  sessionAffinityConfig:
    clientIP:
      timeoutSeconds: 60
  ports:
  - port: 80
    targetPort: 8080
  selector:
    app: kubia
`;

async function clientIPCluster() {
  const w = workspace({ 'kubia-rc.yaml': KUBIA_RC, 'kubia-svc.yaml': KUBIA_SVC_CLIENT_IP });
  assert.equal((await w.run('create -f kubia-rc.yaml -f kubia-svc.yaml')).code, 0);
  await w.run('time advance 1m');
  const hit = async (client: string) => {
    const r = await w.run(`request svc/kubia --from ${client}`);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^You've hit kubia-\w{5}\n$/);
    return r.stdout;
  };
  return { w, hit };
}

test('with sessionAffinity: ClientIP three separate request commands from one client reach the same pod', async () => {
  const { hit } = await clientIPCluster();
  const answers = [await hit('10.0.0.5'), await hit('10.0.0.5'), await hit('10.0.0.5')];
  assert.deepEqual(new Set(answers).size, 1, answers.join(''));
});

test('with sessionAffinity: ClientIP two clients can land on different pods, each staying on its own', async () => {
  const { hit } = await clientIPCluster();
  const first = new Map<string, string>();
  for (const client of ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4']) first.set(client, await hit(client));
  assert.ok(new Set(first.values()).size > 1, [...first.values()].join(''));
  for (const [client, answer] of first) assert.equal(await hit(client), answer, client);
});

test('after timeoutSeconds without requests the client is no longer pinned', async () => {
  const { w, hit } = await clientIPCluster();
  const pinned = await hit('10.0.0.5');
  // Within the timeout the entry holds even across `time advance`.
  await w.run('time advance 50s');
  assert.equal(await hit('10.0.0.5'), pinned);
  // Past it, every request is a fresh random pick: over a few rounds some reach another pod.
  const later = new Set<string>();
  for (let round = 0; round < 4; round++) {
    await w.run('time advance 61s');
    later.add(await hit('10.0.0.5'));
  }
  assert.ok([...later].some((a) => a !== pinned), [...later].join(''));
});
