import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CLIENT_IP, requestPod, requestService, requestServiceTimes, type PodAnswerer, type ProxyDeps } from '../../../../runtime/src/cluster/services/requests';
import { harness } from '../harness';
import { pod, service } from './fixtures';

/** A kubelet stand-in answering like the kubia image, recording who asked. */
function fakeKubelets() {
  const calls: { pod: string; port: number; from?: string }[] = [];
  const answerer: PodAnswerer = {
    request: (_ns, name, port, _path, from) => {
      calls.push({ pod: name, port, from });
      return { ok: true, status: 200, body: `You've hit ${name}\n` };
    },
  };
  return { calls, kubelets: { get: () => answerer } };
}

function setup(svcSpec: any = {}) {
  const h = harness({ nodes: 2 });
  const { calls, kubelets } = fakeKubelets();
  h.store.create(service('kubia', svcSpec));
  const names = ['kubia-a', 'kubia-b', 'kubia-c'];
  const addresses = names.map((n, i) => ({ ip: `10.244.0.${i + 2}`, nodeName: 'kubelab-worker', targetRef: { kind: 'Pod', namespace: 'default', name: n, uid: '' } }));
  for (const [i, n] of names.entries()) h.store.create(pod(n, { ip: `10.244.0.${i + 2}` }));
  h.store.create({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'kubia', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' },
    subsets: [{ addresses, ports: [{ port: 8080, protocol: 'TCP' }] }] });
  const deps: ProxyDeps = { store: h.store, rng: h.rng, clock: h.clock, kubelets };
  return { h, deps, calls };
}

test('without affinity, requests spread over the ready endpoints on the resolved target port', () => {
  const { deps, calls } = setup();
  const { results } = requestServiceTimes(deps, {}, { namespace: 'default', name: 'kubia' }, 30);
  const hit = new Set(results.map((r) => (r.ok ? r.pod : r.message)));
  assert.deepEqual([...hit].sort(), ['kubia-a', 'kubia-b', 'kubia-c']);
  assert.ok(calls.every((c) => c.port === 8080 && c.from === DEFAULT_CLIENT_IP));
  assert.equal(results[0].ok && results[0].body, `You've hit ${results[0].ok && results[0].pod}\n`);
});

test('ClientIP affinity pins each client to one endpoint; different clients may differ', () => {
  const { deps } = setup({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } } });
  const podsFor = (from: string) => new Set(requestServiceTimes(deps, {}, { namespace: 'default', name: 'kubia', from }, 10).results.map((r) => (r.ok ? r.pod : r.message)));
  const seen = new Set<string>();
  for (let i = 1; i <= 20; i++) {
    const pods = podsFor(`10.0.0.${i}`);
    assert.equal(pods.size, 1, `client 10.0.0.${i} stays on one pod`);
    seen.add([...pods][0]);
  }
  assert.ok(seen.size > 1, 'clients are spread over pods');
});

test('the pin expires after timeoutSeconds without requests, and moves when its endpoint leaves', () => {
  const { h, deps } = setup({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } });
  const target = { namespace: 'default', name: 'kubia', from: '10.0.0.1' };
  const first = requestService(deps, {}, target);
  const key = Object.keys(first.affinity)[0];
  assert.equal(first.affinity[key].lastMs, h.clock.now());
  h.advance(30_000);
  const again = requestService(deps, first.affinity, target);
  assert.equal(again.affinity[key].ip, first.affinity[key].ip);
  assert.equal(again.affinity[key].lastMs, h.clock.now(), 'each request refreshes the pin');
  // Drop the pinned address from the Endpoints: the next request picks a live one.
  const ep = h.store.get('Endpoints', 'default', 'kubia')!;
  const subsets = (ep.subsets as any[]).map((s) => ({ ...s, addresses: s.addresses.filter((a: any) => a.ip !== first.affinity[key].ip) }));
  h.store.update({ ...ep, subsets });
  const moved = requestService(deps, again.affinity, target);
  assert.notEqual(moved.affinity[key].ip, first.affinity[key].ip);
});

test('a Service without ready endpoints refuses the connection', () => {
  const { h, deps } = setup();
  h.store.update({ ...h.store.get('Endpoints', 'default', 'kubia')!, subsets: [] });
  const r = requestService(deps, {}, { namespace: 'default', name: 'kubia' }).result;
  assert.deepEqual(r, { ok: false, message: 'dial tcp 10.96.12.34:80: connect: connection refused' });
  assert.deepEqual(requestService(deps, {}, { namespace: 'default', name: 'nope' }).result, { ok: false, message: 'services "nope" not found' });
});

test('an endpoint on a failed node times out', () => {
  const { h, deps } = setup();
  h.nodes.fail('kubelab-worker');
  const r = requestService(deps, {}, { namespace: 'default', name: 'kubia' }).result;
  assert.equal(r.ok, false);
  assert.match(!r.ok ? r.message : '', /^dial tcp 10\.244\.0\.\d:8080: i\/o timeout$/);
});

test('a client named by pod uses that pod’s IP; direct pod requests use its first container port', () => {
  const { deps, calls } = setup();
  const r = requestPod(deps, { namespace: 'default', name: 'kubia-b', from: 'kubia-a' });
  assert.ok(r.ok);
  assert.deepEqual(calls.at(-1), { pod: 'kubia-b', port: 8080, from: '10.244.0.2' });
  assert.deepEqual(requestPod(deps, { namespace: 'default', name: 'kubia-b', from: 'ghost' }), { ok: false, message: 'client "ghost" is neither a pod in namespace "default" nor an IPv4 address' });
});
