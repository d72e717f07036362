// The DaemonSet controller (pkg/controller/daemon, runtime-semantics §3): for
// every node decide (shouldRun, shouldContinueRunning) by simulating the pod
// there with the tolerations DaemonSets add; create the missing pod, bound to
// its node through required node affinity on `metadata.name`; delete pods
// that may not stay, failed and succeeded ones, and all but the oldest of
// duplicates. Node events enqueue every DaemonSet; pods never move elsewhere.

import { selectorFromLabelSelector } from '../../api/selectors';
import { jsonEqual } from '../apply-merge';
import type { ClusterComponent, ClusterCore, ComponentFactory } from '../cluster';
import { NAME_ALPHABET } from '../random';
import { nodeAffinityMatches, tolerates } from '../scheduler/filters';
import type { KubeObject, WatchEvent } from '../types';
import { controllerOf } from '../owner-references';
import { claim } from './controller-ref';
import { creationMs, isAvailable, isReady, isTerminal, msUntilAvailable, podPhase } from './pod-state';
import { BURST_REPLICAS, childWriter, podFromTemplate, slowStartBatch } from './pod-writes';
import { createWorkQueue, keyOf, splitKey, type ReconcileResult } from './workqueue';

const COMPONENT = 'daemonset-controller';
const REVISION_HASH_LABEL = 'controller-revision-hash';
const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';

/** AddOrUpdateDaemonPodTolerations (daemonset_util.go): Exists, no tolerationSeconds, so DS pods are never evicted. */
function daemonTolerations(podSpec: any): any[] {
  const added = [
    ['node.kubernetes.io/not-ready', 'NoExecute'],
    ['node.kubernetes.io/unreachable', 'NoExecute'],
    ['node.kubernetes.io/disk-pressure', 'NoSchedule'],
    ['node.kubernetes.io/memory-pressure', 'NoSchedule'],
    ['node.kubernetes.io/pid-pressure', 'NoSchedule'],
    ['node.kubernetes.io/unschedulable', 'NoSchedule'],
    ...(podSpec?.hostNetwork ? [['node.kubernetes.io/network-unavailable', 'NoSchedule']] : []),
  ];
  const own: any[] = podSpec?.tolerations ?? [];
  const missing = added
    .filter(([key, effect]) => !own.some((t) => t.key === key && t.effect === effect))
    .map(([key, effect]) => ({ key, operator: 'Exists', effect }));
  return [...own, ...missing];
}

/** ReplaceDaemonSetPodNodeNameNodeAffinity: the scheduler binds the pod to exactly this node. */
function pinnedSpec(template: any, nodeName: string): any {
  const spec = structuredClone(template?.spec ?? {});
  spec.tolerations = daemonTolerations(spec);
  const nodeAffinity = {
    requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }],
    },
  };
  spec.affinity = { ...spec.affinity, nodeAffinity: { ...spec.affinity?.nodeAffinity, ...nodeAffinity } };
  return spec;
}

export interface Eligibility {
  shouldRun: boolean;
  shouldContinueRunning: boolean;
}

/** NodeShouldRunDaemonPod: nodeName, node selector and affinity, then taints (NoExecute evicts, NoSchedule only blocks new pods). */
function nodeShouldRunDaemonPod(ds: KubeObject, node: KubeObject): Eligibility {
  const template = ds.spec?.template ?? {};
  const no = { shouldRun: false, shouldContinueRunning: false };
  if (template.spec?.nodeName && template.spec.nodeName !== node.metadata.name) return no;
  const pod = { ...template, spec: { ...template.spec, tolerations: daemonTolerations(template.spec) } } as KubeObject;
  if (!nodeAffinityMatches(pod, node)) return no;
  const untolerated = (node.spec?.taints ?? []).filter((t: any) => !tolerates(pod.spec.tolerations, t));
  if (untolerated.some((t: any) => t.effect === 'NoExecute')) return no;
  if (untolerated.some((t: any) => t.effect === 'NoSchedule')) return { shouldRun: false, shouldContinueRunning: true };
  return { shouldRun: true, shouldContinueRunning: true };
}

/** controller.ComputeHash: FNV-32a of the template, spelled with rand.SafeEncodeString's alphabet. */
function templateHash(template: unknown): string {
  let h = 0x811c9dc5;
  for (const ch of JSON.stringify(template ?? {})) {
    h ^= ch.charCodeAt(0) & 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return [...String(h)].map((d) => NAME_ALPHABET[d.charCodeAt(0) % NAME_ALPHABET.length]).join('');
}

/** util.GetTargetNodeName: the bound node, else the node the affinity pins it to. */
function targetNode(pod: KubeObject): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const t of terms) for (const f of t.matchFields ?? []) if (f.key === 'metadata.name' && f.values?.length === 1) return f.values[0];
  return undefined;
}

// Per-node backoff before a failed daemon pod is killed again: 1 s doubling to 15 min.
const FAILED_POD_BACKOFF_MS = { initial: 1_000, max: 900_000 };

function startDaemonSets(core: ClusterCore): ClusterComponent {
  const { store, clock } = core;
  const writer = childWriter(core, COMPONENT);
  const failedBackoff = new Map<string, { untilMs: number; delayMs: number }>();

  const sync = (key: string): ReconcileResult | void => {
    const { namespace, name } = splitKey(key);
    const ds = store.get('DaemonSet', namespace, name);
    if (!ds) return;
    const selector = selectorFromLabelSelector(ds.spec?.selector);
    if (!selector) return;
    if (selector.requirements.length === 0)
      core.events.record(ds, 'Warning', 'SelectingAll', 'This daemon set is selecting all pods. A non-empty selector is required.', { component: COMPONENT });
    const owned = claim(store, ds, selector, store.list('Pod', { namespace }));
    const byNode = new Map<string, KubeObject[]>();
    for (const p of owned) {
      const n = targetNode(p) ?? '';
      byNode.set(n, [...(byNode.get(n) ?? []), p]);
    }
    const nodes = store.list('Node');
    const now = clock.now();
    const deleting = ds.metadata.deletionTimestamp !== undefined;
    const toCreate: string[] = [];
    const toDelete: KubeObject[] = [];
    let requeueAfter: number | undefined;
    const soonest = (ms: number) => (requeueAfter = Math.min(requeueAfter ?? Infinity, ms));

    for (const node of nodes) {
      const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(ds, node);
      const nodePods = byNode.get(node.metadata.name) ?? [];
      if (shouldRun && nodePods.length === 0) toCreate.push(node.metadata.name);
      else if (shouldContinueRunning) {
        const running: KubeObject[] = [];
        for (const p of nodePods) {
          if (p.metadata.deletionTimestamp) continue;
          if (podPhase(p) === 'Failed') {
            const bk = failedBackoff.get(`${key}/${node.metadata.name}`);
            if (bk && bk.untilMs > now) {
              soonest(bk.untilMs - now);
              continue;
            }
            const delayMs = bk ? Math.min(bk.delayMs * 2, FAILED_POD_BACKOFF_MS.max) : FAILED_POD_BACKOFF_MS.initial;
            failedBackoff.set(`${key}/${node.metadata.name}`, { untilMs: now + delayMs, delayMs });
            core.events.record(ds, 'Warning', 'FailedDaemonPod', `Found failed daemon pod ${namespace}/${p.metadata.name} on node ${node.metadata.name}, will try to kill it`, { component: COMPONENT });
            toDelete.push(p);
          } else if (podPhase(p) === 'Succeeded') toDelete.push(p);
          else running.push(p);
        }
        // Without surge only the oldest daemon pod of a node stays.
        running.sort((a, b) => creationMs(a) - creationMs(b) || (a.metadata.name < b.metadata.name ? -1 : 1));
        toDelete.push(...running.slice(1));
      } else toDelete.push(...nodePods.filter((p) => !p.metadata.deletionTimestamp));
    }
    // Pods aimed at nodes that no longer exist.
    const nodeNames = new Set(nodes.map((n) => n.metadata.name));
    for (const [n, ps] of byNode) if (!nodeNames.has(n)) toDelete.push(...ps.filter((p) => !p.metadata.deletionTimestamp && !p.spec?.nodeName));

    if (!deleting) {
      const hash = templateHash(ds.spec?.template);
      const labels = { [REVISION_HASH_LABEL]: hash, [TEMPLATE_GENERATION_LABEL]: String(ds.metadata.generation ?? 1) };
      const queue = toCreate.slice(0, BURST_REPLICAS);
      slowStartBatch(queue.length, () => {
        const nodeName = queue.shift()!;
        return writer.create(ds, podFromTemplate(ds, ds.spec.template, { labels, spec: pinnedSpec(ds.spec.template, nodeName) })) !== undefined;
      });
      for (const p of toDelete.slice(0, BURST_REPLICAS)) writer.remove(ds, p);
    }

    const status = daemonStatus(ds, nodes, store.list('Pod', { namespace }).filter((p) => controllerOf(p)?.uid === ds.metadata.uid), now);
    if (status.requeueAfter !== undefined) soonest(status.requeueAfter);
    const current = store.get('DaemonSet', namespace, name);
    if (current && !jsonEqual(current.status, status.status)) store.updateStatus({ ...current, status: status.status });
    if (requeueAfter !== undefined) return { requeueAfter };
  };

  const queue = createWorkQueue(clock, COMPONENT, sync);
  const enqueue = (o: KubeObject) => queue.add(keyOf(o.metadata.namespace, o.metadata.name));
  const enqueueAll = () => {
    for (const ds of store.list('DaemonSet')) enqueue(ds);
  };

  const unwatch = store.watch((e: WatchEvent) => {
    const o = e.object;
    if (o.kind === 'Node') enqueueAll();
    else if (o.kind === 'Pod') {
      const ref = controllerOf(o);
      if (ref?.kind === 'DaemonSet') queue.add(keyOf(o.metadata.namespace, ref.name));
    } else if (e.type !== 'DELETED') enqueue(o);
    else for (const k of [...failedBackoff.keys()]) if (k.startsWith(`${keyOf(o.metadata.namespace, o.metadata.name)}/`)) failedBackoff.delete(k);
  }, ['DaemonSet', 'Pod', 'Node']);

  return {
    resync: enqueueAll,
    stop() {
      unwatch();
      queue.stop();
    },
  };
}

/** updateDaemonSetStatus: per-node counts, readiness judged on each desired node's oldest pod. */
function daemonStatus(ds: KubeObject, nodes: readonly KubeObject[], owned: readonly KubeObject[], nowMs: number): { status: any; requeueAfter?: number } {
  const minReady = Number(ds.spec?.minReadySeconds ?? 0);
  const hash = templateHash(ds.spec?.template);
  let desired = 0, current = 0, misscheduled = 0, ready = 0, available = 0, updated = 0;
  let requeueAfter: number | undefined;
  for (const node of nodes) {
    const { shouldRun } = nodeShouldRunDaemonPod(ds, node);
    const here = owned
      .filter((p) => targetNode(p) === node.metadata.name && !isTerminal(p))
      .sort((a, b) => creationMs(a) - creationMs(b));
    if (shouldRun) {
      desired++;
      if (here.length === 0) continue;
      current++;
      const oldest = here[0];
      if (isReady(oldest)) {
        ready++;
        if (isAvailable(oldest, minReady, nowMs)) available++;
        else requeueAfter = Math.min(requeueAfter ?? Infinity, msUntilAvailable(oldest, minReady, nowMs) ?? 0);
      }
      if (oldest.metadata.labels?.[REVISION_HASH_LABEL] === hash) updated++;
    } else if (here.length > 0) misscheduled++;
  }
  const status: any = {
    currentNumberScheduled: current,
    numberMisscheduled: misscheduled,
    desiredNumberScheduled: desired,
    numberReady: ready,
    observedGeneration: ds.metadata.generation,
    updatedNumberScheduled: updated,
    numberAvailable: available,
    numberUnavailable: desired - available,
  };
  // omitempty on the optional counters.
  for (const k of ['updatedNumberScheduled', 'numberAvailable', 'numberUnavailable'] as const) if (!status[k]) delete status[k];
  return { status, requeueAfter };
}

export const startDaemonSetController: ComponentFactory = startDaemonSets;
