// Service environment variables, as the kubelet injects them when a container
// starts (runtime-semantics §8; upstream pkg/kubelet/envvars/envvars.go
// FromServices and kubelet_pods.go getServiceEnvVarMap). They are fixed at
// container start: a Service created later reaches only containers started
// after it (KIA ch.5: delete the pods so the RC re-creates them).

import { parseRfc3339 } from '../clock';
import type { KubeObject, ObjectStore } from '../types';

export interface EnvVar {
  name: string;
  value: string;
}

/** The API server's own Services, always linked from the default namespace (masterServices). */
const MASTER_SERVICES = new Set(['kubernetes']);

/** makeEnvVariableName: `kubia-http` → `KUBIA_HTTP` (a leading digit gets a `_` prefix, §8). */
export function envVariableName(name: string): string {
  const upper = name.toUpperCase().replace(/[-.]/g, '_');
  return /^[0-9]/.test(upper) ? `_${upper}` : upper;
}

/** v1helper.IsServiceIPSet: headless and ExternalName Services have no IP to link. */
function hasClusterIP(svc: KubeObject): boolean {
  const ip = svc.spec?.clusterIP;
  return typeof ip === 'string' && ip !== '' && ip !== 'None';
}

/** Docker-link style variables for every port (makeLinkVariables). */
function linkVariables(prefix: string, ip: string, ports: readonly any[]): EnvVar[] {
  const out: EnvVar[] = [];
  ports.forEach((sp, i) => {
    const protocol = String(sp.protocol ?? 'TCP');
    const url = `${protocol.toLowerCase()}://${ip}:${sp.port}`;
    const portPrefix = `${prefix}_PORT_${sp.port}_${protocol.toUpperCase()}`;
    if (i === 0) out.push({ name: `${prefix}_PORT`, value: url });
    out.push(
      { name: portPrefix, value: url },
      { name: `${portPrefix}_PROTO`, value: protocol.toLowerCase() },
      { name: `${portPrefix}_PORT`, value: String(sp.port) },
      { name: `${portPrefix}_ADDR`, value: ip },
    );
  });
  return out;
}

/** FromServices: the variables for the given Services, in the given order; Services without an IP are skipped. */
export function serviceEnvVars(services: readonly KubeObject[]): EnvVar[] {
  const out: EnvVar[] = [];
  for (const svc of services) {
    const ports: any[] = svc.spec?.ports ?? [];
    if (!hasClusterIP(svc) || ports.length === 0) continue;
    const prefix = envVariableName(svc.metadata.name);
    const ip: string = svc.spec.clusterIP;
    out.push({ name: `${prefix}_SERVICE_HOST`, value: ip }, { name: `${prefix}_SERVICE_PORT`, value: String(ports[0].port) });
    for (const sp of ports) if (sp.name) out.push({ name: `${prefix}_SERVICE_PORT_${envVariableName(sp.name)}`, value: String(sp.port) });
    out.push(...linkVariables(prefix, ip, ports));
  }
  return out;
}

/**
 * getServiceEnvVarMap: the Services a container of `pod` sees when it starts
 * at `startedAtMs` — those of its namespace (unless `enableServiceLinks:
 * false`) plus default/kubernetes, created no later than the start. Sorted by
 * name, so the variables come out in a stable order.
 */
export function linkedServices(store: ObjectStore, pod: KubeObject, startedAtMs: number): KubeObject[] {
  const ns = pod.metadata.namespace ?? 'default';
  const existed = (s: KubeObject) => (parseRfc3339(s.metadata.creationTimestamp) ?? Infinity) <= startedAtMs;
  const byName = new Map<string, KubeObject>();
  if (pod.spec?.enableServiceLinks !== false) for (const s of store.list('Service', { namespace: ns })) if (existed(s)) byName.set(s.metadata.name, s);
  for (const name of MASTER_SERVICES) {
    const s = store.get('Service', 'default', name);
    if (s && existed(s) && !byName.has(name)) byName.set(name, s);
  }
  return [...byName.values()].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
}

/** The Service variables for a container started at `startedAtMs` (the kubelet's hook at container start). */
function serviceEnvironment(store: ObjectStore, pod: KubeObject, startedAtMs: number): EnvVar[] {
  return serviceEnvVars(linkedServices(store, pod, startedAtMs));
}

/** When the running instance of a container started, from the pod's status; undefined while it is not running. */
function containerStartedAt(pod: KubeObject, container: string): number | undefined {
  const status = (pod.status?.containerStatuses ?? []).find((c: { name: string }) => c.name === container);
  return parseRfc3339(status?.state?.running?.startedAt);
}

/**
 * The environment a running container has (what `env` would print): its own
 * literal `env` entries, then the Service variables it does not define itself
 * (explicit variables take precedence, kubelet makeEnvironmentVariables).
 * Undefined when the container is not running.
 */
export function containerEnvironment(store: ObjectStore, pod: KubeObject, container: string): EnvVar[] | undefined {
  const startedAt = containerStartedAt(pod, container);
  if (startedAt === undefined) return undefined;
  const spec = (pod.spec?.containers ?? []).find((c: { name: string }) => c.name === container);
  // valueFrom sources (fieldRef, configMapKeyRef…) are not resolved here; only literal values are listed.
  const own: EnvVar[] = (spec?.env ?? []).filter((e: any) => !e.valueFrom).map((e: any) => ({ name: e.name, value: String(e.value ?? '') }));
  const defined = new Set(own.map((e) => e.name));
  return [...own, ...serviceEnvironment(store, pod, startedAt).filter((e) => !defined.has(e.name))];
}
