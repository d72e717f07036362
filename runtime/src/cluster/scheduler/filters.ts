// The default profile's filter plugins, in their upstream order
// (default_plugins.go): each returns the reasons a node cannot take the pod
// (empty = fits). The first failing plugin decides for a node. `resolvable`
// says whether preempting lower-priority pods could help: only then does the
// preemption part of the message say "No preemption victims found".
// NodeName is absent: a pod with spec.nodeName never reaches the scheduler.

import { matches, type Requirement } from '../../api/selectors';
import type { KubeObject } from '../types';
import { podHostPorts, podRequests, type NodeInfo } from './node-info';

export interface FilterPlugin {
  name: string;
  resolvable: boolean;
  filter(pod: KubeObject, info: NodeInfo): string[];
}

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
  for (const [k, v] of Object.entries(pod.spec?.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  const terms: any[] | undefined = required?.nodeSelectorTerms;
  return !terms || terms.some((t) => termMatches(t, node));
}

/** fitsRequest checks cpu, memory and ephemeral-storage first, then extended resources. */
const RESOURCE_ORDER = ['cpu', 'memory', 'ephemeral-storage'];
const resourceRank = (r: string) => (RESOURCE_ORDER.includes(r) ? RESOURCE_ORDER.indexOf(r) : RESOURCE_ORDER.length);

export const FILTERS: readonly FilterPlugin[] = [
  {
    name: 'NodeUnschedulable',
    resolvable: false,
    filter: (pod, { node }) =>
      node.spec?.unschedulable && !tolerates(pod.spec?.tolerations, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })
        ? ['node(s) were unschedulable']
        : [],
  },
  {
    name: 'TaintToleration',
    resolvable: false,
    filter: (pod, { node }) => {
      const taint = ((node.spec?.taints ?? []) as Taint[]).find(
        (t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(pod.spec?.tolerations, t),
      );
      return taint ? [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`] : [];
    },
  },
  {
    name: 'NodeAffinity',
    resolvable: false,
    filter: (pod, { node }) => (nodeAffinityMatches(pod, node) ? [] : ["node(s) didn't match Pod's node affinity/selector"]),
  },
  {
    name: 'NodePorts',
    resolvable: true,
    filter: (pod, info) =>
      podHostPorts(pod).some((p) => info.hostPorts.some((u) => u.port === p.port && u.protocol === p.protocol))
        ? ["node(s) didn't have free ports for the requested pod ports"]
        : [],
  },
  {
    name: 'NodeResourcesFit',
    resolvable: true,
    filter: (pod, info) => {
      const reasons: string[] = [];
      if (info.podCount + 1 > (info.allocatable.pods ?? 110)) reasons.push('Too many pods');
      const want = Object.entries(podRequests(pod)).sort(([a], [b]) => resourceRank(a) - resourceRank(b) || a.localeCompare(b));
      for (const [res, amount] of want) {
        if (amount <= 0 || res === 'pods') continue;
        const free = (info.allocatable[res] ?? 0) - (info.requested[res] ?? 0);
        if (amount > free) reasons.push(`Insufficient ${res}`);
      }
      return reasons;
    },
  },
];
