// Workload-controller costs in virtual time, bundled with esbuild from the
// TypeScript sources like the other benches: an RC scaled 0 → 10,000 → 0
// (controllers and the store only, no scheduler, so the figure is the RC
// sync's), and 1,000 CronJobs `*/15` over one simulated day (their Jobs are
// created and tracked; no kubelet runs them). Figures only, never asserted.
// The pods name a scheduler that does not exist, so the default scheduler
// leaves them alone: on a cluster without nodes it would otherwise retry every
// pod at each 5-minute flush, which is the scheduler's cost, not the controllers'.
import { loadBundled } from './bundle.mjs';

const REPLICAS = Number(process.env.BENCH_REPLICAS ?? 10_000);
const CRONJOBS = Number(process.env.BENCH_CRONJOBS ?? 1_000);

const { createCluster, WORKLOAD_CONTROLLERS } = await loadBundled(`export { createCluster } from './runtime/src/cluster/cluster';
export { WORKLOAD_CONTROLLERS } from './runtime/src/cluster/controllers';`);

const NO_SCHEDULER = 'bench-no-scheduler';
const ms = (t0) => (performance.now() - t0).toFixed(0);

{
  const c = createCluster({ seed: 'bench', nodes: 0, components: WORKLOAD_CONTROLLERS });
  const template = { metadata: { labels: { app: 'kubia' } }, spec: { schedulerName: NO_SCHEDULER, containers: [{ name: 'kubia', image: 'luksa/kubia' }] } };
  c.create({ apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'kubia' }, spec: { replicas: 0, template } });
  const setReplicas = (n) => {
    const rc = c.store.get('ReplicationController', 'default', 'kubia');
    c.store.update({ ...rc, spec: { ...rc.spec, replicas: n } });
    c.tick();
  };
  let t0 = performance.now();
  setReplicas(REPLICAS);
  console.log(`rc scale 0 → ${REPLICAS}: ${ms(t0)} ms, ${c.store.count('Pod')} pods`);
  t0 = performance.now();
  setReplicas(0);
  c.advance(1_000);
  console.log(`rc scale ${REPLICAS} → 0: ${ms(t0)} ms, ${c.store.count('Pod')} pods left`);
}

{
  const c = createCluster({ seed: 'bench', nodes: 0, components: WORKLOAD_CONTROLLERS });
  const jobTemplate = { spec: { template: { spec: { schedulerName: NO_SCHEDULER, restartPolicy: 'OnFailure', containers: [{ name: 'main', image: 'luksa/batch-job' }] } } } };
  let t0 = performance.now();
  for (let i = 0; i < CRONJOBS; i++)
    c.create({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: `cron-${i}` }, spec: { schedule: '*/15 * * * *', jobTemplate } });
  console.log(`create ${CRONJOBS} cronjobs: ${ms(t0)} ms`);
  t0 = performance.now();
  for (let h = 0; h < 24; h++) c.advance(3600_000);
  console.log(`${CRONJOBS} cronjobs over one simulated day: ${ms(t0)} ms, ${c.store.count('Job')} jobs kept, ${c.store.count('Pod')} pods`);
}
