import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeService, endpointsForPort } from '../../../../runtime/src/cluster/printers/services';
import { service } from './fixtures';

const ep = (addresses: string[], notReady: string[] = []) => ({
  apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'kubia', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' },
  subsets: [{ ...(addresses.length ? { addresses: addresses.map((ip) => ({ ip })) } : {}), ...(notReady.length ? { notReadyAddresses: notReady.map((ip) => ({ ip })) } : {}), ports: [{ port: 8080, protocol: 'TCP' }] }],
});

test('endpoints per port: three at most, <none> without subsets, empty with only not-ready addresses', () => {
  assert.equal(endpointsForPort(ep(['10.244.0.2', '10.244.1.2', '10.244.2.2', '10.244.2.3']) as any, undefined), '10.244.0.2:8080,10.244.1.2:8080,10.244.2.2:8080 + 1 more...');
  assert.equal(endpointsForPort(undefined, undefined), '<none>');
  assert.equal(endpointsForPort(ep([], ['10.244.0.2']) as any, undefined), '');
});

test('describe service lays out kubectl fields with two spaces after the widest label', () => {
  const svc = service('kubia', { type: 'NodePort', clusterIPs: ['10.96.12.34'], ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4'], externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster',
    ports: [{ port: 80, targetPort: 8080, nodePort: 30123, protocol: 'TCP' }] }, { labels: { app: 'kubia', tier: 'web' } });
  const lines = describeService(svc, ep(['10.244.0.2']) as any).trimEnd().split('\n');
  assert.deepEqual(lines, [
    'Name:                     kubia',
    'Namespace:                default',
    'Labels:                   app=kubia',
    '                          tier=web',
    'Annotations:              <none>',
    'Selector:                 app=kubia',
    'Type:                     NodePort',
    'IP Family Policy:         SingleStack',
    'IP Families:              IPv4',
    'IP:                       10.96.12.34',
    'IPs:                      10.96.12.34',
    'Port:                     <unset>  80/TCP',
    'TargetPort:               8080/TCP',
    'NodePort:                 <unset>  30123/TCP',
    'Endpoints:                10.244.0.2:8080',
    'External Traffic Policy:  Cluster',
    'Session Affinity:         None',
    'Internal Traffic Policy:  Cluster',
    'DNS Name:                 kubia.default.svc.cluster.local',
  ]);
});

test('an ExternalName Service shows its external name and no IP or endpoints', () => {
  const text = describeService(service('ext', { type: 'ExternalName', clusterIP: undefined, selector: undefined, externalName: 'api.example.com' }), undefined);
  assert.match(text, /^External Name: +api\.example\.com$/m);
  assert.doesNotMatch(text, /^(IP|Endpoints):/m);
});
