// One kubelet per node: it watches the pods bound to its node and drives each
// through the lifecycle (runtime-semantics §7). A sync is level-triggered —
// read the pod, advance its runtime to now, post the generated status if it
// differs, arm one timer for the next due step — and watch events and timers
// only trigger syncs. A failed node's kubelet does nothing until restored.

import { jsonEqual } from '../apply-merge';
import { parseRfc3339 } from '../clock';
import { isNodeFailed } from '../nodes';
import type { Clock, EventRecorder, KubeObject, ObjectStore, Rng, WatchEvent } from '../types';
import { createBackoff } from './backoff';
import { advance, allStopped, applySpecChanges, connect, createPodRuntime, logLines, nextDue, terminate, type PodRuntime, type WorkerContext } from './pod-runtime';
import type { KubeletState } from './saved-state';
import { generateStatus } from './status';
import { TIMINGS } from './timings';

export interface KubeletDeps {
  nodeName: string;
  store: ObjectStore;
  clock: Clock;
  rng?: Rng;
  events: EventRecorder;
  /**
   * Delivers the watch events of this node and of the pods bound to it; the
   * fleet routes one store watch this way so an event costs one kubelet, not
   * all of them. Defaults to every Pod and Node event of the store.
   */
  subscribe?: (handler: (e: WatchEvent) => void) => () => void;
  /** What the previous incarnation saved (a restore): runtimes, backoff, images, IPAM. */
  saved?: KubeletState;
}

export type LogsResult = { ok: true; text: string } | { ok: false; message: string };
export type RequestResult = { ok: true; status: number; body: string } | { ok: false; message: string };

export interface Kubelet {
  readonly nodeName: string;
  /** Syncs every pod bound here (after a restore or when the node comes back). */
  resync(): void;
  /** `kubectl logs` text, from the behaviour model. */
  logs(namespace: string, name: string, opts?: { container?: string; previous?: boolean; timestamps?: boolean }): LogsResult;
  /** One HTTP request to a pod's port (port-forward, Service traffic); counts like any request. */
  request(namespace: string, name: string, port: number, path?: string, from?: string): RequestResult;
  /** Everything a restore needs that the API objects do not hold (saved-state.ts). */
  state(): KubeletState;
  stop(): void;
}

export function createKubelet(deps: KubeletDeps): Kubelet {
  const { nodeName, store, clock, events, saved } = deps;
  const runtimes = new Map<string, PodRuntime>(Object.entries(saved?.pods ?? {}));
  const timers = new Map<string, { id: number; atMs: number }>();
  const images = new Set<string>(saved?.images);
  const backoff = createBackoff(undefined, undefined, saved?.backoff);
  let lastIP = saved?.lastIP ?? 1;

  const node = () => store.get('Node', undefined, nodeName);
  const hostIP = () => (node()?.status?.addresses ?? []).find((a: any) => a.type === 'InternalIP')?.address ?? '';
  const podKey = (p: KubeObject) => `${p.metadata.namespace ?? 'default'}/${p.metadata.name}`;

  // host-local IPAM: sequential addresses from .2 of the node's podCIDR, never reused while the kubelet runs.
  // The pods already here are read once per kubelet, not on every allocation (that cost grew with the node).
  let scannedIPs = false;
  const allocateIP = () => {
    const cidr: string = node()?.spec?.podCIDR ?? '10.244.0.0/24';
    const base = cidr.split('/')[0].split('.').slice(0, 3).join('.');
    if (!scannedIPs) {
      scannedIPs = true;
      for (const p of store.list('Pod', { fieldNodeName: nodeName })) {
        const ip: string | undefined = p.status?.podIP;
        if (ip?.startsWith(`${base}.`)) lastIP = Math.max(lastIP, Number(ip.split('.')[3]));
      }
    }
    lastIP = lastIP >= 254 ? 2 : lastIP + 1;
    return `${base}.${lastIP}`;
  };

  const contextFor = (key: string): WorkerContext => ({
    images,
    backoff,
    hostIP: hostIP(),
    allocateIP,
    event: (type, reason, message) => {
      const [ns, name] = key.split('/');
      const pod = store.get('Pod', ns, name);
      if (pod) events.record(pod, type, reason, message, { component: 'kubelet', host: nodeName });
    },
  });

  // The resourceVersion of each pod's last status write by this kubelet: the watch event it causes
  // carries nothing the kubelet does not already know, so it triggers no sync (the status manager's
  // writes do not wake the pod worker upstream either).
  const ownWrites = new Map<string, string>();

  const forget = (key: string) => {
    ownWrites.delete(key);
    const rt = runtimes.get(key);
    if (rt) backoff.forget(`${rt.uid}/`);
    runtimes.delete(key);
    const t = timers.get(key);
    if (t) clock.cancel(t.id);
    timers.delete(key);
  };

  const arm = (key: string, atMs: number) => {
    const t = timers.get(key);
    if (t && t.atMs === atMs) return;
    if (t) clock.cancel(t.id);
    timers.delete(key);
    if (atMs === Infinity) return;
    timers.set(key, { atMs, id: clock.at(atMs, () => {
      timers.delete(key);
      const [ns, name] = key.split('/');
      const pod = store.get('Pod', ns, name);
      if (pod) sync(pod);
    }, `kubelet ${nodeName} ${key}`) });
  };

  const sync = (seen: KubeObject) => {
    const key = podKey(seen);
    // Watch events may be stale by the time they are delivered: always work on the stored pod.
    const pod = store.get('Pod', seen.metadata.namespace, seen.metadata.name);
    if (!pod || pod.metadata.uid !== seen.metadata.uid) return;
    const n = node();
    if (!n || isNodeFailed(n) || pod.spec?.nodeName !== nodeName) return;
    let rt = runtimes.get(key);
    if (rt && rt.uid !== pod.metadata.uid) {
      forget(key);
      rt = undefined;
    }
    if (!rt) {
      // A pod that already finished (seen again after a restore) is left as it is.
      if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return finishIfDeleted(pod, undefined);
      rt = createPodRuntime(pod, clock.now());
      runtimes.set(key, rt);
    }
    const now = clock.now();
    const ctx = contextFor(key);
    advance(rt, ctx, now);
    applySpecChanges(rt, pod, ctx, now);
    if (pod.metadata.deletionTimestamp && !rt.terminating) {
      const deadline = parseRfc3339(pod.metadata.deletionTimestamp);
      const grace = deadline !== undefined ? Math.max(0, (deadline - now) / 1000) : (pod.metadata.deletionGracePeriodSeconds ?? TIMINGS.gracePeriodSeconds);
      terminate(rt, ctx, now, grace);
    }
    const status = generateStatus(rt, pod.status, ctx.hostIP, now);
    let current = store.get('Pod', pod.metadata.namespace, pod.metadata.name) ?? pod;
    if (!jsonEqual(status, current.status)) {
      current = store.updateStatus({ ...current, status });
      ownWrites.set(key, current.metadata.resourceVersion);
    }
    if (finishIfDeleted(current, rt)) return;
    arm(key, nextDue(rt));
  };

  // The kubelet's final grace-0 delete once every container has stopped; the
  // store removes the pod then, or once the last finalizer goes.
  const finishIfDeleted = (pod: KubeObject, rt: PodRuntime | undefined): boolean => {
    if (!pod.metadata.deletionTimestamp || (rt && !allStopped(rt))) return false;
    forget(podKey(pod));
    if (pod.metadata.deletionGracePeriodSeconds !== 0) store.update({ ...pod, metadata: { ...pod.metadata, deletionGracePeriodSeconds: 0 } });
    return true;
  };

  const resync = () => {
    for (const p of store.list('Pod', { fieldNodeName: nodeName })) sync(p);
  };

  const subscribe = deps.subscribe ?? ((h: (e: WatchEvent) => void) => store.watch(h, ['Pod', 'Node']));
  const unwatch = subscribe((e) => {
    if (e.object.kind === 'Node') {
      if (e.object.metadata.name !== nodeName) return;
      if (e.type === 'DELETED' || isNodeFailed(e.object)) for (const k of [...timers.keys()]) arm(k, Infinity);
      else resync();
      return;
    }
    const key = podKey(e.object);
    if (e.type === 'DELETED') {
      const rt = runtimes.get(key);
      if (rt && rt.uid === e.object.metadata.uid) forget(key);
      return;
    }
    if (e.type === 'MODIFIED' && ownWrites.get(key) === e.object.metadata.resourceVersion) return;
    if (e.object.spec?.nodeName === nodeName) sync(e.object);
  });

  const findContainer = (namespace: string, name: string, container?: string) => {
    const pod = store.get('Pod', namespace, name);
    if (!pod) return { error: `pods "${name}" not found` } as const;
    const rt = runtimes.get(`${namespace}/${name}`);
    const apps = (pod.spec?.containers ?? []).map((c: any) => c.name as string);
    if (!container && apps.length > 1)
      return { error: `a container name must be specified for pod ${name}, choose one of: [${apps.join(' ')}]` } as const;
    const cname = container ?? apps[0];
    const c = rt?.containers.find((x) => x.name === cname);
    if (!rt || !c) {
      if (!rt && pod.spec?.nodeName === nodeName) return { error: `container "${cname}" in pod "${name}" is waiting to start: ContainerCreating` } as const;
      return { error: `container ${cname} is not valid for pod ${name}` } as const;
    }
    return { rt, c } as const;
  };

  return {
    nodeName,
    resync,
    logs(namespace, name, opts = {}) {
      const found = findContainer(namespace, name, opts.container);
      if ('error' in found) return { ok: false, message: found.error ?? '' };
      const { rt, c } = found;
      const lines = opts.previous ? c.previousLogs : c.instance ? logLines(rt, c, clock.now()) : undefined;
      if (!lines) {
        if (opts.previous) return { ok: false, message: `previous terminated container "${c.name}" in pod "${name}" not found` };
        const reason = c.shown.kind === 'waiting' ? c.shown.reason : 'ContainerCreating';
        return { ok: false, message: `container "${c.name}" in pod "${name}" is waiting to start: ${reason}` };
      }
      const fmt = (l: { atMs: number; text: string }) => (opts.timestamps ? `${new Date(l.atMs).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z')} ` : '') + l.text;
      return { ok: true, text: lines.map((l) => fmt(l) + '\n').join('') };
    },
    request(namespace, name, port, path = '/', from = '127.0.0.1') {
      const rt = runtimes.get(`${namespace}/${name}`);
      if (!rt) return { ok: false, message: store.get('Pod', namespace, name) ? `pod ${name} is not running` : `pods "${name}" not found` };
      // The request goes to whichever container listens on the port (they share the pod's network).
      const now = clock.now();
      for (const c of rt.containers) {
        const a = connect(rt, c, port, now, from, { path });
        if (!a.refused) return { ok: true, status: a.status, body: a.body };
      }
      return { ok: false, message: `dial tcp ${rt.podIP ?? ''}:${port}: connect: connection refused` };
    },
    state: () => ({ lastIP, images: [...images], backoff: backoff.entries(), pods: Object.fromEntries(runtimes) }),
    stop() {
      unwatch();
      for (const k of [...runtimes.keys()]) forget(k);
    },
  };
}
