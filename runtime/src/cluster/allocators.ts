// The Service allocators (runtime-semantics §8): cluster IPs from the kubeadm
// range 10.96.0.0/12 and node ports from 30000-32767. Dynamic picks are random
// from the upper band; the lower band is kept for explicit choices.

import { invalid, type FieldError } from '../api/field';
import type { KubeObject, ObjectStore, Rng } from './types';

const CIDR_BASE = (10 << 24) | (96 << 16); // 10.96.0.0
const CIDR_SIZE = 1 << 20; // a /12
/** min(max(16, size/16), 256) addresses at the bottom are reserved for explicit IPs. */
const IP_RESERVED = Math.min(Math.max(16, CIDR_SIZE / 16), 256);
const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;
/** min(max(16, size/32), 128) = 86 ports: 30000-30085 are kept for explicit choices. */
const PORT_RESERVED = Math.min(Math.max(16, Math.floor((NODE_PORT_MAX - NODE_PORT_MIN + 1) / 32)), 128);

function ipToString(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}

function ipToNumber(s: string): number | undefined {
  const parts = s.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return undefined;
  return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
}

function usedIps(store: ObjectStore): Set<string> {
  return new Set(store.list('Service').map((s) => s.spec?.clusterIP).filter((ip): ip is string => !!ip && ip !== 'None'));
}

function usedPorts(store: ObjectStore): Set<number> {
  return new Set(store.list('Service').flatMap((s) => (s.spec?.ports ?? []).map((p: { nodePort?: number }) => p.nodePort ?? 0)));
}

/**
 * Fills spec.clusterIP(s) and node ports of a Service being created, or returns
 * the allocator's errors for explicit values that are out of range or taken.
 */
export function allocateService(svc: KubeObject, store: ObjectStore, rng: Rng): { object: KubeObject } | { errors: FieldError[] } {
  const spec = { ...svc.spec };
  const errors: FieldError[] = [];
  if (spec.type !== 'ExternalName' && spec.clusterIP !== 'None') {
    const taken = usedIps(store);
    if (spec.clusterIP) {
      const n = ipToNumber(spec.clusterIP);
      const inRange = n !== undefined && n > CIDR_BASE && n < CIDR_BASE + CIDR_SIZE - 1;
      if (!inRange)
        errors.push(invalid('spec.clusterIPs', [spec.clusterIP], `failed to allocate IP ${spec.clusterIP}: provided IP is not in the valid range. The range of valid IPs is 10.96.0.0/12`));
      else if (taken.has(spec.clusterIP))
        errors.push(invalid('spec.clusterIPs', [spec.clusterIP], `failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`));
    } else {
      let ip: string;
      do ip = ipToString(CIDR_BASE + IP_RESERVED + rng.int(CIDR_SIZE - IP_RESERVED - 1));
      while (taken.has(ip));
      spec.clusterIP = ip;
    }
    spec.clusterIPs = [spec.clusterIP];
  }
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
    const taken = usedPorts(store);
    spec.ports = (spec.ports ?? []).map((p: { nodePort?: number }, i: number) => {
      if (p.nodePort) {
        const path = `spec.ports[${i}].nodePort`;
        if (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX)
          errors.push(invalid(path, p.nodePort, `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`));
        else if (taken.has(p.nodePort)) errors.push(invalid(path, p.nodePort, 'provided port is already allocated'));
        taken.add(p.nodePort);
        return p;
      }
      let port: number;
      do port = NODE_PORT_MIN + PORT_RESERVED + rng.int(NODE_PORT_MAX - NODE_PORT_MIN + 1 - PORT_RESERVED);
      while (taken.has(port));
      taken.add(port);
      return { ...p, nodePort: port };
    });
  }
  return errors.length ? { errors } : { object: { ...svc, spec } };
}
