// The default profile's filter plugins, in their upstream order
// (default_plugins.go). The first failing plugin decides for a node.
// `resolvable` says whether preempting lower-priority pods could help: only
// then does the preemption part of the message say "No preemption victims
// found". NodeName is absent: a pod with spec.nodeName never reaches the
// scheduler.
//
// The search asks `fails` of hundreds of nodes per cycle, so it reads the
// node list's columns and the node's pre-sorted taints (node-list.ts,
// node-info.ts) and allocates nothing, and a plugin
// with nothing to check for the pod on any node is not asked at all; the
// reasons are only spelled out once no node fits, for the FitError message.

import { matches, type Requirement } from '../../api/selectors';
import type { KubeObject } from '../types';
import type { NodeInfo, Taint } from './node-info';
import type { NodeList } from './node-list';
import type { PodDemand } from './pod-demand';

export interface FilterPlugin {
  name: string;
  resolvable: boolean;
  /**
   * PreFilter's Skip: true when the plugin cannot fail any of the nodes for
   * this pod, so no node is asked.
   */
  skip?(pod: KubeObject, demand: PodDemand, nodes: NodeList): boolean;
  /** Whether the node at `row` cannot take the pod; `demand` is the pod's, computed once per cycle. */
  fails(pod: KubeObject, nodes: NodeList, row: number, demand: PodDemand): boolean;
  /** Why a node that `fails` cannot take the pod. */
  reasons(pod: KubeObject, nodes: NodeList, row: number, demand: PodDemand): string[];
}

/** Toleration.ToleratesTaint for one toleration. */
function toleratesOne(t: any, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (!t.key && t.operator !== 'Exists') return false;
  return t.operator === 'Exists' || (t.value ?? '') === (taint.value ?? '');
}

/**
 * v1helper.TolerationsTolerateTaint. Plain loops: the filters run for every
 * node of every cycle, and a closure per call was a measurable share of it.
 */
export function tolerates(tolerations: readonly any[] | undefined, taint: Taint): boolean {
  for (const t of tolerations ?? []) if (toleratesOne(t, taint)) return true;
  return false;
}

/** The first of the node's NoSchedule and NoExecute taints the pod does not tolerate. */
function untoleratedTaint(info: NodeInfo, tolerations: readonly any[] | undefined): Taint | undefined {
  for (const t of info.hardTaints) if (!tolerates(tolerations, t)) return t;
  return undefined;
}

/** The taint NodeUnschedulable lets a pod tolerate. */
const UNSCHEDULABLE_TAINT: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

/** Whether a pod already on the node holds one of the pod's host ports. */
function portTaken(info: NodeInfo, demand: PodDemand): boolean {
  for (const p of demand.hostPorts) if (info.hostPorts.has(p)) return true;
  return false;
}

/** Records one shortfall; true when the caller only wants to know whether there is one. */
function shortfall(out: string[] | undefined, reason: string): boolean {
  out?.push(reason);
  return !out;
}

/**
 * fitsRequest's checks in its order: pods, cpu, memory, ephemeral-storage,
 * then extended resources by name. Without `out` the first shortfall answers;
 * with it, every shortfall's reason is collected.
 */
function insufficient(_pod: KubeObject, nodes: NodeList, row: number, demand: PodDemand, out?: string[]): boolean {
  const want = demand.requests;
  const free = nodes.free;
  // podCount + 1 > allowedPods, as fitsRequest puts it.
  if (nodes.freePods[row] < 1 && shortfall(out, 'Too many pods')) return true;
  const cpu = want.milliCPU;
  if (cpu > 0 && cpu > free.milliCPU[row] && shortfall(out, 'Insufficient cpu')) return true;
  const memory = want.memory;
  if (memory > 0 && memory > free.memory[row] && shortfall(out, 'Insufficient memory')) return true;
  const storage = want.ephemeralStorage;
  if (storage > 0 && storage > free.ephemeralStorage[row] && shortfall(out, 'Insufficient ephemeral-storage')) return true;
  for (let i = 0; i < demand.scalarNames.length; i++) {
    const name = demand.scalarNames[i];
    const amount = want.scalar[name];
    const { allocatable, requested } = nodes.infos[row];
    const available = (allocatable.scalar[name] ?? 0) - (requested.scalar[name] ?? 0);
    if (amount > 0 && amount > available && shortfall(out, `Insufficient ${name}`)) return true;
  }
  return out !== undefined && out.length > 0;
}

const OPERATORS: Readonly<Record<string, Requirement['operator']>> = {
  In: 'In', NotIn: 'NotIn', Exists: 'Exists', DoesNotExist: 'DoesNotExist', Gt: 'Gt', Lt: 'Lt',
};

/** A NodeSelectorTerm: its expressions over labels and `metadata.name` fields, ANDed; an empty term matches nothing. */
export function termMatches(term: any, node: KubeObject): boolean {
  const exprs: any[] = term?.matchExpressions ?? [];
  const fields: any[] = term?.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const req = (e: any): Requirement | undefined =>
    OPERATORS[e.operator] ? { key: e.key, operator: OPERATORS[e.operator], values: [...(e.values ?? [])].map(String) } : undefined;
  const labelReqs = exprs.map(req);
  const fieldReqs = fields.map((f) => (f.key === 'metadata.name' ? req(f) : undefined));
  if (labelReqs.includes(undefined) || fieldReqs.includes(undefined)) return false;
  return (
    matches({ requirements: labelReqs as Requirement[] }, node.metadata.labels ?? {}) &&
    matches({ requirements: fieldReqs as Requirement[] }, { 'metadata.name': node.metadata.name })
  );
}

export function nodeAffinityMatches(pod: KubeObject, node: KubeObject): boolean {
  const labels = node.metadata.labels ?? {};
  const selector: Record<string, string> | undefined = pod.spec?.nodeSelector;
  for (const k in selector) if (labels[k] !== selector[k]) return false;
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  const terms: any[] | undefined = required?.nodeSelectorTerms;
  return !terms || terms.some((t) => termMatches(t, node));
}

const RESOURCES_FIT: FilterPlugin = {
  name: 'NodeResourcesFit',
  resolvable: true,
  fails: insufficient,
  reasons: (pod, nodes, row, demand) => {
    const out: string[] = [];
    insufficient(pod, nodes, row, demand, out);
    return out;
  },
};

export const FILTERS: readonly FilterPlugin[] = [
  {
    name: 'NodeUnschedulable',
    resolvable: false,
    skip: (pod, _demand, nodes) => nodes.unschedulable === 0 || tolerates(pod.spec?.tolerations, UNSCHEDULABLE_TAINT),
    fails: (_pod, nodes, row) => nodes.infos[row].unschedulable,
    reasons: () => ['node(s) were unschedulable'],
  },
  {
    name: 'TaintToleration',
    resolvable: false,
    skip: (_pod, _demand, nodes) => nodes.hardTainted === 0,
    fails: (pod, nodes, row) => untoleratedTaint(nodes.infos[row], pod.spec?.tolerations) !== undefined,
    reasons: (pod, nodes, row) => {
      const taint = untoleratedTaint(nodes.infos[row], pod.spec?.tolerations)!;
      return [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`];
    },
  },
  {
    name: 'NodeAffinity',
    resolvable: false,
    skip: (pod) => !pod.spec?.nodeSelector && !pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
    fails: (pod, nodes, row) => !nodeAffinityMatches(pod, nodes.infos[row].node),
    reasons: () => ["node(s) didn't match Pod's node affinity/selector"],
  },
  {
    name: 'NodePorts',
    resolvable: true,
    skip: (_pod, demand) => demand.hostPorts.length === 0,
    fails: (_pod, nodes, row, demand) => portTaken(nodes.infos[row], demand),
    reasons: () => ["node(s) didn't have free ports for the requested pod ports"],
  },
  RESOURCES_FIT,
];

/**
 * Whether no node fails the cycle's `filters` (those not skipped), told
 * without asking any: only NodeResourcesFit is left, and the pod asks for no
 * more than the node list's lowest free amounts.
 */
export function fitsEveryNode(filters: readonly FilterPlugin[], demand: PodDemand, nodes: NodeList): boolean {
  if (filters.length !== 1 || filters[0] !== RESOURCES_FIT || demand.scalarNames.length > 0) return false;
  const want = demand.requests;
  const lowest = nodes.lowestFree;
  return (
    lowest.pods >= 1 &&
    (want.milliCPU <= 0 || want.milliCPU <= lowest.milliCPU) &&
    (want.memory <= 0 || want.memory <= lowest.memory) &&
    (want.ephemeralStorage <= 0 || want.ephemeralStorage <= lowest.ephemeralStorage)
  );
}
