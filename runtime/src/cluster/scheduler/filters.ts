// The default profile's filter plugins, in their upstream order
// (default_plugins.go): each returns the reasons a node cannot take the pod
// (empty = fits). The first failing plugin decides for a node. `resolvable`
// says whether preempting lower-priority pods could help: only then does the
// preemption part of the message say "No preemption victims found".
// NodeName is absent: a pod with spec.nodeName never reaches the scheduler.

import { matches, type Requirement } from '../../api/selectors';
import type { KubeObject } from '../types';
import { hostPortKey, type NodeInfo, type PodDemand } from './node-info';

export interface FilterPlugin {
  name: string;
  resolvable: boolean;
  /** `demand` is the pod's, computed once per scheduling cycle. */
  filter(pod: KubeObject, info: NodeInfo, demand: PodDemand): readonly string[];
  /** PreFilter's Skip: true when the plugin cannot fail any node for this pod, so no node is asked. */
  skip?(pod: KubeObject, demand: PodDemand): boolean;
}

/** Most nodes pass: one shared empty verdict instead of an allocation per node and filter. */
const FITS: readonly string[] = Object.freeze([]);
const NO_TAINTS: readonly Taint[] = Object.freeze([]);

interface Taint {
  key: string;
  value?: string;
  effect: string;
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

/** The first NoSchedule or NoExecute taint the pod does not tolerate. */
function untoleratedTaint(taints: readonly Taint[], tolerations: readonly any[] | undefined): Taint | undefined {
  for (const t of taints) if ((t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(tolerations, t)) return t;
  return undefined;
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

export const FILTERS: readonly FilterPlugin[] = [
  {
    name: 'NodeUnschedulable',
    resolvable: false,
    filter: (pod, { node }) =>
      node.spec?.unschedulable && !tolerates(pod.spec?.tolerations, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })
        ? ['node(s) were unschedulable']
        : FITS,
  },
  {
    name: 'TaintToleration',
    resolvable: false,
    filter: (pod, { node }) => {
      const taint = untoleratedTaint(node.spec?.taints ?? NO_TAINTS, pod.spec?.tolerations);
      return taint ? [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`] : FITS;
    },
  },
  {
    name: 'NodeAffinity',
    resolvable: false,
    filter: (pod, { node }) => (nodeAffinityMatches(pod, node) ? FITS : ["node(s) didn't match Pod's node affinity/selector"]),
    skip: (pod) => !pod.spec?.nodeSelector && !pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
  },
  {
    name: 'NodePorts',
    resolvable: true,
    filter: (_pod, info, demand) =>
      demand.hostPorts.some((p) => info.hostPorts.has(hostPortKey(p))) ? ["node(s) didn't have free ports for the requested pod ports"] : FITS,
    skip: (_pod, demand) => demand.hostPorts.length === 0,
  },
  {
    name: 'NodeResourcesFit',
    resolvable: true,
    filter: (_pod, info, demand) => {
      const want = demand.requests;
      const alloc = info.allocatable;
      const used = info.requested;
      // fitsRequest's order: pods, cpu, memory, ephemeral-storage, then the rest by name.
      const tooMany = info.podCount + 1 > info.allowedPods;
      const cpu = want.milliCPU > 0 && want.milliCPU > alloc.milliCPU - used.milliCPU;
      const memory = want.memory > 0 && want.memory > alloc.memory - used.memory;
      const storage = want.ephemeralStorage > 0 && want.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage;
      let scalars: string[] | undefined;
      for (const name of demand.scalarNames) {
        const amount = want.scalar[name];
        if (amount > 0 && amount > (alloc.scalar[name] ?? 0) - (used.scalar[name] ?? 0)) (scalars ??= []).push(name);
      }
      if (!tooMany && !cpu && !memory && !storage && !scalars) return FITS;
      return [
        ...(tooMany ? ['Too many pods'] : []),
        ...(cpu ? ['Insufficient cpu'] : []),
        ...(memory ? ['Insufficient memory'] : []),
        ...(storage ? ['Insufficient ephemeral-storage'] : []),
        ...(scalars ?? []).map((name) => `Insufficient ${name}`),
      ];
    },
  },
];
