// What the scheduler knows about a node: its allocatable resources and what
// the pods already bound to it request (framework.NodeInfo). Pod requests are
// max(sum of containers, largest init container) + overhead; for scoring only,
// a container without requests counts as 100m CPU / 200Mi (non-zero defaults).

import { controllerOf } from '../owner-references';
import type { KubeObject } from '../types';
import { addResource, emptyResource, maxResource, resourceOf, type Resource } from './resource';

/** schedutil: DefaultMilliCPURequest 100m, DefaultMemoryRequest 200Mi. */
const NON_ZERO_MILLI_CPU = 100;
const NON_ZERO_MEMORY = 200 * 1024 * 1024;

/** A node without `pods` in its allocatable list takes 110 (the kubelet's --max-pods default). */
const DEFAULT_MAX_PODS = 110;

function containerRequests(c: any, nonZero: boolean): Resource {
  const req = c?.resources?.requests ?? c?.resources?.limits ?? {};
  const out = resourceOf(req);
  if (nonZero && !('cpu' in req)) out.milliCPU = NON_ZERO_MILLI_CPU;
  if (nonZero && !('memory' in req)) out.memory = NON_ZERO_MEMORY;
  return out;
}

function podRequests(pod: KubeObject, nonZero = false): Resource {
  const spec = pod.spec ?? {};
  const sum = emptyResource();
  for (const c of spec.containers ?? []) addResource(sum, containerRequests(c, nonZero));
  const init = emptyResource();
  for (const c of spec.initContainers ?? []) maxResource(init, containerRequests(c, false));
  return addResource(maxResource(sum, init), resourceOf(spec.overhead));
}

export interface HostPort {
  port: number;
  protocol: string;
}

function podHostPorts(pod: KubeObject): HostPort[] {
  return (pod.spec?.containers ?? []).flatMap((c: any) =>
    (c.ports ?? []).filter((p: any) => typeof p.hostPort === 'number' && p.hostPort > 0).map((p: any) => ({ port: p.hostPort, protocol: p.protocol ?? 'TCP' })),
  );
}

export const hostPortKey = (p: HostPort) => `${p.protocol}/${p.port}`;

/** Everything about a pod the filters and scores need, computed once per pod rather than once per node. */
export interface PodDemand {
  requests: Resource;
  /** The names of `requests.scalar` in the order fitsRequest checks them (by name; `pods` is no request). */
  scalarNames: string[];
  /** Requests with the non-zero defaults (scoring). */
  nonZero: Resource;
  hostPorts: HostPort[];
  /** The uid of the pod's controller (topology spread counts its siblings). */
  owner?: string;
}

export function podDemand(pod: KubeObject): PodDemand {
  const requests = podRequests(pod);
  return {
    requests,
    scalarNames: Object.keys(requests.scalar).filter((k) => k !== 'pods').sort((a, b) => a.localeCompare(b)),
    nonZero: podRequests(pod, true),
    hostPorts: podHostPorts(pod),
    owner: controllerOf(pod)?.uid,
  };
}

export interface NodeInfo {
  node: KubeObject;
  allocatable: Resource;
  allowedPods: number;
  requested: Resource;
  /** Requested with the non-zero defaults (scoring). */
  nonZeroRequested: Resource;
  podCount: number;
  /** `protocol/port` → how many pods hold it. */
  hostPorts: Map<string, number>;
  /** Controller uid → how many of its pods are here. */
  owners: Map<string, number>;
}

/** Pods still holding their place on a node: bound and not terminal. */
export function occupies(p: KubeObject): boolean {
  return p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';
}

/** Allocatable resources and pod slots as the node reports them. */
export function nodeCapacity(node: KubeObject): { allocatable: Resource; allowedPods: number } {
  const allocatable = resourceOf(node.status?.allocatable);
  return { allocatable, allowedPods: allocatable.scalar.pods ?? DEFAULT_MAX_PODS };
}

export function emptyNodeInfo(node: KubeObject): NodeInfo {
  return {
    node,
    ...nodeCapacity(node),
    requested: emptyResource(),
    nonZeroRequested: emptyResource(),
    podCount: 0,
    hostPorts: new Map(),
    owners: new Map(),
  };
}

const bump = (m: Map<string, number>, k: string, by: number) => {
  const n = (m.get(k) ?? 0) + by;
  if (n > 0) m.set(k, n);
  else m.delete(k);
};

/** NodeInfo.AddPod / RemovePod (sign -1): the only mutation, used by the scheduler's cache. */
export function addDemand(info: NodeInfo, d: PodDemand, sign: 1 | -1 = 1): void {
  addResource(info.requested, d.requests, sign);
  addResource(info.nonZeroRequested, d.nonZero, sign);
  info.podCount += sign;
  for (const p of d.hostPorts) bump(info.hostPorts, hostPortKey(p), sign);
  if (d.owner) bump(info.owners, d.owner, sign);
}

/** A node's info built from scratch from the pods bound to it. */
export function nodeInfo(node: KubeObject, podsOnNode: readonly KubeObject[]): NodeInfo {
  const info = emptyNodeInfo(node);
  for (const p of podsOnNode) if (occupies(p)) addDemand(info, podDemand(p));
  return info;
}
