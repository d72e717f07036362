// What the scheduler knows about a node: its allocatable resources and what
// the pods already bound to it request (framework.NodeInfo). Pod requests are
// max(sum of containers, largest init container) + overhead; for scoring only,
// a container without requests counts as 100m CPU / 200Mi (non-zero defaults).

import { parseQuantity } from '../../api/quantity';
import type { KubeObject } from '../types';

export type Resources = Record<string, number>;

/** schedutil: DefaultMilliCPURequest 100m, DefaultMemoryRequest 200Mi. */
export const NON_ZERO_DEFAULTS: Readonly<Resources> = { cpu: 0.1, memory: 200 * 1024 * 1024 };

const value = (q: unknown): number => (typeof q === 'string' || typeof q === 'number' ? parseQuantity(q)?.value ?? 0 : 0);

function containerRequests(c: any, nonZero: boolean): Resources {
  const out: Resources = {};
  const req = c?.resources?.requests ?? c?.resources?.limits ?? {};
  for (const [k, v] of Object.entries(req)) out[k] = value(v);
  if (nonZero) for (const [k, d] of Object.entries(NON_ZERO_DEFAULTS)) if (!(k in req)) out[k] = d;
  return out;
}

function add(a: Resources, b: Resources): Resources {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}

function max(a: Resources, b: Resources): Resources {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = Math.max(out[k] ?? 0, v);
  return out;
}

export function podRequests(pod: KubeObject, nonZero = false): Resources {
  const spec = pod.spec ?? {};
  const sum = (spec.containers ?? []).reduce((acc: Resources, c: any) => add(acc, containerRequests(c, nonZero)), {});
  const init = (spec.initContainers ?? []).reduce((acc: Resources, c: any) => max(acc, containerRequests(c, false)), {});
  const overhead: Resources = {};
  for (const [k, v] of Object.entries(spec.overhead ?? {})) overhead[k] = value(v);
  return add(max(sum, init), overhead);
}

export interface HostPort {
  port: number;
  protocol: string;
}

export function podHostPorts(pod: KubeObject): HostPort[] {
  return (pod.spec?.containers ?? []).flatMap((c: any) =>
    (c.ports ?? []).filter((p: any) => typeof p.hostPort === 'number' && p.hostPort > 0).map((p: any) => ({ port: p.hostPort, protocol: p.protocol ?? 'TCP' })),
  );
}

export interface NodeInfo {
  node: KubeObject;
  allocatable: Resources;
  requested: Resources;
  /** Requested with the non-zero defaults (scoring). */
  nonZeroRequested: Resources;
  podCount: number;
  hostPorts: HostPort[];
  pods: KubeObject[];
}

/** Pods still holding their place on a node: bound and not terminal. */
function occupies(p: KubeObject): boolean {
  return p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';
}

export function nodeInfo(node: KubeObject, podsOnNode: readonly KubeObject[]): NodeInfo {
  const allocatable: Resources = {};
  for (const [k, v] of Object.entries(node.status?.allocatable ?? {})) allocatable[k] = value(v);
  const pods = podsOnNode.filter(occupies);
  return {
    node,
    allocatable,
    requested: pods.reduce((acc, p) => add(acc, podRequests(p)), {} as Resources),
    nonZeroRequested: pods.reduce((acc, p) => add(acc, podRequests(p, true)), {} as Resources),
    podCount: pods.length,
    hostPorts: pods.flatMap(podHostPorts),
    pods,
  };
}
