// Cluster DNS names (runtime-semantics §8; the Kubernetes DNS specification
// that CoreDNS's kubernetes plugin implements): Service A records, SRV records
// for named ports, pod A records and the resolv.conf a ClusterFirst pod gets.

import type { KubeObject, ObjectStore } from '../types';
import { isReady } from '../controllers/pod-state';

const CLUSTER_DOMAIN = 'cluster.local';
/** kube-dns's ClusterIP in a kubeadm/kind cluster (§8). */
const CLUSTER_DNS_IP = '10.96.0.10';
/** The resolver tries the search list first for names with fewer dots than this. */
const NDOTS = 5;

/** `kubia.default.svc.cluster.local`. */
export function serviceFqdn(name: string, namespace: string): string {
  return `${name}.${namespace}.svc.${CLUSTER_DOMAIN}`;
}

/** `10-244-1-5.default.pod.cluster.local`. */
export function podFqdn(ip: string, namespace: string): string {
  return `${ip.replace(/\./g, '-')}.${namespace}.pod.${CLUSTER_DOMAIN}`;
}

/** SRV names, one per named port: `_http._tcp.kubia.default.svc.cluster.local`. */
export function serviceSrvNames(svc: KubeObject): string[] {
  const fqdn = serviceFqdn(svc.metadata.name, svc.metadata.namespace ?? 'default');
  return (svc.spec?.ports ?? []).filter((p: any) => p.name).map((p: any) => `_${p.name}._${String(p.protocol ?? 'TCP').toLowerCase()}.${fqdn}`);
}

/** The search list of a pod in `namespace`, most specific first. */
function searchDomains(namespace: string): string[] {
  return [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
}

/** /etc/resolv.conf of a `dnsPolicy: ClusterFirst` pod. */
export function resolvConf(namespace: string): string {
  return `search ${searchDomains(namespace).join(' ')}\nnameserver ${CLUSTER_DNS_IP}\noptions ndots:${NDOTS}\n`;
}

export type DnsAnswer =
  | { type: 'A'; name: string; ips: string[] }
  | { type: 'CNAME'; name: string; target: string }
  | { type: 'NXDOMAIN'; name: string };

/** One fully qualified name against the cluster zone; undefined when no record exists. */
function lookup(store: ObjectStore, fqdn: string): DnsAnswer | undefined {
  const suffix = `.svc.${CLUSTER_DOMAIN}`;
  if (!fqdn.endsWith(suffix)) return undefined;
  const parts = fqdn.slice(0, -suffix.length).split('.');
  if (parts.length !== 2) return undefined;
  const [name, namespace] = parts;
  const svc = store.get('Service', namespace, name);
  if (!svc) return undefined;
  if (svc.spec?.type === 'ExternalName') return { type: 'CNAME', name: fqdn, target: String(svc.spec.externalName ?? '') };
  if (svc.spec?.clusterIP && svc.spec.clusterIP !== 'None') return { type: 'A', name: fqdn, ips: [svc.spec.clusterIP] };
  // Headless: the ready addresses of its Endpoints (publishNotReadyAddresses puts every pod there).
  const ep = store.get('Endpoints', namespace, name);
  const subsets = (ep?.subsets ?? []) as any[];
  const ips = [...new Set<string>(subsets.flatMap((s: any) => (s.addresses ?? []).map((a: any) => a.ip)))].sort();
  return ips.length ? { type: 'A', name: fqdn, ips } : undefined;
}

/**
 * What a pod in `fromNamespace` gets for `name`: names with fewer than ndots
 * dots go through the search list first (`kubia` → `kubia.default.svc…`),
 * a trailing dot means "already absolute".
 */
export function resolveName(store: ObjectStore, name: string, fromNamespace: string): DnsAnswer {
  const absolute = name.endsWith('.');
  const bare = absolute ? name.slice(0, -1) : name;
  const dots = bare.split('.').length - 1;
  const expanded = searchDomains(fromNamespace).map((d) => `${bare}.${d}`);
  const candidates = absolute ? [bare] : dots < NDOTS ? [...expanded, bare] : [bare, ...expanded];
  for (const c of candidates) {
    const a = lookup(store, c);
    if (a) return a;
  }
  return { type: 'NXDOMAIN', name: bare };
}

/** A pod's own A record name, when it has an IP; pods of a headless Service also get `<hostname>.<subdomain>.<ns>.svc`. */
export function podDnsNames(pod: KubeObject): string[] {
  const ip: string | undefined = pod.status?.podIP;
  if (!ip) return [];
  const ns = pod.metadata.namespace ?? 'default';
  const names = [podFqdn(ip, ns)];
  if (pod.spec?.hostname && pod.spec?.subdomain && isReady(pod)) names.push(`${pod.spec.hostname}.${serviceFqdn(pod.spec.subdomain, ns)}`);
  return names;
}
