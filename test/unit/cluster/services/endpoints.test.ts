import { test } from 'node:test';
import assert from 'node:assert/strict';
import { desiredEndpoints, desiredSubsets, findPort, HEADLESS_LABEL, startEndpointsController } from '../../../../runtime/src/cluster/services/endpoints';
import { harness } from '../harness';
import { pod, service } from './fixtures';

test('ready pods go to addresses, unready ones to notReadyAddresses, sorted by IP', () => {
  const subsets = desiredSubsets(service('kubia'), [pod('b', { ip: '10.244.1.3' }), pod('a', { ip: '10.244.1.10' }), pod('c', { ip: '10.244.2.2', ready: false })]);
  assert.equal(subsets.length, 1);
  assert.deepEqual(subsets[0].addresses!.map((a) => a.ip), ['10.244.1.10', '10.244.1.3']);
  assert.deepEqual(subsets[0].notReadyAddresses!.map((a) => a.targetRef.name), ['c']);
  assert.deepEqual(subsets[0].ports, [{ port: 8080, protocol: 'TCP' }]);
  assert.equal(subsets[0].addresses![0].nodeName, 'kubelab-worker');
});

test('pods without an IP, terminal pods, terminating pods and non-matching pods are left out', () => {
  const pods = [
    pod('noip'),
    pod('done', { ip: '10.244.0.5', phase: 'Succeeded' }),
    pod('going', { ip: '10.244.0.6', deleting: true }),
    pod('other', { ip: '10.244.0.7', labels: { app: 'other' } }),
  ];
  assert.deepEqual(desiredSubsets(service('kubia'), pods), []);
  assert.equal(desiredEndpoints(service('kubia'), pods).subsets, undefined);
});

test('publishNotReadyAddresses lists unready and terminating pods as addresses', () => {
  const svc = service('kubia', { publishNotReadyAddresses: true });
  const subsets = desiredSubsets(svc, [pod('a', { ip: '10.244.0.2', ready: false }), pod('b', { ip: '10.244.0.3', deleting: true })]);
  assert.deepEqual(subsets[0].addresses!.map((a) => a.targetRef.name), ['a', 'b']);
  assert.equal(subsets[0].notReadyAddresses, undefined);
});

test('a named targetPort is resolved per pod; a pod lacking the name is left out for that port', () => {
  const svc = service('kubia', { ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }, { name: 'https', port: 443, targetPort: 'https', protocol: 'TCP' }] });
  const both = pod('both', { ip: '10.244.0.2', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }, { name: 'https', containerPort: 8443, protocol: 'TCP' }] });
  const httpOnly = pod('http', { ip: '10.244.0.3', ports: [{ name: 'http', containerPort: 9090, protocol: 'TCP' }] });
  const none = pod('none', { ip: '10.244.0.4', ports: [] });
  const subsets = desiredSubsets(svc, [both, httpOnly, none]);
  assert.equal(subsets.length, 2);
  assert.deepEqual(subsets.map((s) => s.addresses!.map((a) => a.ip)), [['10.244.0.2'], ['10.244.0.3']]);
  assert.deepEqual(subsets[0].ports, [{ name: 'http', port: 8080, protocol: 'TCP' }, { name: 'https', port: 8443, protocol: 'TCP' }]);
  assert.deepEqual(subsets[1].ports, [{ name: 'http', port: 9090, protocol: 'TCP' }]);
});

test('findPort: numbers as they are, names by container port name and protocol', () => {
  const p = pod('a', { ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }] });
  assert.equal(findPort(p, { port: 80, targetPort: 8080 }), 8080);
  assert.equal(findPort(p, { port: 53, targetPort: 'dns', protocol: 'UDP' }), 53);
  assert.equal(findPort(p, { port: 53, targetPort: 'dns', protocol: 'TCP' }), undefined);
});

test('headless Services get the headless label next to their own labels', () => {
  const ep = desiredEndpoints(service('kubia', { clusterIP: 'None' }, { labels: { app: 'kubia' } }), []);
  assert.deepEqual(ep.metadata.labels, { app: 'kubia', [HEADLESS_LABEL]: '' });
});

test('the controller keeps Endpoints in step with pods and removes them with the Service', () => {
  const h = harness();
  const ctl = startEndpointsController({ store: h.store, clock: h.clock } as any);
  h.store.create(service('kubia'));
  h.tick();
  assert.equal(h.store.get('Endpoints', 'default', 'kubia')?.subsets, undefined);
  h.store.create(pod('kubia-a', { ip: '10.244.0.9' }));
  h.tick();
  assert.deepEqual((h.store.get('Endpoints', 'default', 'kubia')?.subsets as any[])[0].addresses.map((a: any) => a.ip), ['10.244.0.9']);
  const p = h.store.get('Pod', 'default', 'kubia-a')!;
  h.store.update({ ...p, metadata: { ...p.metadata, labels: { app: 'moved' } } });
  h.tick();
  assert.equal(h.store.get('Endpoints', 'default', 'kubia')?.subsets, undefined);
  h.store.remove('Service', 'default', 'kubia');
  h.tick();
  assert.equal(h.store.get('Endpoints', 'default', 'kubia'), undefined);
  ctl.stop?.();
});

test('a Service without a selector leaves a hand-written Endpoints alone', () => {
  const h = harness();
  const ctl = startEndpointsController({ store: h.store, clock: h.clock } as any);
  const subsets = [{ addresses: [{ ip: '11.11.11.11' }], ports: [{ port: 80, protocol: 'TCP' }] }];
  h.store.create({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'external-service', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' }, subsets });
  h.store.create(service('external-service', { selector: undefined }));
  h.tick();
  ctl.resync?.();
  h.tick();
  assert.deepEqual(h.store.get('Endpoints', 'default', 'external-service')?.subsets, subsets);
  ctl.stop?.();
});

test('pods of several Services changing in one batch: the Endpoints are written in Service name order', () => {
  const h = harness();
  const ctl = startEndpointsController({ store: h.store, clock: h.clock } as any);
  h.store.create(service('aaa', { selector: { app: 'b' } }));
  h.store.create(service('zzz', { selector: { app: 'a' } }));
  h.store.create(pod('pod-a', { ip: '10.244.0.2', labels: { app: 'a' }, ready: false }));
  h.store.create(pod('pod-b', { ip: '10.244.0.3', labels: { app: 'b' }, ready: false }));
  h.tick();
  const written: string[] = [];
  h.store.watch((e) => void (e.object.kind === 'Endpoints' && written.push(e.object.metadata.name)), ['Endpoints']);
  // pod-a (selected by zzz) turns Ready before pod-b (selected by aaa), in the same batch.
  for (const name of ['pod-a', 'pod-b']) {
    const p = h.store.get('Pod', 'default', name)!;
    h.store.updateStatus({ ...p, status: { ...p.status, conditions: [{ type: 'Ready', status: 'True' }] } });
  }
  h.tick();
  assert.deepEqual(written, ['aaa', 'zzz']);
  ctl.stop?.();
});

test('a pod in a namespace without Services queues nothing', () => {
  const h = harness();
  const ctl = startEndpointsController({ store: h.store, clock: h.clock } as any);
  h.store.create(service('kubia'));
  h.tick();
  h.store.create({ ...pod('bare', { ip: '10.244.0.2' }), metadata: { ...pod('bare').metadata, namespace: 'prod' } });
  h.store.drain();
  assert.ok(!h.clock.pendingLabels().includes('endpoint-controller queue'));
  ctl.stop?.();
});

test('a restarted controller still drops a relabelled pod its predecessor listed', () => {
  const h = harness();
  const first = startEndpointsController({ store: h.store, clock: h.clock } as any);
  h.store.create(service('kubia'));
  h.store.create(pod('kubia-a', { ip: '10.244.0.9' }));
  h.tick();
  first.stop?.();
  const second = startEndpointsController({ store: h.store, clock: h.clock } as any);
  const p = h.store.get('Pod', 'default', 'kubia-a')!;
  h.store.update({ ...p, metadata: { ...p.metadata, labels: { app: 'moved' } } });
  h.tick();
  assert.equal(h.store.get('Endpoints', 'default', 'kubia')?.subsets, undefined);
  second.stop?.();
});
