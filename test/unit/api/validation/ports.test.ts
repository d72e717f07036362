import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type FieldError, renderFieldError } from '../../../../runtime/src/api/field';
import {
  portWarnings,
  validateContainerPorts,
  validateHostNetworkPorts,
  validateHostPortConflicts,
} from '../../../../runtime/src/api/validation/ports';

const P = 'spec.containers[0].ports';
const render = (errs: FieldError[]) => errs.map((e) => renderFieldError(e));

test('a defaulted port list passes', () => {
  assert.deepEqual(validateContainerPorts([{ containerPort: 8080, protocol: 'TCP', name: 'http' }], P), []);
});

test('a missing containerPort is Required, an out-of-range one Invalid', () => {
  const errs = validateContainerPorts([{ protocol: 'TCP' }, { containerPort: 70000, protocol: 'TCP' }], P);
  assert.deepEqual(render(errs), [
    'spec.containers[0].ports[0].containerPort: Required value',
    'spec.containers[0].ports[1].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
  ]);
  assert.ok(errs.every((e) => e.rule === 'ports'));
});

test('hostPort is range-checked only when set', () => {
  const errs = validateContainerPorts([{ containerPort: 80, hostPort: 0, protocol: 'TCP' }, { containerPort: 80, hostPort: -1, protocol: 'UDP' }], P);
  assert.deepEqual(render(errs), ['spec.containers[0].ports[1].hostPort: Invalid value: -1: must be between 1 and 65535, inclusive']);
});

test('protocol is case-sensitive: tcp is not supported', () => {
  const errs = validateContainerPorts([{ containerPort: 80, protocol: 'tcp' }, { containerPort: 81 }], P);
  assert.deepEqual(render(errs), [
    'spec.containers[0].ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"',
    'spec.containers[0].ports[1].protocol: Required value',
  ]);
});

test('port names follow IANA_SVC_NAME, each failing check reported separately', () => {
  const errs = validateContainerPorts([{ containerPort: 80, protocol: 'TCP', name: '8080' }], P);
  assert.deepEqual(render(errs), ['spec.containers[0].ports[0].name: Invalid value: "8080": must contain at least one letter (a-z)']);
  const long = validateContainerPorts([{ containerPort: 80, protocol: 'TCP', name: 'Very--Long-Port-Name' }], P);
  assert.equal(long.length, 3);
  assert.deepEqual(
    long.map((e) => e.detail),
    ['must be no more than 15 characters', 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'must not contain consecutive hyphens'],
  );
});

test('a port name may repeat across containers but not within one', () => {
  const errs = validateContainerPorts(
    [
      { containerPort: 80, protocol: 'TCP', name: 'http' },
      { containerPort: 81, protocol: 'TCP', name: 'http' },
    ],
    P,
  );
  assert.deepEqual(render(errs), ['spec.containers[0].ports[1].name: Duplicate value: "http"']);
});

test('host ports collide across regular containers per protocol and host IP', () => {
  const containers = [
    { ports: [{ containerPort: 8080, hostPort: 8080, protocol: 'TCP' }] },
    { ports: [{ containerPort: 8080, hostPort: 8080, protocol: 'TCP' }, { containerPort: 8080, hostPort: 8080, protocol: 'UDP' }] },
  ];
  assert.deepEqual(render(validateHostPortConflicts(containers, 'spec.containers')), ['spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"']);
});

test('with hostNetwork a Pod needs hostPort = containerPort; a template may leave it 0', () => {
  const spec = { hostNetwork: true, containers: [{ ports: [{ containerPort: 80, protocol: 'TCP' }, { containerPort: 81, hostPort: 9000, protocol: 'TCP' }] }] };
  assert.deepEqual(render(validateHostNetworkPorts(spec, 'spec', false)), [
    'spec.containers[0].ports[0].hostPort: Invalid value: 0: must match `containerPort` when `hostNetwork` is true',
    'spec.containers[0].ports[1].hostPort: Invalid value: 9000: must match `containerPort` when `hostNetwork` is true',
  ]);
  assert.deepEqual(render(validateHostNetworkPorts(spec, 'spec.template.spec', true)), [
    'spec.template.spec.containers[0].ports[1].hostPort: Invalid value: 9000: must match `containerPort` when `hostNetwork` is true',
  ]);
  assert.deepEqual(validateHostNetworkPorts({ ...spec, hostNetwork: false }, 'spec', false), []);
});

test('the same containerPort/protocol twice is only a warning, with the spec text', () => {
  const spec = { containers: [{ ports: [{ containerPort: 8080, protocol: 'TCP' }, { containerPort: 8080, protocol: 'TCP' }] }] };
  const warnings = portWarnings(spec, 'spec');
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0].warning, true);
  assert.equal(warnings[0].path, 'spec.containers[0].ports[1]');
  assert.equal(renderFieldError(warnings[0]), 'spec.containers[0].ports[1]: duplicate port definition with spec.containers[0].ports[0]');
  assert.equal(warnings[0].rule, 'ports');
});

test('port warnings span containers and tell overlapping from duplicate', () => {
  const spec = {
    initContainers: [{ ports: [{ containerPort: 53, protocol: 'UDP' }] }],
    containers: [{ ports: [{ containerPort: 53, protocol: 'UDP', hostPort: 53 }, { containerPort: 53, protocol: 'TCP' }] }],
  };
  assert.deepEqual(portWarnings(spec, 'spec.template.spec').map((e) => renderFieldError(e)), [
    'spec.template.spec.containers[0].ports[0]: overlapping port definition with spec.template.spec.initContainers[0].ports[0]',
  ]);
});
