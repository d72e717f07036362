// Every manifest in examples/ through the built CLI, every finding checked against
// what validation-rules.md says the API server answers: code, field path, message
// and the line of the node it is about. Files not in the table must be clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportedFinding } from '../../runtime/src/cli/report';

interface Expected {
  code: string;
  path: string;
  /** A part of the message that the spec fixes. */
  message: string;
  line: number;
}

const RC_MISMATCH = '`selector` does not match template `labels`';
const ONLY_ALWAYS = 'Unsupported value: "OnFailure": supported values: "Always"';
const JOB_RESTART = 'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"';
const MUST_BE_NON_NEGATIVE = 'must be greater than or equal to 0';

const EXPECTED: Record<string, Expected[]> = {
  // --- the seeds (Kubernetes in Action ch. 2–5) ---
  'examples/seeds/kubia-liveness-tabs.yaml': [{ code: 'yaml-syntax', path: '', message: 'Tabs are not allowed as indentation', line: 6 }],
  'examples/seeds/kubia-liveness-lowercase-kind.yaml': [
    { code: 'unknown-kind', path: 'kind', message: 'no matches for kind "pod" in version "v1"', line: 4 },
  ],
  'examples/seeds/kubia-rc-selector-mismatch.yaml': [
    {
      code: 'replication-controller',
      path: 'spec.template.metadata.labels',
      message: `spec.template.metadata.labels: Invalid value: map[string]string{"app":"kubia"}: ${RC_MISMATCH}`,
      line: 15,
    },
  ],
  'examples/seeds/kubia-replicaset-v1beta2.yaml': [
    { code: 'removed-api-version', path: 'apiVersion', message: 'no matches for kind "ReplicaSet" in version "apps/v1beta2"', line: 3 },
  ],
  'examples/seeds/batch-job-every-fifteen-minutes-v1beta1.yaml': [
    { code: 'removed-api-version', path: 'apiVersion', message: 'no matches for kind "CronJob" in version "batch/v1beta1"', line: 2 },
  ],
  'examples/seeds/kubia-replicaset-matchlabels-list.yaml': [
    {
      code: 'type-mismatch',
      path: 'spec.selector.matchLabels',
      message: 'json: cannot unmarshal array into Go struct field LabelSelector.spec.selector.matchLabels of type map[string]string',
      line: 11,
    },
  ],

  // --- Pod ---
  'examples/pod/missing-image.yaml': [{ code: 'containers', path: 'spec.containers[0].image', message: 'spec.containers[0].image: Required value', line: 8 }],
  'examples/pod/bad-restart-policy.yaml': [
    { code: 'pod-spec', path: 'spec.restartPolicy', message: 'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"', line: 7 },
  ],
  'examples/pod/unknown-field.yaml': [
    { code: 'unknown-field', path: 'spec.containers[0].imagePullPolcy', message: 'unknown field "spec.containers[0].imagePullPolcy"', line: 10 },
  ],
  'examples/pod/port-out-of-range.yaml': [
    {
      code: 'ports',
      path: 'spec.containers[0].ports[0].containerPort',
      message: 'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      line: 10,
    },
  ],
  'examples/pod/bad-quantity.yaml': [
    {
      code: 'invalid-quantity',
      path: 'spec.containers[0].resources.limits[memory]',
      message: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
      line: 12,
    },
  ],
  'examples/pod/bad-name.yaml': [
    { code: 'metadata', path: 'metadata.name', message: 'metadata.name: Invalid value: "Kubia_Manual": a lowercase RFC 1123 subdomain must consist of', line: 5 },
  ],
  'examples/pod/bad-label-value.yaml': [
    { code: 'metadata', path: 'metadata.labels', message: 'metadata.labels: Invalid value: "-web-": a valid label must be an empty string', line: 6 },
  ],
  'examples/pod/container-port-as-string.yaml': [
    {
      code: 'type-mismatch',
      path: 'spec.containers[0].ports[0].containerPort',
      message: 'json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
      line: 11,
    },
  ],
  'examples/pod/three-documents.yaml': [
    { code: 'pod-spec', path: 'spec.restartPolicy', message: 'spec.restartPolicy: Unsupported value: "Sometimes"', line: 25 },
  ],

  // --- ReplicationController ---
  'examples/replicationcontroller/restart-on-failure.yaml': [
    { code: 'replication-controller', path: 'spec.template.spec.restartPolicy', message: `spec.template.spec.restartPolicy: ${ONLY_ALWAYS}`, line: 12 },
  ],
  'examples/replicationcontroller/missing-template.yaml': [
    { code: 'replication-controller', path: 'spec.template', message: 'spec.template: Required value', line: 5 },
  ],
  'examples/replicationcontroller/negative-replicas.yaml': [
    { code: 'replication-controller', path: 'spec.replicas', message: `spec.replicas: Invalid value: -1: ${MUST_BE_NON_NEGATIVE}`, line: 6 },
  ],
  'examples/replicationcontroller/replicas-as-string.yaml': [
    {
      code: 'type-mismatch',
      path: 'spec.replicas',
      message: 'json: cannot unmarshal string into Go struct field ReplicationControllerSpec.spec.replicas of type int32',
      line: 6,
    },
  ],

  // --- ReplicaSet ---
  'examples/replicaset/missing-selector.yaml': [
    { code: 'replica-set', path: 'spec.selector', message: 'spec.selector: Required value', line: 6 },
    { code: 'replica-set', path: 'spec.template.metadata.labels', message: RC_MISMATCH, line: 11 },
  ],
  'examples/replicaset/empty-selector.yaml': [
    { code: 'replica-set', path: 'spec.selector', message: 'empty selector is invalid for deployment', line: 6 },
  ],
  'examples/replicaset/bad-operator.yaml': [
    {
      code: 'label-selector',
      path: 'spec.selector.matchExpressions[0].operator',
      message: 'spec.selector.matchExpressions[0].operator: Invalid value: "in": not a valid selector operator',
      line: 10,
    },
    { code: 'replica-set', path: 'spec.selector', message: 'invalid label selector', line: 8 },
  ],
  'examples/replicaset/restart-never.yaml': [
    { code: 'replica-set', path: 'spec.template.spec.restartPolicy', message: 'Unsupported value: "Never": supported values: "Always"', line: 14 },
  ],

  // --- DaemonSet ---
  'examples/daemonset/empty-selector.yaml': [
    { code: 'daemon-set', path: 'spec.selector', message: 'empty selector is invalid for daemonset', line: 6 },
  ],
  'examples/daemonset/bad-update-strategy.yaml': [
    { code: 'daemon-set', path: 'spec.updateStrategy', message: 'supported values: "RollingUpdate", "OnDelete"', line: 10 },
  ],
  'examples/daemonset/max-unavailable-zero.yaml': [
    { code: 'daemon-set', path: 'spec.updateStrategy.rollingUpdate.maxUnavailable', message: 'cannot be 0 when maxSurge is 0', line: 13 },
  ],
  'examples/daemonset/restart-on-failure.yaml': [
    { code: 'daemon-set', path: 'spec.template.spec.restartPolicy', message: ONLY_ALWAYS, line: 14 },
  ],
  'examples/daemonset/selector-mismatch.yaml': [
    { code: 'daemon-set', path: 'spec.template.metadata.labels', message: RC_MISMATCH, line: 12 },
  ],

  // --- Job ---
  'examples/job/restart-always.yaml': [{ code: 'job', path: 'spec.template.spec.restartPolicy', message: JOB_RESTART, line: 9 }],
  'examples/job/restart-missing.yaml': [{ code: 'job', path: 'spec.template.spec.restartPolicy', message: JOB_RESTART, line: 8 }],
  'examples/job/negative-completions.yaml': [
    { code: 'job', path: 'spec.completions', message: `spec.completions: Invalid value: -1: ${MUST_BE_NON_NEGATIVE}`, line: 6 },
  ],
  'examples/job/indexed-without-completions.yaml': [
    { code: 'job', path: 'spec.completions', message: 'spec.completions: Required value: when completion mode is Indexed', line: 6 },
  ],
  'examples/job/bad-completion-mode.yaml': [
    { code: 'job', path: 'spec.completionMode', message: 'spec.completionMode: Unsupported value: "Parallel": supported values: "NonIndexed", "Indexed"', line: 6 },
  ],

  // --- CronJob ---
  'examples/cronjob/bad-schedule.yaml': [
    { code: 'cron-job', path: 'spec.schedule', message: 'spec.schedule: Invalid value: "* * * *": expected exactly 5 fields, found 4: [* * * *]', line: 7 },
  ],
  'examples/cronjob/tz-in-schedule.yaml': [
    { code: 'cron-job', path: 'spec.schedule', message: 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead', line: 7 },
  ],
  'examples/cronjob/name-too-long.yaml': [
    { code: 'cron-job', path: 'metadata.name', message: 'must be no more than 52 characters', line: 5 },
  ],
  'examples/cronjob/restart-always.yaml': [
    {
      code: 'cron-job',
      path: 'spec.jobTemplate.spec.template.spec.restartPolicy',
      message: 'spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
      line: 11,
    },
  ],
  'examples/cronjob/bad-concurrency-policy.yaml': [
    {
      code: 'cron-job',
      path: 'spec.concurrencyPolicy',
      message: 'spec.concurrencyPolicy: Unsupported value: "Never": supported values: "Allow", "Forbid", "Replace"',
      line: 7,
    },
  ],

  // --- Service ---
  'examples/service/multi-port-unnamed.yaml': [
    { code: 'service', path: 'spec.ports[0].name', message: 'spec.ports[0].name: Required value', line: 10 },
    { code: 'service', path: 'spec.ports[1].name', message: 'spec.ports[1].name: Required value', line: 12 },
  ],
  'examples/service/target-port-quoted-number.yaml': [
    { code: 'service', path: 'spec.ports[0].targetPort', message: 'spec.ports[0].targetPort: Invalid value: "8080": must contain at least one letter (a-z)', line: 11 },
  ],
  'examples/service/bad-name.yaml': [
    { code: 'metadata', path: 'metadata.name', message: 'metadata.name: Invalid value: "1kubia": a DNS-1035 label must consist of', line: 5 },
  ],
  'examples/service/node-port-on-cluster-ip.yaml': [
    { code: 'service', path: 'spec.ports[0].nodePort', message: "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'", line: 10 },
  ],
  'examples/service/no-ports.yaml': [{ code: 'service', path: 'spec.ports', message: 'spec.ports: Required value', line: 5 }],
  'examples/service/bad-type.yaml': [
    {
      code: 'service',
      path: 'spec.type',
      message: 'spec.type: Unsupported value: "Nodeport": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
      line: 7,
    },
  ],

  // --- Namespace ---
  'examples/namespace/dotted-name.yaml': [
    { code: 'metadata', path: 'metadata.name', message: 'metadata.name: Invalid value: "team.a": must not contain dots', line: 5 },
  ],
  'examples/namespace/uppercase-name.yaml': [
    { code: 'metadata', path: 'metadata.name', message: 'metadata.name: Invalid value: "TeamA": a lowercase RFC 1123 label must consist of', line: 4 },
  ],
  'examples/namespace/bad-finalizer.yaml': [
    {
      code: 'namespace',
      // Upstream ValidateNamespace passes the list's path, without the index.
      path: 'spec.finalizers',
      message: 'spec.finalizers: Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified',
      line: 7,
    },
  ],

  // --- documents that are not objects ---
  'examples/misc/missing-kind.yaml': [{ code: 'missing-kind', path: '', message: `Object 'Kind' is missing in '{"metadata":{"name":"web"}`, line: 2 }],
  'examples/misc/list-document.yaml': [{ code: 'not-an-object', path: '', message: 'not a Kubernetes object', line: 2 }],
  'examples/misc/yaml-syntax.yaml': [{ code: 'yaml-syntax', path: '', message: 'Flow sequence in block collection', line: 8 }],
};

function newestMtime(dir: string): number {
  return Math.max(
    0,
    ...readdirSync(dir).map((n) => {
      const p = join(dir, n);
      const st = statSync(p);
      return st.isDirectory() ? newestMtime(p) : st.mtimeMs;
    }),
  );
}

function ensureBuilt(): void {
  const fresh = existsSync('dist/cli.js') && statSync('dist/cli.js').mtimeMs >= newestMtime('runtime/src');
  if (fresh) return;
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { encoding: 'utf8' });
  assert.ok(existsSync('dist/cli.js'), `build failed: ${r.stderr}`);
}

function manifests(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = `${dir}/${n}`;
      return statSync(p).isDirectory() ? manifests(p) : /\.(ya?ml|json)$/.test(n) ? [p] : [];
    });
}

const matches = (f: ReportedFinding, e: Expected) => f.code === e.code && f.path === e.path && f.message.includes(e.message) && f.line === e.line;

test('every finding on examples/ is the one the spec predicts, and nothing else', { timeout: 120_000 }, () => {
  ensureBuilt();
  const r = spawnSync(process.execPath, ['dist/cli.js', 'validate', '--format', 'json', 'examples/'], { encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  const findings = JSON.parse(r.stdout) as ReportedFinding[];
  const files = manifests('examples');
  for (const file of Object.keys(EXPECTED)) assert.ok(files.includes(file), `${file} is in the table but not in examples/`);

  const problems: string[] = [];
  for (const file of files) {
    const got = findings.filter((f) => f.file === file);
    const want = EXPECTED[file] ?? [];
    for (const f of got) if (!want.some((e) => matches(f, e))) problems.push(`unexpected in ${file}: ${f.line} [${f.code}] ${f.path}: ${f.message}`);
    for (const e of want) {
      const n = got.filter((f) => matches(f, e)).length;
      if (n !== 1) problems.push(`${file}: expected one ${e.line} [${e.code}] ${e.path}: ${e.message}, found ${n}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('the valid seeds and examples have no errors', { timeout: 120_000 }, () => {
  ensureBuilt();
  const valid = manifests('examples').filter((f) => !(f in EXPECTED));
  assert.ok(valid.length >= 20);
  const r = spawnSync(process.execPath, ['dist/cli.js', 'validate', ...valid], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});
