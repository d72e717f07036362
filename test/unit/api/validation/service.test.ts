import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorsOf, messages } from './prepared';

const svc = (spec: Record<string, unknown>, name = 'kubia') => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec });

test('a ClusterIP service selecting app=kubia is valid; so are headless and ExternalName services without ports', () => {
  assert.deepEqual(messages(svc({ ports: [{ port: 80, targetPort: 8080 }], selector: { app: 'kubia' } })), []);
  assert.deepEqual(messages(svc({ clusterIP: 'None', selector: { app: 'kubia' } })), []);
  assert.deepEqual(messages(svc({ type: 'ExternalName', externalName: 'api.example.com.' })), []);
  assert.deepEqual(messages(svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 30123 }] })), []);
  assert.deepEqual(messages(svc({ type: 'LoadBalancer', ports: [{ port: 80 }], loadBalancerSourceRanges: ['10.0.0.0/8'] })), []);
});

test('ports Required; several ports need names', () => {
  assert.deepEqual(messages(svc({})), ['spec.ports: Required value']);
  assert.deepEqual(messages(svc({ ports: [{ port: 80 }, { name: 'https', port: 443 }] })), ['spec.ports[0].name: Required value']);
  assert.deepEqual(messages(svc({ ports: [{ name: 'web', port: 80 }, { name: 'web', port: 81 }] })), ['spec.ports[1].name: Duplicate value: "web"']);
});

test('port range, protocol and targetPort', () => {
  assert.deepEqual(messages(svc({ ports: [{ port: 70000, protocol: 'tcp', targetPort: '8080' }] })), [
    'spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive',
    'spec.ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"',
    'spec.ports[0].targetPort: Invalid value: "8080": must contain at least one letter (a-z)',
  ]);
});

test('duplicate port and node port', () => {
  const errs = errorsOf(svc({ type: 'NodePort', ports: [{ name: 'a', port: 80, nodePort: 30001 }, { name: 'b', port: 80, nodePort: 30001 }] }));
  assert.deepEqual(
    errs.map((e) => [e.path, e.type]),
    [
      ['spec.ports[1].nodePort', 'Duplicate'],
      ['spec.ports[1]', 'Duplicate'],
    ],
  );
});

test('type, nodePort on ClusterIP, None for NodePort', () => {
  assert.deepEqual(messages(svc({ type: 'Internal', ports: [{ port: 80 }] })), ['spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"']);
  assert.deepEqual(messages(svc({ ports: [{ port: 80, nodePort: 30000 }] })), ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]);
  assert.deepEqual(messages(svc({ type: 'NodePort', clusterIP: 'None', ports: [{ port: 80 }] })), ["spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services"]);
});

test('node ports outside 30000-32767 (the allocator range, checked statically)', () => {
  assert.deepEqual(messages(svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] })), [
    'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
  ]);
});

test('ExternalName rules', () => {
  assert.deepEqual(messages(svc({ type: 'ExternalName' })), ['spec.externalName: Required value']);
  assert.deepEqual(messages(svc({ type: 'ExternalName', externalName: 'x', clusterIP: '10.0.0.1' })), ['spec.clusterIPs: Forbidden: may not be set for ExternalName services']);
  assert.ok(messages(svc({ type: 'ExternalName', externalName: 'Bad_Name' }))[0].startsWith('spec.externalName: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain'));
});

test('session affinity', () => {
  assert.deepEqual(messages(svc({ ports: [{ port: 80 }], sessionAffinity: 'Sticky' })), ['spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"']);
  assert.deepEqual(messages(svc({ ports: [{ port: 80 }], sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 0 } } })), [
    'spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater than 0 and less than 86400',
  ]);
});

test('traffic policies', () => {
  assert.deepEqual(messages(svc({ ports: [{ port: 80 }], externalTrafficPolicy: 'Local' })), ['spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services']);
  assert.deepEqual(messages(svc({ type: 'NodePort', ports: [{ port: 80 }], externalTrafficPolicy: 'Global' })), ['spec.externalTrafficPolicy: Unsupported value: "Global": supported values: "Cluster", "Local"']);
  assert.deepEqual(messages(svc({ ports: [{ port: 80 }], internalTrafficPolicy: 'Node' })), ['spec.internalTrafficPolicy: Unsupported value: "Node": supported values: "Cluster", "Local"']);
  assert.deepEqual(messages(svc({ ports: [{ port: 80 }], healthCheckNodePort: 30100 })), [
    "spec.healthCheckNodePort: Invalid value: 30100: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
  ]);
});

test('load balancer fields on other types', () => {
  assert.deepEqual(messages(svc({ ports: [{ port: 80 }], loadBalancerSourceRanges: ['10.0.0.0/8'], allocateLoadBalancerNodePorts: false })), [
    "spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'",
    "spec.allocateLoadBalancerNodePorts: Forbidden: may only be used when `type` is 'LoadBalancer'",
  ]);
  assert.deepEqual(messages(svc({ type: 'LoadBalancer', ports: [{ port: 80 }], loadBalancerSourceRanges: ['10.0.0.0'] })), [
    'spec.LoadBalancerSourceRanges[0]: Invalid value: "10.0.0.0": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
  ]);
});

test('external IPs and cluster IPs', () => {
  assert.deepEqual(messages(svc({ ports: [{ port: 80 }], externalIPs: ['127.0.0.1', 'nope'] })), [
    'spec.externalIPs[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
    'spec.externalIPs[1]: Invalid value: "nope": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
  ]);
  assert.deepEqual(messages(svc({ ports: [{ port: 80 }], clusterIP: '10.0.0.300' })), ['spec.clusterIPs[0]: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']);
  assert.deepEqual(messages(svc({ ports: [{ port: 80 }], ipFamilies: ['IPv4', 'IPv4'], ipFamilyPolicy: 'DualStack' })), [
    'spec.ipFamilies[1]: Duplicate value: "IPv4"',
    'spec.ipFamilyPolicy: Unsupported value: "DualStack": supported values: "PreferDualStack", "RequireDualStack", "SingleStack"',
  ]);
});

test('selector labels are checked; the name must be a DNS-1035 label', () => {
  assert.ok(errorsOf(svc({ ports: [{ port: 80 }], selector: { app: 'not valid' } })).some((e) => e.path === 'spec.selector' && e.type === 'Invalid'));
  assert.ok(errorsOf(svc({ ports: [{ port: 80 }] }, '1abc')).some((e) => e.path === 'metadata.name'));
  assert.ok(errorsOf(svc({ ports: [{ port: 80 }] })).every((e) => e.rule !== undefined));
});

test('special external IPs of both families', () => {
  const bad = (ip: string) => messages(svc({ ports: [{ port: 80 }], externalIPs: [ip] }))[0];
  assert.equal(bad('0.0.0.0'), 'spec.externalIPs[0]: Invalid value: "0.0.0.0": may not be unspecified (0.0.0.0)');
  assert.equal(bad('::'), 'spec.externalIPs[0]: Invalid value: "::": may not be unspecified (::)');
  assert.equal(bad('::1'), 'spec.externalIPs[0]: Invalid value: "::1": may not be in the loopback range (127.0.0.0/8, ::1/128)');
  assert.equal(bad('169.254.1.1'), 'spec.externalIPs[0]: Invalid value: "169.254.1.1": may not be in the link-local range (169.254.0.0/16, fe80::/10)');
  assert.equal(bad('fe80::1'), 'spec.externalIPs[0]: Invalid value: "fe80::1": may not be in the link-local range (169.254.0.0/16, fe80::/10)');
  assert.equal(bad('224.0.0.5'), 'spec.externalIPs[0]: Invalid value: "224.0.0.5": may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)');
  assert.deepEqual(messages(svc({ ports: [{ port: 80 }], externalIPs: ['203.0.113.7', '2001:db8::1'] })), []);
});
