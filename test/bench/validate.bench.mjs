// How much the validate pipeline costs over bare YAML parsing: a deterministic
// 10,000-document stream of the eight kinds, parsed with yaml (parseAllDocuments +
// toJS) and then run through validateText (parse, decode, defaults, validation,
// positions). Prints documents/s, MB/s and the ratio; the goal is ≤ 2×. Figures
// only: timing is never asserted.
//
// The pipeline is bundled with esbuild from its TypeScript sources into a temp
// file, the way dist/cli.js is built, so the figures are those of shipped code.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const templates = [
  (i) => `apiVersion: v1
kind: Pod
metadata:
  name: web-${i}
  labels: {app: web, shard: "s${i % 7}"}
spec:
  containers:
  - name: main
    image: nginx:1.27
    ports:
    - containerPort: 80
    resources:
      requests: {cpu: 100m, memory: 64Mi}
      limits: {cpu: 500m, memory: 128Mi}
    livenessProbe:
      httpGet: {path: /healthz, port: 80}
`,
  (i) => `apiVersion: v1
kind: Service
metadata:
  name: svc-${i}
spec:
  selector: {app: web}
  ports:
  - name: http
    port: 80
    targetPort: 8080
  - name: metrics
    port: 9090
`,
  (i) => `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: rs-${i}
spec:
  replicas: ${i % 5}
  selector:
    matchLabels: {app: rs-${i}}
  template:
    metadata:
      labels: {app: rs-${i}}
    spec:
      containers:
      - name: main
        image: luksa/kubia
        env:
        - name: MODE
          value: fast
`,
  (i) => `apiVersion: v1
kind: ReplicationController
metadata:
  name: rc-${i}
spec:
  replicas: 3
  template:
    metadata:
      labels: {app: rc-${i}}
    spec:
      containers:
      - name: main
        image: luksa/kubia
`,
  (i) => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ds-${i}
spec:
  selector:
    matchLabels: {app: ds-${i}}
  template:
    metadata:
      labels: {app: ds-${i}}
    spec:
      nodeSelector: {disk: ssd}
      containers:
      - name: main
        image: luksa/ssd-monitor
`,
  (i) => `apiVersion: batch/v1
kind: Job
metadata:
  name: job-${i}
spec:
  completions: 5
  parallelism: 2
  template:
    spec:
      restartPolicy: OnFailure
      containers:
      - name: main
        image: luksa/batch-job
`,
  (i) => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: cj-${i}
spec:
  schedule: "${i % 60} * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: main
            image: luksa/batch-job
`,
  (i) => `apiVersion: v1
kind: Namespace
metadata:
  name: ns-${i}
`,
];

function corpus(n) {
  const docs = [];
  for (let i = 0; i < n; i++) docs.push(templates[i % templates.length](i));
  return docs.join('---\n');
}

async function loadPipeline() {
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-bench-'));
  const outfile = join(dir, 'validate.cjs');
  await build({ entryPoints: ['runtime/src/cli/validate.ts'], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
  const mod = createRequire(import.meta.url)(outfile);
  rmSync(dir, { recursive: true, force: true });
  return mod;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function measure(fn) {
  fn(); // warm-up: JIT, ajv compilation, schema loading
  const times = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

const text = corpus(DOCUMENTS);
const mb = Buffer.byteLength(text) / (1024 * 1024);
const { validateText } = await loadPipeline();

let findings = 0;
const bare = measure(() => {
  for (const d of parseAllDocuments(text)) d.toJS();
});
const full = measure(() => {
  findings = validateText('<bench>', text, { minor: 33 }).findings.length;
});

const line = (label, ms) =>
  `${label.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms  ${((DOCUMENTS / ms) * 1000).toFixed(0).padStart(7)} docs/s  ${((mb / ms) * 1000).toFixed(2).padStart(6)} MB/s`;
console.log(`${DOCUMENTS} documents, ${mb.toFixed(2)} MB, median of ${RUNS} runs`);
console.log(line('yaml parseAllDocuments + toJS', bare));
console.log(line('kubelab validate pipeline', full));
console.log(`ratio ${(full / bare).toFixed(2)}× (goal ≤ 2×); ${findings} findings`);
