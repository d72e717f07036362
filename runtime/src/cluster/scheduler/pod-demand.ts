// What a pod asks of the node it lands on (the pod side of framework.NodeInfo):
// requests are max(sum of containers, largest init container) + overhead; for
// scoring only, a container without requests counts as 100m CPU / 200Mi (the
// non-zero defaults).
//
// All but the owner comes from the spec, and the pods admitted from one
// manifest or template share their (frozen) spec object (pod-body-memo.ts):
// that part is worked out once per spec and shared, read-only, by every
// such pod, in the cycle that schedules it and in the cache that counts it.

import { controllerOf } from '../owner-references';
import type { KubeObject } from '../types';
import { addResource, emptyResource, maxResource, resourceOf, type Resource } from './resource';

/** schedutil: DefaultMilliCPURequest 100m, DefaultMemoryRequest 200Mi. */
const NON_ZERO_MILLI_CPU = 100;
const NON_ZERO_MEMORY = 200 * 1024 * 1024;

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

/** The pod's host ports as `protocol/port`, the key a node's `hostPorts` counts them by. */
function podHostPorts(pod: KubeObject): string[] {
  return (pod.spec?.containers ?? []).flatMap((c: any) =>
    (c.ports ?? []).filter((p: any) => typeof p.hostPort === 'number' && p.hostPort > 0).map((p: any) => `${p.protocol ?? 'TCP'}/${p.hostPort}`),
  );
}

/** The part of a pod's demand its spec decides. */
interface SpecDemand {
  requests: Resource;
  /** The names of `requests.scalar` in the order fitsRequest checks them (by name; `pods` is no request). */
  scalarNames: string[];
  /** Requests with the non-zero defaults (scoring). */
  nonZero: Resource;
  /** `protocol/port` of each host port. */
  hostPorts: string[];
}

export interface PodDemand extends Readonly<SpecDemand> {
  /** The uid of the pod's controller (topology spread counts its siblings). */
  owner?: string;
}

function specDemand(pod: KubeObject): SpecDemand {
  const requests = podRequests(pod);
  return {
    requests,
    scalarNames: Object.keys(requests.scalar).filter((k) => k !== 'pods').sort((a, b) => a.localeCompare(b)),
    nonZero: podRequests(pod, true),
    hostPorts: podHostPorts(pod),
  };
}

const bySpec = new WeakMap<object, SpecDemand>();

export function podDemand(pod: KubeObject): PodDemand {
  const spec: object = pod.spec ?? {};
  let shared = bySpec.get(spec);
  if (!shared) bySpec.set(spec, (shared = specDemand(pod)));
  const owner = controllerOf(pod)?.uid;
  // Without an owner the spec's part is the whole demand: one object for all such pods, not one kept per pod by the cache.
  if (owner === undefined) return shared;
  const { requests, scalarNames, nonZero, hostPorts } = shared;
  return { requests, scalarNames, nonZero, hostPorts, owner };
}

/** Pods still holding their place on a node: bound and not terminal. */
export function occupies(p: KubeObject): boolean {
  return p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';
}
