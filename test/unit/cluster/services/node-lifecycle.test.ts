import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evictionDueMs, startNodeLifecycleController, tolerationSeconds } from '../../../../runtime/src/cluster/controllers/node-lifecycle';
import { NODE_MONITOR_GRACE_MS } from '../../../../runtime/src/cluster/nodes';
import { harness } from '../harness';
import { pod } from './fixtures';

const UNREACHABLE = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: '2026-01-01T00:00:50Z' };
const DEFAULT_TOLERATIONS = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

test('toleration seconds: default 300, none = at once, without seconds = forever', () => {
  assert.equal(tolerationSeconds(DEFAULT_TOLERATIONS, [UNREACHABLE]), 300);
  assert.equal(tolerationSeconds([], [UNREACHABLE]), 0);
  assert.equal(tolerationSeconds([{ key: UNREACHABLE.key, operator: 'Exists', effect: 'NoExecute' }], [UNREACHABLE]), Infinity);
  assert.equal(tolerationSeconds([{ operator: 'Exists' }], [UNREACHABLE]), Infinity);
});

test('a NoExecute taint no toleration covers evicts at once', () => {
  const custom = { key: 'maintenance', effect: 'NoExecute', timeAdded: '2026-01-01T00:00:00Z' };
  const p = pod('a');
  p.spec.tolerations = DEFAULT_TOLERATIONS;
  assert.equal(evictionDueMs(p, [custom], 0), Date.parse(custom.timeAdded));
});

test('eviction is due tolerationSeconds after the taint was added; NoSchedule taints never evict', () => {
  const p = pod('a');
  p.spec.tolerations = DEFAULT_TOLERATIONS;
  assert.equal(evictionDueMs(p, [UNREACHABLE], 0), Date.parse(UNREACHABLE.timeAdded) + 300_000);
  assert.equal(evictionDueMs(p, [{ ...UNREACHABLE, effect: 'NoSchedule' }], 0), Infinity);
});

test('a failed node: pods turn not Ready after the grace period and are evicted after their tolerations', () => {
  const h = harness({ nodes: 1 });
  const ctl = startNodeLifecycleController({ store: h.store, clock: h.clock, events: h.events } as any);
  const tolerant = pod('web', { ip: '10.244.0.2' });
  tolerant.spec.tolerations = DEFAULT_TOLERATIONS;
  const daemon = pod('ds', { ip: '10.244.0.3' });
  daemon.spec.tolerations = [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }];
  for (const p of [tolerant, daemon]) h.store.create(p);
  h.nodes.fail('kubelab-worker');
  h.advance(NODE_MONITOR_GRACE_MS);
  const ready = (name: string) => (h.get(name)!.status.conditions as any[]).find((c) => c.type === 'Ready').status;
  assert.equal(ready('web'), 'False');
  assert.equal(ready('ds'), 'False');
  assert.ok(h.eventsOf('web').some((e) => e.reason === 'NodeNotReady' && e.message === 'Node is not ready' && e.type === 'Warning'));
  h.advance(299_000);
  assert.equal(h.get('web')!.metadata.deletionTimestamp, undefined);
  h.advance(1_000);
  const web = h.get('web')!;
  assert.ok(web.metadata.deletionTimestamp, 'evicted at 50 + 300 s');
  assert.ok((web.status.conditions as any[]).some((c) => c.type === 'DisruptionTarget' && c.reason === 'DeletionByTaintManager'));
  assert.ok(h.eventsOf('web').some((e) => e.reason === 'TaintManagerEviction' && e.message === 'Marking for deletion Pod default/web'));
  h.advance(3600_000);
  assert.equal(h.get('ds')!.metadata.deletionTimestamp, undefined, 'a toleration without seconds never evicts');
  ctl.stop?.();
});

test('a node restored before the tolerations run out evicts nothing', () => {
  const h = harness({ nodes: 1 });
  const ctl = startNodeLifecycleController({ store: h.store, clock: h.clock, events: h.events } as any);
  const p = pod('web', { ip: '10.244.0.2' });
  p.spec.tolerations = DEFAULT_TOLERATIONS;
  h.store.create(p);
  h.nodes.fail('kubelab-worker');
  h.advance(NODE_MONITOR_GRACE_MS + 100_000);
  h.nodes.restore('kubelab-worker');
  h.advance(600_000);
  assert.equal(h.get('web')!.metadata.deletionTimestamp, undefined);
  ctl.stop?.();
});

test('pod writes on healthy nodes queue nothing', () => {
  const h = harness({ nodes: 1 });
  const ctl = startNodeLifecycleController({ store: h.store, clock: h.clock, events: h.events } as any);
  h.tick();
  h.store.create(pod('web', { ip: '10.244.0.2' }));
  h.store.drain();
  assert.ok(!h.clock.pendingLabels().includes('node-lifecycle-controller queue'));
  ctl.stop?.();
});
