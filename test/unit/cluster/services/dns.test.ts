import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podDnsNames, podFqdn, resolvConf, resolveName, serviceFqdn, serviceSrvNames } from '../../../../runtime/src/cluster/services/dns';
import { harness } from '../harness';
import { pod, service } from './fixtures';

test('Service, SRV and pod names in cluster.local', () => {
  assert.equal(serviceFqdn('kubia', 'default'), 'kubia.default.svc.cluster.local');
  assert.equal(podFqdn('10.244.1.5', 'default'), '10-244-1-5.default.pod.cluster.local');
  const svc = service('kubia', { ports: [{ name: 'http', port: 80, protocol: 'TCP' }, { port: 81, protocol: 'TCP' }] });
  assert.deepEqual(serviceSrvNames(svc), ['_http._tcp.kubia.default.svc.cluster.local']);
  assert.deepEqual(podDnsNames(pod('a', { ip: '10.244.0.2' })), ['10-244-0-2.default.pod.cluster.local']);
});

test('resolv.conf of a ClusterFirst pod', () => {
  assert.equal(resolvConf('dev'), 'search dev.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
});

test('short names go through the search list; headless names give the ready pod IPs; ExternalName a CNAME', () => {
  const h = harness();
  h.store.create(service('kubia'));
  h.store.create(service('kubia-headless', { clusterIP: 'None' }));
  h.store.create({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'kubia-headless', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' },
    subsets: [{ addresses: [{ ip: '10.244.1.2' }, { ip: '10.244.0.2' }], notReadyAddresses: [{ ip: '10.244.2.2' }] }] });
  h.store.create(service('ext', { type: 'ExternalName', clusterIP: undefined, externalName: 'api.example.com' }));
  assert.deepEqual(resolveName(h.store, 'kubia', 'default'), { type: 'A', name: 'kubia.default.svc.cluster.local', ips: ['10.96.12.34'] });
  assert.deepEqual(resolveName(h.store, 'kubia.default', 'other'), { type: 'A', name: 'kubia.default.svc.cluster.local', ips: ['10.96.12.34'] });
  assert.equal(resolveName(h.store, 'kubia', 'other').type, 'NXDOMAIN');
  assert.deepEqual(resolveName(h.store, 'kubia-headless', 'default'), { type: 'A', name: 'kubia-headless.default.svc.cluster.local', ips: ['10.244.0.2', '10.244.1.2'] });
  assert.deepEqual(resolveName(h.store, 'ext.default.svc.cluster.local.', 'x'), { type: 'CNAME', name: 'ext.default.svc.cluster.local', target: 'api.example.com' });
});
