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

/** v1helper.TolerationsTolerateTaint / Toleration.ToleratesTaint. */
export function tolerates(tolerations: readonly any[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (t.key && t.key !== taint.key) return false;
    if (!t.key && t.operator !== 'Exists') return false;
    return t.operator === 'Exists' || (t.value ?? '') === (taint.value ?? '');
  });
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
      const taints: readonly Taint[] = node.spec?.taints ?? NO_TAINTS;
      const taint = taints.find((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(pod.spec?.tolerations, t));
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
      let reasons: string[] | undefined;
      const add = (reason: string) => (reasons ??= []).push(reason);
      const want = demand.requests;
      const alloc = info.allocatable;
      const used = info.requested;
      if (info.podCount + 1 > info.allowedPods) add('Too many pods');
      // fitsRequest's order: cpu, memory, ephemeral-storage, then the rest by name.
      if (want.milliCPU > 0 && want.milliCPU > alloc.milliCPU - used.milliCPU) add('Insufficient cpu');
      if (want.memory > 0 && want.memory > alloc.memory - used.memory) add('Insufficient memory');
      if (want.ephemeralStorage > 0 && want.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage) add('Insufficient ephemeral-storage');
      for (const name of demand.scalarNames) {
        const amount = want.scalar[name];
        if (amount > 0 && amount > (alloc.scalar[name] ?? 0) - (used.scalar[name] ?? 0)) add(`Insufficient ${name}`);
      }
      return reasons ?? FITS;
    },
  },
];
