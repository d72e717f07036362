import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type FieldError, renderFieldError } from '../../../../runtime/src/api/field';
import { validateLifecycle, validatePortNumOrName, validateProbe } from '../../../../runtime/src/api/validation/probes';

const C = 'spec.containers[0]';
const opts = { gracePeriod: 30, minor: 33 };
const render = (errs: FieldError[]) => errs.map((e) => renderFieldError(e));
/** A probe as defaulting leaves it (§6: timeout 1, period 10, success 1, failure 3). */
const probe = (handler: object, extra: object = {}) => ({ ...handler, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3, ...extra });
const httpGet = { httpGet: { path: '/', port: 8080, scheme: 'HTTP' } };

test('the kubia liveness probe (httpGet on 8080) passes', () => {
  assert.deepEqual(validateProbe('livenessProbe', probe(httpGet, { initialDelaySeconds: 15 }), `${C}.livenessProbe`, opts), []);
});

test('a probe without a handler is Required at the probe', () => {
  const errs = validateProbe('readinessProbe', probe({}), `${C}.readinessProbe`, opts);
  assert.deepEqual(render(errs), ['spec.containers[0].readinessProbe: Required value: must specify a handler type']);
  assert.equal(errs[0].rule, 'probes');
});

test('a second handler is Forbidden on the later one, in exec/httpGet/tcpSocket/grpc order', () => {
  const errs = validateProbe('livenessProbe', probe({ tcpSocket: { port: 80 }, exec: { command: ['true'] } }), `${C}.livenessProbe`, opts);
  assert.deepEqual(render(errs), ['spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type']);
});

test('exec needs a command', () => {
  assert.deepEqual(render(validateProbe('livenessProbe', probe({ exec: { command: [] } }), `${C}.livenessProbe`, opts)), [
    'spec.containers[0].livenessProbe.exec.command: Required value',
  ]);
});

test('ports: numbers 1..65535, names IANA; a missing port reads as 0', () => {
  assert.deepEqual(render(validatePortNumOrName(undefined, 'p')), ['p: Invalid value: 0: must be between 1 and 65535, inclusive']);
  assert.deepEqual(validatePortNumOrName('http', 'p'), []);
  assert.deepEqual(render(validatePortNumOrName('8080', 'p')), ['p: Invalid value: "8080": must contain at least one letter (a-z)']);
  const errs = validateProbe('livenessProbe', probe({ grpc: { port: 70000 } }), `${C}.livenessProbe`, opts);
  assert.deepEqual(render(errs), ['spec.containers[0].livenessProbe.grpc.port: Invalid value: 70000: must be between 1 and 65535, inclusive']);
});

test('httpGet: scheme is NotSupported, header names are checked at httpHeaders', () => {
  const bad = { httpGet: { path: '/', port: 80, scheme: 'http', httpHeaders: [{ name: 'X Custom', value: 'a' }] } };
  assert.deepEqual(render(validateProbe('livenessProbe', probe(bad), `${C}.livenessProbe`, opts)), [
    'spec.containers[0].livenessProbe.httpGet.scheme: Unsupported value: "http": supported values: "HTTP", "HTTPS"',
    `spec.containers[0].livenessProbe.httpGet.httpHeaders: Invalid value: "X Custom": a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')`,
  ]);
});

test('negative timings are Invalid; there is no upper bound', () => {
  const errs = validateProbe('readinessProbe', probe(httpGet, { initialDelaySeconds: -5, periodSeconds: 100000 }), `${C}.readinessProbe`, opts);
  assert.deepEqual(render(errs), ['spec.containers[0].readinessProbe.initialDelaySeconds: Invalid value: -5: must be greater than or equal to 0']);
});

test('liveness and startup probes need successThreshold 1; readiness may count more', () => {
  for (const kind of ['livenessProbe', 'startupProbe'] as const) {
    assert.deepEqual(render(validateProbe(kind, probe(httpGet, { successThreshold: 2 }), `${C}.${kind}`, opts)), [
      `spec.containers[0].${kind}.successThreshold: Invalid value: 2: must be 1`,
    ]);
  }
  assert.deepEqual(validateProbe('readinessProbe', probe(httpGet, { successThreshold: 2 }), `${C}.readinessProbe`, opts), []);
});

test('probe terminationGracePeriodSeconds: positive, and never on readiness probes', () => {
  assert.deepEqual(render(validateProbe('livenessProbe', probe(httpGet, { terminationGracePeriodSeconds: 0 }), `${C}.livenessProbe`, opts)), [
    'spec.containers[0].livenessProbe.terminationGracePeriodSeconds: Invalid value: 0: must be greater than 0',
  ]);
  assert.deepEqual(render(validateProbe('readinessProbe', probe(httpGet, { terminationGracePeriodSeconds: 10 }), `${C}.readinessProbe`, opts)), [
    'spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 10: must not be set for readinessProbes',
  ]);
});

test('lifecycle hooks use the same handler rules, with sleep instead of grpc', () => {
  const lifecycle = { postStart: { exec: { command: ['sh'] } }, preStop: { sleep: { seconds: 40 } } };
  assert.deepEqual(render(validateLifecycle(lifecycle, `${C}.lifecycle`, opts)), [
    'spec.containers[0].lifecycle.preStop.sleep: Invalid value: 40: must be non-negative and less than terminationGracePeriodSeconds (30)',
  ]);
  assert.deepEqual(render(validateLifecycle({ preStop: {} }, `${C}.lifecycle`, opts)), ['spec.containers[0].lifecycle.preStop: Required value: must specify a handler type']);
  assert.deepEqual(validateLifecycle({ preStop: { sleep: { seconds: 0 } } }, `${C}.lifecycle`, opts), []);
});
