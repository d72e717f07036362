// Simulated requests: a client sends HTTP requests to a Service (or straight
// to a pod) and the behaviour model answers (`You've hit kubia-x7k2p`).
// Service traffic follows kube-proxy's iptables mode (runtime-semantics §8):
// every new connection goes to a random ready endpoint, and with
// `sessionAffinity: ClientIP` a client stays on the endpoint it first reached
// for `timeoutSeconds` (10800 by default) after its last request.
//
// The affinity table is a value the caller keeps (kube-proxy's state lives in
// the kernel, not in API objects), so these functions stay pure apart from the
// seeded random pick and the request counters in the behaviour model. The
// cluster keeps it between commands in services/proxy.ts.

import { DEFAULT_CLIENT_IP_TIMEOUT_SECONDS } from '../../api/defaults/service';
import { isNodeFailed } from '../nodes';
import type { Clock, KubeObject, ObjectStore, Rng } from '../types';

/** The machine running kubelab: the kind network's gateway, below the nodes' 172.18.0.2+. */
export const DEFAULT_CLIENT_IP = '172.18.0.1';

export interface PodAnswerer {
  request(namespace: string, name: string, port: number, path?: string, from?: string): { ok: true; status: number; body: string } | { ok: false; message: string };
}

export interface ProxyDeps {
  store: ObjectStore;
  rng: Rng;
  clock: Clock;
  /** The kubelet of each node (Cluster.kubelets). */
  kubelets: { get(nodeName: string): PodAnswerer | undefined };
}

/**
 * Per service port and client IP: the endpoint chosen, when it was last used
 * and the timeout it was recorded with (an iptables `recent` entry).
 */
export type AffinityTable = Readonly<Record<string, AffinityEntry>>;

export interface AffinityEntry {
  ip: string;
  lastMs: number;
  timeoutSeconds: number;
}

/** The entries still alive at `nowMs`: an expired one can never pin a client again (it is refreshed only by a hit). */
export function liveAffinity(table: AffinityTable, nowMs: number): AffinityTable {
  return Object.fromEntries(Object.entries(table).filter(([, e]) => nowMs - e.lastMs < e.timeoutSeconds * 1000));
}

export interface RequestTarget {
  namespace: string;
  name: string;
  /** A Service port number or name (pods: a container port); default the first. */
  port?: number | string;
  path?: string;
  /** The client: a pod name in `namespace` (its IP is used) or an IPv4 address; default DEFAULT_CLIENT_IP. */
  from?: string;
}

export type RequestResult =
  | { ok: true; pod: string; podIP: string; node: string; status: number; body: string }
  | { ok: false; message: string };

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** The client's IP: a pod's IP, an address as given, or an error for anything else. */
function clientIP(store: ObjectStore, namespace: string, from: string | undefined): { ip: string } | { error: string } {
  if (from === undefined) return { ip: DEFAULT_CLIENT_IP };
  if (IPV4.test(from) && from.split('.').every((o) => Number(o) <= 255)) return { ip: from };
  const pod = store.get('Pod', namespace, from);
  if (!pod) return { error: `client "${from}" is neither a pod in namespace "${namespace}" nor an IPv4 address` };
  if (!pod.status?.podIP) return { error: `pod "${from}" has no IP yet` };
  return { ip: pod.status.podIP };
}

interface Endpoint {
  ip: string;
  port: number;
  pod?: { namespace: string; name: string };
  node?: string;
}

/** The ready addresses of the Service's Endpoints that serve the given Service port (matched by name). */
function readyEndpoints(ep: KubeObject | undefined, portName: string | undefined): Endpoint[] {
  const out: Endpoint[] = [];
  for (const s of (ep?.subsets ?? []) as any[]) {
    const p = (s.ports ?? []).find((x: any) => (x.name ?? '') === (portName ?? ''));
    if (!p) continue;
    for (const a of s.addresses ?? []) {
      const ref = a.targetRef?.kind === 'Pod' ? { namespace: a.targetRef.namespace, name: a.targetRef.name } : undefined;
      out.push({ ip: a.ip, port: p.port, pod: ref, node: a.nodeName });
    }
  }
  return out;
}

function servicePort(svc: KubeObject, want: number | string | undefined): any {
  const ports: any[] = svc.spec?.ports ?? [];
  if (want === undefined) return ports[0];
  return ports.find((p) => p.port === Number(want) || (p.name !== undefined && p.name === want));
}

/** One connection to an endpoint: a pod on a dead node never answers; otherwise its kubelet's behaviour model does. */
function deliver(deps: ProxyDeps, e: Endpoint, path: string | undefined, client: string): RequestResult {
  if (!e.pod) return { ok: false, message: `dial tcp ${e.ip}:${e.port}: the endpoint is outside the cluster and the simulator cannot reach it` };
  const pod = deps.store.get('Pod', e.pod.namespace, e.pod.name);
  const nodeName: string | undefined = pod?.spec?.nodeName ?? e.node;
  const node = nodeName ? deps.store.get('Node', undefined, nodeName) : undefined;
  const kubelet = nodeName ? deps.kubelets.get(nodeName) : undefined;
  if (!pod || !nodeName || !node || isNodeFailed(node) || !kubelet) return { ok: false, message: `dial tcp ${e.ip}:${e.port}: i/o timeout` };
  const r = kubelet.request(e.pod.namespace, e.pod.name, e.port, path, client);
  return r.ok ? { ok: true, pod: e.pod.name, podIP: e.ip, node: nodeName, status: r.status, body: r.body } : r;
}

function affinitySeconds(svc: KubeObject): number | undefined {
  if (svc.spec?.sessionAffinity !== 'ClientIP') return undefined;
  return svc.spec?.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_CLIENT_IP_TIMEOUT_SECONDS;
}

/**
 * One request to a Service's ClusterIP. Returns the answer and the affinity
 * table after it (unchanged unless the Service uses ClientIP affinity).
 */
export function requestService(deps: ProxyDeps, affinity: AffinityTable, target: RequestTarget): { result: RequestResult; affinity: AffinityTable } {
  const fail = (message: string) => ({ result: { ok: false, message } as RequestResult, affinity });
  const svc = deps.store.get('Service', target.namespace, target.name);
  if (!svc) return fail(`services "${target.name}" not found`);
  if (svc.spec?.type === 'ExternalName') return fail(`service "${target.name}" is an alias for ${svc.spec.externalName}: the request leaves the cluster`);
  const sp = servicePort(svc, target.port);
  if (!sp) return fail(`service "${target.name}" has no port ${target.port ?? ''}`.trimEnd());
  const client = clientIP(deps.store, target.namespace, target.from);
  if ('error' in client) return fail(client.error);
  const candidates = readyEndpoints(deps.store.get('Endpoints', target.namespace, target.name), sp.name);
  const headless = svc.spec?.clusterIP === 'None';
  // kube-proxy REJECTs traffic to a Service without ready endpoints.
  if (candidates.length === 0) return fail(`dial tcp ${headless ? target.name : svc.spec.clusterIP}:${sp.port}: connect: connection refused`);

  const now = deps.clock.now();
  const timeout = headless ? undefined : affinitySeconds(svc);
  if (timeout === undefined) return { result: deliver(deps, deps.rng.pick(candidates), target.path, client.ip), affinity };
  const key = `${target.namespace}/${target.name}:${sp.name ?? sp.port}|${client.ip}`;
  const pinned = affinity[key];
  const alive = pinned && now - pinned.lastMs < timeout * 1000 ? candidates.find((c) => c.ip === pinned.ip) : undefined;
  const chosen = alive ?? deps.rng.pick(candidates);
  return { result: deliver(deps, chosen, target.path, client.ip), affinity: { ...affinity, [key]: { ip: chosen.ip, lastMs: now, timeoutSeconds: timeout } } };
}

/** `count` requests in a row from the same client, threading the affinity table. */
export function requestServiceTimes(deps: ProxyDeps, affinity: AffinityTable, target: RequestTarget, count: number): { results: RequestResult[]; affinity: AffinityTable } {
  const results: RequestResult[] = [];
  let table = affinity;
  for (let i = 0; i < count; i++) {
    const r = requestService(deps, table, target);
    results.push(r.result);
    table = r.affinity;
  }
  return { results, affinity: table };
}

/** A pod port by number or container-port name; by default its first declared container port, else 80. */
function podPort(pod: KubeObject, want: number | string | undefined): number | undefined {
  const declared: any[] = (pod.spec?.containers ?? []).flatMap((c: any) => c.ports ?? []);
  if (want === undefined) return declared[0]?.containerPort ?? 80;
  if (typeof want === 'number' || /^\d+$/.test(want)) return Number(want);
  return declared.find((p) => p.name === want)?.containerPort;
}

/** A request straight to a pod's IP, bypassing kube-proxy (`curl <podIP>:<port>` from another pod). */
export function requestPod(deps: ProxyDeps, target: RequestTarget): RequestResult {
  const pod = deps.store.get('Pod', target.namespace, target.name);
  if (!pod) return { ok: false, message: `pods "${target.name}" not found` };
  const client = clientIP(deps.store, target.namespace, target.from);
  if ('error' in client) return { ok: false, message: client.error };
  const port = podPort(pod, target.port);
  if (port === undefined) return { ok: false, message: `pod "${target.name}" has no port named "${target.port}"` };
  if (!pod.status?.podIP) return { ok: false, message: `pod "${target.name}" has no IP yet` };
  return deliver(deps, { ip: pod.status.podIP, port, pod: { namespace: target.namespace, name: target.name }, node: pod.spec?.nodeName }, target.path, client.ip);
}
