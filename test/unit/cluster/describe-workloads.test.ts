// `kubectl describe` for rc, rs, ds, jobs, cronjobs, svc and endpoints, on
// objects the real cluster and its controllers produced from the seeds'
// manifests (KIA ch. 4–5), laid out as kubectl 1.33 prints them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCluster, type Cluster } from '../../../runtime/src/cluster/cluster';
import { describe, describeRelated, rfc1123z, humanDuration } from '../../../runtime/src/cluster/printers/index';
import type { KubeObject } from '../../../runtime/src/cluster/types';
import { workspace } from '../../scenarios/cli-harness';

function mustCreate(c: Cluster, manifest: unknown): KubeObject {
  const r = c.create(manifest);
  if (!r.ok) throw new Error(r.error.message);
  return r.object;
}

/** What `kubectl describe <kind> <name>` prints in the default namespace. */
function kubectlDescribe(c: Cluster, kind: string, name: string): string {
  const o = c.store.get(kind, 'default', name)!;
  return describe(o, { events: c.events.eventsFor(o), now: c.clock.now(), ...describeRelated(c.store, o) });
}

const lines = (text: string) => text.trimEnd().split('\n');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The lines from `start` up to (not including) the next line starting with `end`. */
function section(text: string, start: string, end: string): string[] {
  const all = lines(text);
  const from = all.findIndex((l) => l.startsWith(start));
  const to = all.findIndex((l, i) => i > from && l.startsWith(end));
  return all.slice(from, to < 0 ? undefined : to);
}

const rcManifest = (name: string) => ({
  apiVersion: 'v1',
  kind: 'ReplicationController',
  metadata: { name },
  spec: {
    replicas: 3,
    selector: { app: 'kubia' },
    template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia', ports: [{ containerPort: 8080 }] }] } },
  },
});

const KUBIA_SVC = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubia' }, spec: { ports: [{ port: 80, targetPort: 8080 }], selector: { app: 'kubia' } } };

test('describe rc kubia: header, replica and pod counts, the Pod Template block and SuccessfulCreate events', () => {
  const c = createCluster({ seed: 'describe-rc' });
  mustCreate(c, rcManifest('kubia'));
  c.advance(60_000);
  const text = kubectlDescribe(c, 'ReplicationController', 'kubia');
  assert.deepEqual(section(text, 'Name:', 'Events:'), [
    'Name:         kubia',
    'Namespace:    default',
    'Selector:     app=kubia',
    'Labels:       app=kubia',
    'Annotations:  <none>',
    'Replicas:     3 current / 3 desired',
    'Pods Status:  3 Running / 0 Waiting / 0 Succeeded / 0 Failed',
    'Pod Template:',
    '  Labels:  app=kubia',
    '  Containers:',
    '   kubia:',
    '    Image:         luksa/kubia',
    '    Port:          8080/TCP',
    '    Host Port:     0/TCP',
    '    Environment:   <none>',
    '    Mounts:        <none>',
    '  Volumes:         <none>',
    '  Node-Selectors:  <none>',
    '  Tolerations:     <none>',
  ]);
  const pods = c.store.list('Pod', { namespace: 'default' }).map((p) => p.metadata.name);
  const events = section(text, 'Events:', '\u0000');
  assert.deepEqual(events.slice(0, 3), [
    'Events:',
    '  Type    Reason            Age   From                    Message',
    '  ----    ------            ----  ----                    -------',
  ]);
  assert.deepEqual(events.slice(3).map((l) => l.replace(/Created pod: \S+$/, '')).sort(), pods.map(() => '  Normal  SuccessfulCreate  60s   replication-controller  '));
  assert.deepEqual(events.slice(3).map((l) => l.split('Created pod: ')[1]).sort(), [...pods].sort());
});

test('pods the kubelet has not started yet count as Waiting', () => {
  const c = createCluster({ seed: 'describe-waiting' });
  mustCreate(c, rcManifest('kubia'));
  const phases = c.store.list('Pod', { namespace: 'default' }).map((p) => p.status?.phase ?? 'Pending');
  assert.ok(phases.every((p) => p === 'Pending'), `all pods still pending: ${phases}`);
  assert.match(kubectlDescribe(c, 'ReplicationController', 'kubia'), /\nPods Status:  0 Running \/ 3 Waiting \/ 0 Succeeded \/ 0 Failed\n/);
});

test('the seed\'s kubia-rc: a relabelled pod leaves the count, kubia-gpu is deleted, events show it (x1 each)', () => {
  const c = createCluster({ seed: 'describe-kubia-rc' });
  mustCreate(c, rcManifest('kubia-rc'));
  c.advance(60_000);
  const [first] = c.store.list('Pod', { namespace: 'default' });
  c.store.update({ ...first, metadata: { ...first.metadata, labels: { app: 'kubia-dev', env: 'dev' } } });
  c.advance(30_000);
  mustCreate(c, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'kubia-gpu', labels: { app: 'kubia', gpu: 'true' } }, spec: { containers: [{ image: 'luksa/kubia', name: 'kubia' }] } });
  c.advance(30_000);
  const text = kubectlDescribe(c, 'ReplicationController', 'kubia-rc');
  assert.match(text, /\nReplicas:     3 current \/ 3 desired\nPods Status:  3 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed\n/);
  const events = section(text, 'Events:', '\u0000').slice(3);
  assert.equal(events.filter((l) => /^  Normal  SuccessfulCreate  \S+ +replication-controller  Created pod: kubia-rc-\w{5}$/.test(l)).length, 4);
  assert.equal(events.filter((l) => /^  Normal  SuccessfulDelete  30s +replication-controller  Deleted pod: kubia-gpu$/.test(l)).length, 1);
});

test('describe rs prints a LabelSelector in kubectl syntax; describe pod still shows the same container block', () => {
  const c = createCluster({ seed: 'describe-rs' });
  mustCreate(c, {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'kubia' },
    spec: {
      replicas: 3,
      selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['kubia'] }] },
      template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia', ports: [{ containerPort: 8080 }] }] } },
    },
  });
  c.advance(60_000);
  const text = kubectlDescribe(c, 'ReplicaSet', 'kubia');
  assert.match(text, /^Name:         kubia\nNamespace:    default\nSelector:     app in \(kubia\)\nLabels:       <none>\n/);
  assert.doesNotMatch(text, /Controlled By:/);
  assert.match(text, /\nPods Status:  3 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed\n/);
  assert.match(text, /\n  Normal  SuccessfulCreate  60s   replicaset-controller  Created pod: kubia-\w{5}\n/);
  const pod = c.store.list('Pod', { namespace: 'default' })[0];
  const podText = kubectlDescribe(c, 'Pod', pod.metadata.name);
  assert.match(podText, /\nControlled By:  ReplicaSet\/kubia\n/);
  assert.match(podText, /\n  kubia:\n    Container ID: +containerd:\/\/\w+\n    Image: +luksa\/kubia\n    Image ID: +\S+\n    Port: +8080\/TCP\n    Host Port: +0\/TCP\n    State: +Running\n/);
});

test('describe ds ssd-monitor: unaligned node counters before and after a node gets disk=ssd', () => {
  const c = createCluster({ seed: 'describe-ds' });
  mustCreate(c, {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'ssd-monitor' },
    spec: {
      selector: { matchLabels: { app: 'ssd-monitor' } },
      template: { metadata: { labels: { app: 'ssd-monitor' } }, spec: { nodeSelector: { disk: 'ssd' }, containers: [{ name: 'main', image: 'luksa/ssd-monitor' }] } },
    },
  });
  c.advance(10_000);
  const counters = (n: number) => [
    `Desired Number of Nodes Scheduled: ${n}`,
    `Current Number of Nodes Scheduled: ${n}`,
    `Number of Nodes Scheduled with Up-to-date Pods: ${n}`,
    `Number of Nodes Scheduled with Available Pods: ${n}`,
    'Number of Nodes Misscheduled: 0',
    `Pods Status:  ${n} Running / 0 Waiting / 0 Succeeded / 0 Failed`,
  ];
  const before = kubectlDescribe(c, 'DaemonSet', 'ssd-monitor');
  assert.deepEqual(section(before, 'Name:', 'Desired'), [
    'Name:           ssd-monitor',
    'Namespace:      default',
    'Selector:       app=ssd-monitor',
    'Node-Selector:  disk=ssd',
    'Labels:         <none>',
    'Annotations:    <none>',
  ]);
  assert.deepEqual(section(before, 'Desired', 'Pod Template:').slice(0, 5), counters(0).slice(0, 5));
  // `Events:\t<none>` joins the template's last column block, as in kubectl's single tabwriter pass.
  assert.deepEqual(lines(before).slice(-3), ['  Node-Selectors:  disk=ssd', '  Tolerations:     <none>', 'Events:            <none>']);

  c.nodes.label(c.store.list('Node')[0].metadata.name, { disk: 'ssd' });
  c.advance(60_000);
  const after = kubectlDescribe(c, 'DaemonSet', 'ssd-monitor');
  assert.deepEqual(section(after, 'Desired', 'Pod Template:'), counters(1));
  assert.match(after, /\n  Normal  SuccessfulCreate  \S+ +daemonset-controller  Created pod: ssd-monitor-\w{5}\n/);
});

test('describe job batch-job after it finished: completions, times, duration and pod statuses', () => {
  const c = createCluster({ seed: 'describe-job' });
  mustCreate(c, {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'batch-job' },
    spec: { template: { metadata: { labels: { app: 'batch-job' } }, spec: { restartPolicy: 'OnFailure', containers: [{ name: 'main', image: 'luksa/batch-job' }] } } },
  });
  c.advance(200_000);
  const job = c.store.get('Job', 'default', 'batch-job')!;
  const { startTime, completionTime } = job.status;
  assert.ok(startTime && completionTime, 'the job completed');
  const text = kubectlDescribe(c, 'Job', 'batch-job');
  const uid = job.metadata.uid;
  assert.deepEqual(section(text, 'Name:', 'Pod Template:'), [
    'Name:             batch-job',
    'Namespace:        default',
    `Selector:         batch.kubernetes.io/controller-uid=${uid}`,
    'Labels:           app=batch-job',
    'Annotations:      <none>',
    'Parallelism:      1',
    'Completions:      1',
    'Completion Mode:  NonIndexed',
    'Suspend:          false',
    'Backoff Limit:    6',
    `Start Time:       ${rfc1123z(startTime)}`,
    `Completed At:     ${rfc1123z(completionTime)}`,
    `Duration:         ${humanDuration(Date.parse(completionTime) - Date.parse(startTime))}`,
    'Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed',
  ]);
  assert.deepEqual(section(text, 'Pod Template:', '  Containers:'), [
    'Pod Template:',
    '  Labels:  app=batch-job',
    `           batch.kubernetes.io/controller-uid=${uid}`,
    '           batch.kubernetes.io/job-name=batch-job',
    `           controller-uid=${uid}`,
    '           job-name=batch-job',
  ]);
  assert.match(text, /\n  Normal  SuccessfulCreate  \S+ +job-controller  Created pod: batch-job-\w{5}\n/);
  assert.match(text, /\n  Normal  Completed         \S+ +job-controller  Job completed\n$/);
});

test('describe cronjob: schedule, deadline, the job template and the active jobs', () => {
  const c = createCluster({ seed: 'describe-cronjob' });
  mustCreate(c, {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'batch-job-every-fifteen-minutes' },
    spec: {
      schedule: '0,15,30,45 * * * *',
      startingDeadlineSeconds: 15,
      jobTemplate: { spec: { template: { metadata: { labels: { app: 'periodic-batch-job' } }, spec: { restartPolicy: 'OnFailure', containers: [{ name: 'main', image: 'luksa/batch-job' }] } } } },
    },
  });
  const before = kubectlDescribe(c, 'CronJob', 'batch-job-every-fifteen-minutes');
  assert.deepEqual(section(before, 'Name:', 'Pod Template:'), [
    'Name:                          batch-job-every-fifteen-minutes',
    'Namespace:                     default',
    'Labels:                        <none>',
    'Annotations:                   <none>',
    'Schedule:                      0,15,30,45 * * * *',
    'Concurrency Policy:            Allow',
    'Suspend:                       False',
    'Successful Job History Limit:  3',
    'Failed Job History Limit:      1',
    'Starting Deadline Seconds:     15s',
    'Selector:                      <unset>',
    'Parallelism:                   <unset>',
    'Completions:                   <unset>',
  ]);
  assert.match(before, /\nLast Schedule Time:  <unset>\nActive Jobs:         <none>\nEvents:              <none>\n$/);

  c.advance(15 * 60_000 + 5_000);
  const cj = c.store.get('CronJob', 'default', 'batch-job-every-fifteen-minutes')!;
  const active = (cj.status?.active ?? []).map((j: any) => j.name);
  assert.equal(active.length, 1, 'one job runs right after the quarter hour');
  const after = kubectlDescribe(c, 'CronJob', 'batch-job-every-fifteen-minutes');
  assert.match(after, new RegExp(`\\nLast Schedule Time:  ${escape(rfc1123z(cj.status.lastScheduleTime))}\\nActive Jobs:         ${active[0]}\\n`));
  assert.match(after, new RegExp(`\\n  Normal  SuccessfulCreate  5s    cronjob-controller  Created job ${active[0]}\\n`));
});

test('describe svc kubia ends with Events aligned to the fields; describe endpoints lists each subset', () => {
  const c = createCluster({ seed: 'describe-svc' });
  mustCreate(c, rcManifest('kubia'));
  mustCreate(c, KUBIA_SVC);
  c.advance(60_000);
  const svc = kubectlDescribe(c, 'Service', 'kubia');
  assert.match(svc, /\nDNS Name:                 kubia\.default\.svc\.cluster\.local\nEvents:                   <none>\n$/);
  const ips = c.store.list('Pod', { namespace: 'default' }).map((p) => p.status.podIP);
  const endpoints = kubectlDescribe(c, 'Endpoints', 'kubia');
  const shown = /\n  Addresses:          (\S+)\n/.exec(endpoints)?.[1].split(',') ?? [];
  assert.deepEqual([...shown].sort(), [...ips].sort());
  assert.deepEqual(lines(endpoints).slice(5), [
    `  Addresses:          ${shown.join(',')}`,
    '  NotReadyAddresses:  <none>',
    '  Ports:',
    '    Name     Port  Protocol',
    '    ----     ----  --------',
    '    <unset>  8080  TCP',
    '',
    'Events:  <none>',
  ]);
  assert.deepEqual(lines(endpoints).slice(0, 5), ['Name:         kubia', 'Namespace:    default', 'Labels:       <none>', 'Annotations:  <none>', 'Subsets:']);
});

test('kubelab describe rc counts the controller\'s pods (the CLI passes them)', async () => {
  const w = workspace({
    'kubia-rc.yaml': 'apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: kubia\nspec:\n  replicas: 3\n  selector:\n    app: kubia\n  template:\n    metadata:\n      labels:\n        app: kubia\n    spec:\n      containers:\n      - name: kubia\n        image: luksa/kubia\n',
  });
  await w.run('create -f kubia-rc.yaml');
  await w.run('time advance 60s');
  const r = await w.run('describe rc kubia');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /\nPods Status:  3 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed\n/);
});

// Lines without a tab (a container or volume name) end a tabwriter column block, so each block aligns on its own.
test('the Pod Template block spells ports, env sources, mounts, resources and volumes as kubectl does', () => {
  const c = createCluster({ seed: 'describe-template' });
  const container = {
    name: 'fortune',
    image: 'luksa/fortune',
    command: ['/bin/sh', '-c'],
    args: ['run'],
    ports: [{ containerPort: 80 }, { containerPort: 53, hostPort: 5353, protocol: 'UDP' }],
    resources: { requests: { memory: '64Mi', cpu: '100m' }, limits: { memory: '128Mi' } },
    env: [
      { name: 'INTERVAL', value: '30' },
      { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
      { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
      { name: 'MODE', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'mode', optional: true } } },
      { name: 'MEM_LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } },
    ],
    envFrom: [{ configMapRef: { name: 'cfg' }, prefix: 'CFG_' }],
    volumeMounts: [
      { name: 'html', mountPath: '/var/htdocs' },
      { name: 'config', mountPath: '/etc/nginx/conf.d', readOnly: true, subPath: 'site.conf' },
    ],
  };
  const volumes = [{ name: 'html', emptyDir: {} }, { name: 'config', configMap: { name: 'cfg' } }, { name: 'logs', hostPath: { path: '/var/log' } }];
  mustCreate(c, {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: { name: 'fortune' },
    spec: { replicas: 1, selector: { app: 'fortune' }, template: { metadata: { labels: { app: 'fortune' } }, spec: { containers: [container], volumes } } },
  });
  const text = kubectlDescribe(c, 'ReplicationController', 'fortune');
  assert.deepEqual(section(text, '   fortune:', 'Events:'), [
    '   fortune:',
    '    Image:       luksa/fortune',
    '    Ports:       80/TCP, 53/UDP',
    '    Host Ports:  0/TCP, 5353/UDP',
    '    Command:',
    '      /bin/sh',
    '      -c',
    '    Args:',
    '      run',
    '    Limits:',
    '      memory:  128Mi',
    '    Requests:',
    '      cpu:     100m',
    '      memory:  64Mi',
    '    Environment Variables from:',
    "      cfg  ConfigMap with prefix 'CFG_'  Optional: false",
    '    Environment:',
    '      INTERVAL:   30',
    '      POD_NAME:    (v1:metadata.name)',
    "      PASSWORD:   <set to the key 'password' in secret 'db'>   Optional: false",
    "      MODE:       <set to the key 'mode' of config map 'cfg'>  Optional: true",
    '      MEM_LIMIT:  node allocatable (limits.cpu)',
    '    Mounts:',
    '      /etc/nginx/conf.d from config (ro,path="site.conf")',
    '      /var/htdocs from html (rw)',
    '  Volumes:',
    '   html:',
    "    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)",
    '    Medium:     ',
    '    SizeLimit:  <unset>',
    '   config:',
    '    Type:      ConfigMap (a volume populated by a ConfigMap)',
    '    Name:      cfg',
    '    Optional:  false',
    '   logs:',
    '    Type:          HostPath (bare host directory volume)',
    '    Path:          /var/log',
    '    HostPathType:  ',
    '  Node-Selectors:  <none>',
    '  Tolerations:     <none>',
  ]);
  // In a pod the downward-API value is resolved against the pod itself (EnvValueRetriever).
  const pod = c.store.list('Pod', { namespace: 'default' })[0];
  assert.match(kubectlDescribe(c, 'Pod', pod.metadata.name), new RegExp(`\\n      POD_NAME: +${pod.metadata.name} \\(v1:metadata\\.name\\)\\n`));
});
