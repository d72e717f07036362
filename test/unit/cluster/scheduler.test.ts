import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createScheduler, placePod } from '../../../runtime/src/cluster/scheduler/scheduler';
import { boundSpec } from '../../../runtime/src/cluster/scheduler/bound-spec';
import { fitErrorMessage } from '../../../runtime/src/cluster/scheduler/fit-error';
import { tolerates } from '../../../runtime/src/cluster/scheduler/filters';
import { buildNode } from '../../../runtime/src/cluster/nodes';
import type { KubeObject } from '../../../runtime/src/cluster/types';
import { harness } from './harness';

const pod = (spec: any, name = 'p'): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: name, resourceVersion: '1', creationTimestamp: '' }, spec });
const node = (name: string, i: number, patch: (n: KubeObject) => void = () => {}) => {
  const n = buildNode(name, i, 0);
  patch(n);
  return n;
};

test('the FitError message: sorted "<count> <reason>" entries and the preemption summary', () => {
  assert.equal(
    fitErrorMessage([
      { reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'], resolvable: false },
      { reasons: ['Insufficient cpu'], resolvable: true },
      { reasons: ['Insufficient cpu'], resolvable: true },
    ]),
    '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
  );
  assert.equal(fitErrorMessage([]), 'no nodes available to schedule pods');
});

test('tolerations: Exists ignores the value, an empty key with Exists matches all, effect must match if set', () => {
  const taint = { key: 'k', value: 'v', effect: 'NoSchedule' };
  assert.ok(tolerates([{ key: 'k', operator: 'Exists' }], taint));
  assert.ok(tolerates([{ operator: 'Exists' }], taint));
  assert.ok(tolerates([{ key: 'k', value: 'v' }], taint));
  assert.ok(!tolerates([{ key: 'k', value: 'w' }], taint));
  assert.ok(!tolerates([{ key: 'k', operator: 'Exists', effect: 'NoExecute' }], taint));
});

test('filters: nodeSelector, affinity, taints, unschedulable and resources each explain the node', () => {
  const nodes = [
    node('a', 0, (n) => (n.spec.taints = [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }])),
    node('b', 1, (n) => (n.spec.unschedulable = true)),
    node('c', 2),
  ];
  const none = () => [];
  const gpu = placePod(pod({ nodeSelector: { gpu: 'true' }, containers: [{ name: 'c' }] }), nodes, none);
  assert.equal(gpu.fits, false);
  assert.equal(
    !gpu.fits && gpu.message,
    "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
  );
  const big = placePod(pod({ containers: [{ name: 'c', resources: { requests: { cpu: '3', memory: '8Gi' } } }] }), [node('c', 2)], none);
  assert.equal(!big.fits && big.message, '0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.');
  const affinity = {
    nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['c'] }] }] } },
  };
  assert.deepEqual(placePod(pod({ affinity, containers: [{ name: 'c' }] }), [node('c', 2), node('d', 3)], none), { fits: true, node: 'c' });
});

test('replicas spread: the emptier node scores higher', () => {
  const nodes = [node('a', 0), node('b', 1)];
  const busy = Array.from({ length: 3 }, (_, i) => ({ ...pod({ nodeName: 'a', containers: [{ name: 'c' }] }, `x${i}`), status: { phase: 'Running' } }));
  const where = placePod(pod({ containers: [{ name: 'c' }] }), nodes, (n) => (n === 'a' ? busy : []));
  assert.deepEqual(where, { fits: true, node: 'b' });
});

test('kubia-gpu stays Pending with the message until a node is labelled gpu=true, then is bound', () => {
  const h = harness({ nodes: 3 });
  createScheduler({ store: h.store, clock: h.clock, events: h.events, rng: h.rng });
  h.pod('kubia-gpu', { nodeSelector: { gpu: 'true' }, containers: [{ name: 'kubia', image: 'luksa/kubia' }] });
  h.advance(1_000);
  let p = h.get('kubia-gpu')!;
  const cond = p.status.conditions.find((c: any) => c.type === 'PodScheduled');
  const expected = "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
  assert.deepEqual([cond.status, cond.reason, cond.message], ['False', 'Unschedulable', expected]);
  assert.ok(h.eventsOf('kubia-gpu').some((e) => e.reason === 'FailedScheduling' && e.type === 'Warning' && e.message === expected));
  h.advance(60_000);
  assert.equal(h.get('kubia-gpu')!.spec.nodeName, undefined);
  h.nodes.label(h.nodeNames[1], { gpu: 'true' });
  h.advance(15_000);
  p = h.get('kubia-gpu')!;
  assert.equal(p.spec.nodeName, h.nodeNames[1]);
  assert.equal(p.status.conditions.find((c: any) => c.type === 'PodScheduled').status, 'True');
  assert.ok(h.eventsOf('kubia-gpu').some((e) => e.reason === 'Scheduled' && e.message === `Successfully assigned default/kubia-gpu to ${h.nodeNames[1]}`));
});

test('binding is one write, as the Binding subresource makes it: spec.nodeName and PodScheduled=True together', () => {
  const h = harness({ nodes: 1 });
  createScheduler({ store: h.store, clock: h.clock, events: h.events, rng: h.rng });
  const writes: KubeObject[] = [];
  h.store.watch((e) => e.type === 'MODIFIED' && writes.push(e.object), ['Pod']);
  h.pod('web', { containers: [{ name: 'c' }] });
  h.tick();
  assert.equal(writes.length, 1);
  assert.equal(writes[0].spec.nodeName, h.nodeNames[0]);
  assert.deepEqual(
    writes[0].status.conditions.map((c: any) => [c.type, c.status]),
    [['PodScheduled', 'True']],
  );
});

test('each bind changes the node for the next pod of the same run: equal pods take turns on equal nodes', () => {
  const h = harness({ nodes: 2 });
  createScheduler({ store: h.store, clock: h.clock, events: h.events });
  const spec = { containers: [{ name: 'c', resources: { requests: { cpu: '100m', memory: '64Mi' } } }] };
  for (const name of ['p0', 'p1', 'p2', 'p3']) h.store.create(pod(spec, name));
  h.tick();
  const [a, b] = h.nodeNames;
  assert.deepEqual(['p0', 'p1', 'p2', 'p3'].map((n) => h.get(n)!.spec.nodeName), [a, b, a, b]);
});

test('a node cordoned or tainted after the first cycles is filtered from then on', () => {
  const h = harness({ nodes: 2 });
  createScheduler({ store: h.store, clock: h.clock, events: h.events });
  const [a, b] = h.nodeNames;
  h.pod('first', { containers: [{ name: 'c' }] });
  h.nodes.cordon(a, true);
  h.tick();
  h.pod('second', { containers: [{ name: 'c' }] });
  h.tick();
  assert.equal(h.get('second')!.spec.nodeName, b);
  const n = h.store.get('Node', undefined, b)!;
  h.store.update({ ...n, spec: { ...n.spec, taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] } });
  h.tick();
  h.pod('third', { containers: [{ name: 'c' }] });
  h.advance(1_000);
  const cond = h.get('third')!.status.conditions.find((c: any) => c.type === 'PodScheduled');
  assert.equal(
    cond.message,
    '0/2 nodes are available: 1 node(s) had untolerated taint {dedicated: db}, 1 node(s) were unschedulable. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
  );
});

test('pods sharing a frozen spec (one manifest) share their bound spec per node; any other spec is copied', () => {
  const spec = Object.freeze({ containers: Object.freeze([{ name: 'c' }]) });
  const [a, b, c] = [boundSpec(spec, 'n1'), boundSpec(spec, 'n1'), boundSpec(spec, 'n2')];
  assert.equal(a, b);
  assert.notEqual(a, c);
  assert.ok(Object.isFrozen(a));
  assert.deepEqual([a, c], [{ ...spec, nodeName: 'n1' }, { ...spec, nodeName: 'n2' }]);
  const own = { containers: [{ name: 'c' }] };
  assert.notEqual(boundSpec(own, 'n1'), boundSpec(own, 'n1'));
  assert.deepEqual(boundSpec(own, 'n1'), { ...own, nodeName: 'n1' });
});
