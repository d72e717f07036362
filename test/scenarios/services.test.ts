// "Kubernetes in Action" ch.5: a Service in front of the kubia RC, its
// endpoints, session affinity, readiness and the injected environment.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resourceForKind } from '../../runtime/src/cluster/resources';
import { describeService } from '../../runtime/src/cluster/printers/services';
import { containerEnvironment } from '../../runtime/src/cluster/services/env';
import { requestServiceTimes } from '../../runtime/src/cluster/services/requests';
import { created, KUBIA_RC, KUBIA_SVC, kubectlGet, proxyDeps, rows, serviceCluster } from './service-cluster';

test('the kubia Service over the RC gets a ClusterIP and the three pods as endpoints', () => {
  const c = serviceCluster();
  created(c.create(KUBIA_RC));
  created(c.create(KUBIA_SVC));
  c.advance(30_000);
  const svc = rows(kubectlGet(c, 'Service')).find((r) => r[0] === 'kubia')!;
  assert.equal(svc[1], 'ClusterIP');
  assert.match(svc[2], /^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
  assert.deepEqual(svc.slice(3, 5), ['<none>', '80/TCP']);
  const podIPs = c.store.list('Pod').map((p) => `${p.status.podIP}:8080`).sort();
  const ep = rows(kubectlGet(c, 'Endpoints')).find((r) => r[0] === 'kubia')!;
  assert.deepEqual(ep[1].split(',').sort(), podIPs);
  const text = describeService(c.store.get('Service', 'default', 'kubia')!, c.store.get('Endpoints', 'default', 'kubia'));
  assert.match(text, /^Port: +<unset>  80\/TCP$/m);
  assert.match(text, /^TargetPort: +8080\/TCP$/m);
  assert.match(text, /^DNS Name: +kubia\.default\.svc\.cluster\.local$/m);
});

test("requests through the Service reach different pods: You've hit kubia-xxxxx", () => {
  const c = serviceCluster();
  created(c.create(KUBIA_RC));
  created(c.create(KUBIA_SVC));
  c.advance(30_000);
  const { results } = requestServiceTimes(proxyDeps(c), {}, { namespace: 'default', name: 'kubia' }, 20);
  const pods = new Set(results.map((r) => (r.ok ? r.body : r.message)));
  assert.ok(pods.size > 1);
  for (const body of pods) assert.match(body, /^You've hit kubia-[bcdfghjklmnpqrstvwxz2456789]{5}\n$/);
});

test('with sessionAffinity: ClientIP one client always reaches the same pod, two clients can differ', () => {
  const c = serviceCluster();
  created(c.create(KUBIA_RC));
  created(c.create({ ...KUBIA_SVC, spec: { ...KUBIA_SVC.spec, sessionAffinity: 'ClientIP' } }));
  c.advance(30_000);
  const deps = proxyDeps(c);
  let table = {};
  const podOf = (from: string) => {
    const r = requestServiceTimes(deps, table, { namespace: 'default', name: 'kubia', from }, 10);
    table = r.affinity;
    return new Set(r.results.map((x) => (x.ok ? x.pod : x.message)));
  };
  const seen = new Set<string>();
  for (let i = 1; i <= 10; i++) {
    const pods = podOf(`10.0.0.${i}`);
    assert.equal(pods.size, 1);
    seen.add([...pods][0]);
  }
  assert.ok(seen.size > 1, 'different clients land on different pods');
  // The same client, later, still lands where it did first.
  c.advance(600_000);
  assert.deepEqual(podOf('10.0.0.1'), podOf('10.0.0.1'));
});

test('a pod failing its readiness probe leaves the endpoints and no longer gets requests', () => {
  const c = serviceCluster();
  // The Service selects `tier: web`: the RC's pods carry it, and so does one pod the RC does not own.
  const template = { ...KUBIA_RC.spec.template, metadata: { labels: { app: 'kubia', tier: 'web' } } };
  created(c.create({ ...KUBIA_RC, spec: { ...KUBIA_RC.spec, template } }));
  created(c.create({ ...KUBIA_SVC, spec: { ...KUBIA_SVC.spec, selector: { tier: 'web' } } }));
  // kubia-unhealthy answers 500 from its sixth request on; the readiness probe notices after three failures.
  created(c.create({
    apiVersion: 'v1', kind: 'Pod', metadata: { name: 'kubia-unhealthy', labels: { tier: 'web' } },
    spec: { containers: [{ name: 'kubia', image: 'luksa/kubia-unhealthy', ports: [{ containerPort: 8080 }], readinessProbe: { httpGet: { path: '/', port: 8080 } } }] },
  }));
  c.advance(30_000);
  const ep = () => c.store.get('Endpoints', 'default', 'kubia')!.subsets as any[];
  const names = (key: 'addresses' | 'notReadyAddresses') => ep().flatMap((s) => (s[key] ?? []).map((a: any) => a.targetRef.name));
  assert.ok(names('addresses').includes('kubia-unhealthy'));
  assert.equal(names('addresses').length, 4);
  c.advance(120_000);
  assert.deepEqual(names('notReadyAddresses'), ['kubia-unhealthy']);
  assert.equal(names('addresses').length, 3);
  const pod = rows(kubectlGet(c, 'Pod')).find((r) => r[0] === 'kubia-unhealthy')!;
  assert.deepEqual(pod.slice(1, 3), ['0/1', 'Running']);
  const { results } = requestServiceTimes(proxyDeps(c), {}, { namespace: 'default', name: 'kubia' }, 30);
  assert.ok(results.every((r) => r.ok && r.pod !== 'kubia-unhealthy'));
});

test('env vars for the Service are present only in pods created after it', () => {
  const c = serviceCluster();
  created(c.create(KUBIA_RC));
  c.advance(30_000);
  created(c.create(KUBIA_SVC));
  c.advance(5_000);
  const envOf = (name: string) => Object.fromEntries((containerEnvironment(c.store, c.store.get('Pod', 'default', name)!, 'kubia') ?? []).map((e) => [e.name, e.value]));
  const before = c.store.list('Pod').map((p) => p.metadata.name);
  for (const name of before) {
    assert.equal(envOf(name).KUBIA_SERVICE_HOST, undefined);
    assert.equal(envOf(name).KUBERNETES_SERVICE_HOST, '10.96.0.1');
  }
  // KIA: delete the pods so the RC re-creates them, and the new ones see the Service.
  c.delete(resourceForKind('Pod')!, 'default', before[0], { gracePeriodSeconds: 0 });
  c.advance(30_000);
  const replacement = c.store.list('Pod').map((p) => p.metadata.name).find((n) => !before.includes(n))!;
  const clusterIP = c.store.get('Service', 'default', 'kubia')!.spec.clusterIP;
  assert.equal(envOf(replacement).KUBIA_SERVICE_HOST, clusterIP);
  assert.equal(envOf(replacement).KUBIA_SERVICE_PORT, '80');
  assert.equal(envOf(replacement).KUBIA_PORT, `tcp://${clusterIP}:80`);
});
