// `npm run bench:cluster`: 1,000 nodes and 100,000 pods created, scheduled and
// Running in virtual time; prints wall time, peak memory (RSS) and the cost of
// one more pod at 1,000 and at 100,000 pods. Goals: ≤ 10 s, ≤ 1.5 GB, and a
// marginal cost that does not grow with the cluster.
import { loadBundled } from './bundle.mjs';

const { createCluster } = await loadBundled(`export { createCluster } from './runtime/src/cluster/cluster';`);

const NODES = Number(process.env.BENCH_NODES ?? 1000);
const PODS = Number(process.env.BENCH_PODS ?? 100_000);
const pod = (name) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'luksa/kubia', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] } });

let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const running = (c, name) => c.store.get('Pod', 'default', name)?.status?.phase === 'Running';

/** Wall time of creating one pod through admission and advancing until it runs. */
function onePod(c, name) {
  const t = performance.now();
  c.create(pod(name));
  c.advance(10_000);
  const ms = performance.now() - t;
  if (!running(c, name)) console.log(`  note: ${name} is not Running`);
  return ms;
}

/** The median of several one-pod probes: a single probe is at the mercy of one GC pause. */
function marginal(c, name) {
  const times = Array.from({ length: 11 }, (_, i) => onePod(c, `${name}-${i}`)).sort((a, b) => a - b);
  return times[5];
}

const t0 = performance.now();
const cpu0 = process.cpuUsage();
const c = createCluster({ seed: 'bench', nodes: NODES, nodeShape: { cpu: '16', memory: '64Gi', pods: '200', ephemeralStorage: '100Gi' } });
let marginalSmall;
for (let i = 0; i < PODS; i++) {
  if (i === 1000) {
    // Settle the backlog first so the probe measures one pod, not the batch before it.
    c.advance(30_000);
    marginalSmall = marginal(c, 'probe-small');
  }
  c.create(pod(`p-${i}`));
  if (i % 5000 === 4999) {
    c.advance(10_000);
    sample();
  }
}
c.advance(30_000);
sample();
const wall = (performance.now() - t0) / 1000;
const cpuUsed = process.cpuUsage(cpu0);
const marginalLarge = marginal(c, 'probe-large');
const runningCount = c.store.list('Pod').filter((p) => p.status?.phase === 'Running').length;
sample();
console.log(`nodes ${NODES}, pods ${c.store.count('Pod')} (${runningCount} Running)`);
// CPU time beside wall time: on a shared machine the wall figure includes other processes' turns.
console.log(`wall time        ${wall.toFixed(2)} s (goal ≤ 10 s; ${((cpuUsed.user + cpuUsed.system) / 1e6).toFixed(2)} s CPU)`);
console.log(`peak memory      ${(peak / 2 ** 20).toFixed(0)} MiB RSS (goal ≤ 1536 MiB)`);
console.log(`one more pod     ${marginalSmall?.toFixed(2)} ms (median of 11) at 1,000 pods, ${marginalLarge.toFixed(2)} ms at ${PODS.toLocaleString('en')} pods`);
