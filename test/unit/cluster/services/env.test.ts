import { test } from 'node:test';
import assert from 'node:assert/strict';
import { containerEnvironment, envVariableName, linkedServices, serviceEnvVars } from '../../../../runtime/src/cluster/services/env';
import { harness } from '../harness';
import { pod, service } from './fixtures';

const asMap = (vars: { name: string; value: string }[]) => Object.fromEntries(vars.map((v) => [v.name, v.value]));

test('a Service with one unnamed port gives the host, port and docker-link variables', () => {
  const vars = asMap(serviceEnvVars([service('kubia')]));
  assert.deepEqual(vars, {
    KUBIA_SERVICE_HOST: '10.96.12.34',
    KUBIA_SERVICE_PORT: '80',
    KUBIA_PORT: 'tcp://10.96.12.34:80',
    KUBIA_PORT_80_TCP: 'tcp://10.96.12.34:80',
    KUBIA_PORT_80_TCP_PROTO: 'tcp',
    KUBIA_PORT_80_TCP_PORT: '80',
    KUBIA_PORT_80_TCP_ADDR: '10.96.12.34',
  });
});

test('named ports add SERVICE_PORT_<NAME>; dashes become underscores', () => {
  const svc = service('kubia-http', { ports: [{ name: 'http', port: 80, protocol: 'TCP' }, { name: 'https-alt', port: 443, protocol: 'TCP' }] });
  const vars = asMap(serviceEnvVars([svc]));
  assert.equal(vars.KUBIA_HTTP_SERVICE_PORT, '80');
  assert.equal(vars.KUBIA_HTTP_SERVICE_PORT_HTTP, '80');
  assert.equal(vars.KUBIA_HTTP_SERVICE_PORT_HTTPS_ALT, '443');
  assert.equal(vars.KUBIA_HTTP_PORT, 'tcp://10.96.12.34:80');
  assert.equal(vars.KUBIA_HTTP_PORT_443_TCP_ADDR, '10.96.12.34');
  assert.equal(envVariableName('9lives'), '_9LIVES');
});

test('headless and ExternalName Services give no variables', () => {
  assert.deepEqual(serviceEnvVars([service('h', { clusterIP: 'None' }), service('x', { type: 'ExternalName', clusterIP: undefined, externalName: 'example.com' })]), []);
});

test('only Services created before the container started are linked, plus default/kubernetes', () => {
  const h = harness();
  const t0 = h.clock.now();
  h.store.create(service('kubernetes', { selector: undefined, clusterIP: '10.96.0.1' }));
  h.store.create(service('early'));
  h.advance(10_000);
  h.store.create(service('late', { clusterIP: '10.96.99.1' }));
  h.store.create({ ...service('elsewhere'), metadata: { ...service('elsewhere').metadata, namespace: 'other' } });
  const p = pod('p');
  assert.deepEqual(linkedServices(h.store, p, t0 + 5_000).map((s) => s.metadata.name), ['early', 'kubernetes']);
  assert.deepEqual(linkedServices(h.store, p, h.clock.now()).map((s) => s.metadata.name), ['early', 'kubernetes', 'late']);
  const noLinks = { ...p, spec: { ...p.spec, enableServiceLinks: false } };
  assert.deepEqual(linkedServices(h.store, noLinks, h.clock.now()).map((s) => s.metadata.name), ['kubernetes']);
});

test("a running container's environment: its own literal env first, which wins over a Service variable", () => {
  const h = harness();
  h.store.create(service('kubia'));
  const p = pod('p');
  p.spec.containers[0].env = [{ name: 'KUBIA_SERVICE_PORT', value: '1234' }, { name: 'FROM_FIELD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }];
  assert.equal(containerEnvironment(h.store, p, 'kubia'), undefined, 'not running yet');
  p.status.containerStatuses = [{ name: 'kubia', state: { running: { startedAt: '2026-01-01T00:00:05Z' } } }];
  const env = containerEnvironment(h.store, p, 'kubia')!;
  assert.deepEqual(env[0], { name: 'KUBIA_SERVICE_PORT', value: '1234' });
  assert.equal(env.filter((e) => e.name === 'KUBIA_SERVICE_PORT').length, 1);
  assert.equal(asMap(env).KUBIA_SERVICE_HOST, '10.96.12.34');
  assert.equal(asMap(env).FROM_FIELD, undefined);
});
