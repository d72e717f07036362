import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type FieldError, renderFieldError, renderInvalidObject } from '../../../../runtime/src/api/field';
import { validatePodSpec } from '../../../../runtime/src/api/validation/podspec';

const pod = { isTemplate: false, minor: 33 };
const template = { isTemplate: true, minor: 33 };
const errorsOf = (errs: FieldError[]) => errs.filter((e) => !e.warning);
const render = (errs: FieldError[]) => errorsOf(errs).map((e) => renderFieldError(e));

/** The kubia pod spec as §6 defaulting leaves it. */
function kubiaSpec(extra: object = {}): Record<string, unknown> {
  return {
    containers: [
      {
        name: 'kubia',
        image: 'luksa/kubia',
        ports: [{ containerPort: 8080, protocol: 'TCP' }],
        imagePullPolicy: 'Always',
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
      },
    ],
    restartPolicy: 'Always',
    dnsPolicy: 'ClusterFirst',
    terminationGracePeriodSeconds: 30,
    schedulerName: 'default-scheduler',
    securityContext: {},
    ...extra,
  };
}

test('the defaulted kubia pod spec passes as a Pod and as a template', () => {
  assert.deepEqual(validatePodSpec(kubiaSpec(), 'spec', pod), []);
  assert.deepEqual(validatePodSpec(kubiaSpec(), 'spec.template.spec', template), []);
});

test('an undefined or malformed spec does not throw', () => {
  assert.doesNotThrow(() => validatePodSpec(undefined, 'spec', pod));
  assert.doesNotThrow(() => validatePodSpec({ containers: 'nope', volumes: 3, affinity: [] }, 'spec', pod));
  assert.ok(validatePodSpec(undefined, 'spec', pod).some((e) => e.path === 'spec.containers' && e.type === 'Required'));
});

test('the missing image of the seeds renders as kubectl prints it', () => {
  const spec = kubiaSpec();
  (spec.containers as Record<string, unknown>[])[0].image = '';
  assert.equal(renderInvalidObject('Pod', 'kubia-manual', validatePodSpec(spec, 'spec', pod)), 'The Pod "kubia-manual" is invalid: spec.containers[0].image: Required value');
});

test('restartPolicy and dnsPolicy are NotSupported outside their lists', () => {
  const errs = validatePodSpec(kubiaSpec({ restartPolicy: 'Sometimes', dnsPolicy: 'clusterfirst' }), 'spec', pod);
  assert.deepEqual(render(errs), [
    'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    'spec.dnsPolicy: Unsupported value: "clusterfirst": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
  ]);
  assert.ok(errs.every((e) => e.rule === 'pod-spec'));
});

test('dnsPolicy None needs a dnsConfig with a nameserver', () => {
  assert.deepEqual(render(validatePodSpec(kubiaSpec({ dnsPolicy: 'None' }), 'spec', pod)), [
    'spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None',
  ]);
  assert.deepEqual(render(validatePodSpec(kubiaSpec({ dnsPolicy: 'None', dnsConfig: { nameservers: ['1.2.3.4'] } }), 'spec', pod)), []);
  assert.deepEqual(render(validatePodSpec(kubiaSpec({ dnsConfig: { nameservers: ['dns.local'] } }), 'spec', pod)), [
    'spec.dnsConfig.nameservers[0]: Invalid value: "dns.local": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
  ]);
});

test('nodeSelector keys and values follow the label rules', () => {
  const errs = validatePodSpec(kubiaSpec({ nodeSelector: { gpu: 'true', 'bad key!': 'x' } }), 'spec', pod);
  assert.deepEqual(
    errorsOf(errs).map((e) => [e.path, e.type, e.value]),
    [['spec.nodeSelector', 'Invalid', 'bad key!']],
  );
  assert.equal(errorsOf(errs)[0].rule, 'pod-spec');
});

test('a missing terminationGracePeriodSeconds is Required; a negative one only warns', () => {
  const spec = kubiaSpec();
  delete spec.terminationGracePeriodSeconds;
  assert.deepEqual(render(validatePodSpec(spec, 'spec', pod)), ['spec.terminationGracePeriodSeconds: Required value']);
  const negative = validatePodSpec(kubiaSpec({ terminationGracePeriodSeconds: -1 }), 'spec', pod);
  assert.deepEqual(errorsOf(negative), []);
  assert.deepEqual(negative.map((e) => renderFieldError(e)), ['spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1']);
});

test('activeDeadlineSeconds must be between 1 and 2147483647', () => {
  assert.deepEqual(render(validatePodSpec(kubiaSpec({ activeDeadlineSeconds: 0 }), 'spec', pod)), [
    'spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive',
  ]);
  assert.deepEqual(validatePodSpec(kubiaSpec({ activeDeadlineSeconds: 3600 }), 'spec', pod), []);
});

test('hostname and subdomain are DNS labels; serviceAccountName, nodeName, priorityClassName subdomains', () => {
  const spec = kubiaSpec({ hostname: 'a.b', subdomain: 'Sub', serviceAccountName: 'Admin', nodeName: 'node_1', priorityClassName: 'high_prio' });
  const errs = errorsOf(validatePodSpec(spec, 'spec', pod));
  assert.deepEqual(
    errs.map((e) => e.path),
    ['spec.serviceAccountName', 'spec.nodeName', 'spec.hostname', 'spec.subdomain', 'spec.priorityClassName'],
  );
  const subdomain = /^a lowercase RFC 1123 subdomain must consist of/;
  const label = /^a lowercase RFC 1123 label must consist of/;
  assert.deepEqual(
    errs.map((e) => [subdomain.test(e.detail ?? ''), label.test(e.detail ?? '')]),
    [[true, false], [true, false], [false, false], [false, true], [true, false]],
  );
  assert.equal(renderFieldError(errs[2]), 'spec.hostname: Invalid value: "a.b": must not contain dots');
});

test('tolerations: empty key needs Exists, Exists takes no value, operator and effect enums', () => {
  const tolerations = [
    { operator: 'Equal', value: 'x' },
    { key: 'gpu', operator: 'Exists', value: 'yes' },
    { key: 'gpu', operator: 'In', value: 'x' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 300 },
    { key: 'a', effect: 'Never' },
  ];
  assert.deepEqual(render(validatePodSpec(kubiaSpec({ tolerations }), 'spec', pod)), [
    'spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
    "spec.tolerations[1].operator: Invalid value: \"yes\": value must be empty when `operator` is 'Exists'",
    'spec.tolerations[2].operator: Unsupported value: "In": supported values: "Equal", "Exists"',
    "spec.tolerations[3].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set",
    'spec.tolerations[4].effect: Unsupported value: "Never": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
  ]);
  assert.deepEqual(validatePodSpec(kubiaSpec({ tolerations: [{ operator: 'Exists' }] }), 'spec', pod), []);
});

test('node affinity: at least one term, operators, weights', () => {
  const na = (x: object) => kubiaSpec({ affinity: { nodeAffinity: x } });
  assert.deepEqual(render(validatePodSpec(na({ requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } }), 'spec', pod)), [
    'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: must have at least one node selector term',
  ]);
  const term = {
    matchExpressions: [
      { key: 'gpu', operator: 'In', values: [] },
      { key: 'gpu', operator: 'Exists', values: ['x'] },
      { key: 'cores', operator: 'Gt', values: ['1', '2'] },
      { key: 'gpu', operator: 'in', values: ['x'] },
    ],
  };
  const p = 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions';
  assert.deepEqual(render(validatePodSpec(na({ requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [term] } }), 'spec', pod)), [
    `${p}[0].values: Required value: must be specified when \`operator\` is 'In' or 'NotIn'`,
    `${p}[1].values: Forbidden: may not be specified when \`operator\` is 'Exists' or 'DoesNotExist'`,
    `${p}[2].values: Required value: must be specified single value when \`operator\` is 'Lt' or 'Gt'`,
    `${p}[3].operator: Invalid value: "in": not a valid selector operator`,
  ]);
  const preferred = [{ weight: 0, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] } }];
  assert.deepEqual(render(validatePodSpec(na({ preferredDuringSchedulingIgnoredDuringExecution: preferred }), 'spec', pod)), [
    'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100',
  ]);
});

test('pod affinity terms need a topologyKey', () => {
  const spec = kubiaSpec({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'kubia' } } }] } } });
  const errs = errorsOf(validatePodSpec(spec, 'spec', pod));
  assert.equal(renderFieldError(errs[0]), 'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required value: can not be empty');
  assert.ok(errs.slice(1).every((e) => e.path.endsWith('.topologyKey') && e.type === 'Invalid'));
});

test('on create, ephemeral containers and nodeName with scheduling gates are Forbidden', () => {
  const spec = kubiaSpec({ ephemeralContainers: [{ name: 'debug', image: 'busybox' }], nodeName: 'node1', schedulingGates: [{ name: 'example.com/wait' }] });
  assert.deepEqual(render(validatePodSpec(spec, 'spec', pod)), [
    'spec.ephemeralContainers: Forbidden: cannot be set on create',
    'spec.nodeName: Forbidden: cannot be set until all schedulingGates have been cleared',
  ]);
  // Templates: the caller (ValidatePodTemplateSpec) reports ephemeral containers; gates with a node are not checked.
  assert.deepEqual(render(validatePodSpec(spec, 'spec.template.spec', template)), []);
});

test('scheduling gates are qualified names without repeats', () => {
  const errs = validatePodSpec(kubiaSpec({ schedulingGates: [{ name: 'a' }, { name: 'a' }] }), 'spec', pod);
  assert.deepEqual(render(errs), ['spec.schedulingGates[1]: Duplicate value: "a"']);
});

test('image whitespace is rejected for Pods only', () => {
  const spec = kubiaSpec();
  (spec.containers as Record<string, unknown>[])[0].image = 'luksa/kubia ';
  assert.deepEqual(render(validatePodSpec(spec, 'spec', pod)), ['spec.containers[0].image: Invalid value: "luksa/kubia ": must not have leading or trailing whitespace']);
  assert.deepEqual(render(validatePodSpec(spec, 'spec.template.spec', template)), []);
});

test('mounting an undeclared volume is NotFound; volumes checked before containers', () => {
  const spec = kubiaSpec({ volumes: [{ name: 'html', emptyDir: {} }, { name: 'Bad', emptyDir: {} }] });
  (spec.containers as Record<string, unknown>[])[0].volumeMounts = [
    { name: 'html', mountPath: '/var/htdocs' },
    { name: 'Bad', mountPath: '/bad' },
  ];
  const errs = errorsOf(validatePodSpec(spec, 'spec', pod));
  assert.deepEqual(
    errs.map((e) => [e.path, e.type]),
    [
      ['spec.volumes[1].name', 'Invalid'],
      ['spec.containers[0].volumeMounts[1].name', 'NotFound'],
    ],
  );
});

test('paths follow the caller: CronJob templates', () => {
  const spec = kubiaSpec({ restartPolicy: 'OnFailure' });
  (spec.containers as Record<string, unknown>[])[0].ports = [{ containerPort: 0, protocol: 'TCP' }];
  assert.deepEqual(render(validatePodSpec(spec, 'spec.jobTemplate.spec.template.spec', template)), [
    'spec.jobTemplate.spec.template.spec.containers[0].ports[0].containerPort: Required value',
  ]);
});

test('warnings come with the accepted object: duplicate ports, deprecated node labels', () => {
  const spec = kubiaSpec({ nodeSelector: { 'beta.kubernetes.io/os': 'linux' } });
  (spec.containers as Record<string, unknown>[])[0].ports = [
    { containerPort: 8080, protocol: 'TCP' },
    { containerPort: 8080, protocol: 'TCP' },
  ];
  const all = validatePodSpec(spec, 'spec', pod);
  assert.deepEqual(errorsOf(all), []);
  assert.deepEqual(all.map((e) => renderFieldError(e)), [
    'spec.nodeSelector[beta.kubernetes.io/os]: deprecated since v1.14; use "kubernetes.io/os" instead',
    'spec.containers[0].ports[1]: duplicate port definition with spec.containers[0].ports[0]',
  ]);
  assert.deepEqual(
    all.map((e) => e.rule),
    ['pod-spec', 'ports'],
  );
});
