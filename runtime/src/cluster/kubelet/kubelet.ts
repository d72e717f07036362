// One kubelet per node: it watches the pods bound to its node and drives each
// through the lifecycle (runtime-semantics §7). A sync is level-triggered —
// read the pod, advance its runtime to now, post the status generated from it
// if that differs, arm one timer for the next due step — and watch events and
// timers only trigger syncs. It posts a status only when it changed (as
// upstream's status manager does), generates one only when a step changed what
// it shows, and syncs on no watch event that brings nothing new. A failed
// node's kubelet does nothing until restored.

import { jsonEqual } from '../apply-merge';
import { parseRfc3339 } from '../clock';
import { isNodeFailed } from '../nodes';
import { NamespacedMap } from '../store/namespaced-map';
import type { Clock, EventRecorder, KubeObject, ObjectStore, Rng, WatchEvent } from '../types';
import { createBackoff } from './backoff';
import { advance, allStopped, applySpecChanges, connect, createPodRuntime, logLines, nextDue, terminate, type PodRuntime, type WorkerContext } from './pod-runtime';
import type { KubeletState } from './saved-state';
import { generateStatus, hostAddresses, type HostAddresses } from './status';
import type { StatusMemo } from './status-memo';
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

/** What a kubelet reads from its Node object. */
interface NodeView extends HostAddresses {
  failed: boolean;
  /** The first three octets of the node's podCIDR: host-local IPAM hands out `<prefix>.N`. */
  podNetwork: string;
}

function viewOf(node: KubeObject | undefined): NodeView | undefined {
  if (!node) return undefined;
  const cidr: string = node.spec?.podCIDR ?? '10.244.0.0/24';
  return {
    failed: isNodeFailed(node),
    ...hostAddresses((node.status?.addresses ?? []).find((a: any) => a.type === 'InternalIP')?.address ?? ''),
    podNetwork: cidr.split('/')[0].split('.').slice(0, 3).join('.'),
  };
}

/**
 * The kubelet's pod worker: the runtime and what the kubelet keeps beside it
 * (not saved; a restore starts afresh). It is its pod's status memo too, one
 * object per pod rather than two, with every field set from the start so all
 * workers share one shape.
 */
class PodWorker implements StatusMemo {
  startTime: string | undefined = undefined;
  podIPs: StatusMemo['podIPs'] = undefined;
  containers: StatusMemo['containers'];
  /** The armed timer and its instant (fields, not an object allocated on every arm). */
  timerId: number | undefined = undefined;
  timerAtMs = 0;
  /**
   * The timer's callback and label, made on the first arm and kept until no
   * step is due: a starting pod re-arms several times, a settled one keeps none.
   */
  wake: (() => void) | undefined = undefined;
  timerLabel: string | undefined = undefined;
  /** The pod as the last sync left it (as read, or as its status write stored it). */
  synced: KubeObject | undefined = undefined;
  /**
   * The node view that sync generated the status with: while the runtime
   * shows nothing new and the pod still carries that status, generating
   * again would give the same status.
   */
  statusNode: NodeView | undefined = undefined;
  /**
   * The resourceVersion of the last status write: the watch event it causes
   * carries nothing the kubelet does not already know, so it triggers no sync
   * (the status manager's writes do not wake the pod worker upstream either).
   */
  writtenVersion: string | undefined = undefined;

  constructor(readonly rt: PodRuntime) {
    // Sized once: the first id stored in an empty array would grow it to 17 slots.
    this.containers = new Array(rt.containers.length);
  }
}

const podKey = (namespace: string, name: string) => `${namespace}/${name}`;
const namespaceOf = (pod: KubeObject): string => pod.metadata.namespace ?? 'default';

export function createKubelet(deps: KubeletDeps): Kubelet {
  const { nodeName, store, clock, events, saved } = deps;
  // By the pods' own namespace and name strings: a watch event finds its worker without building a key.
  const workers = new NamespacedMap<PodWorker>();
  for (const rt of Object.values(saved?.pods ?? {})) workers.set(rt.namespace, rt.name, new PodWorker(rt));
  const images = new Set<string>(saved?.images);
  const backoff = createBackoff(undefined, undefined, saved?.backoff);
  let lastIP = saved?.lastIP ?? 1;
  const source = { component: 'kubelet', host: nodeName };

  // The node as of the last Node event this kubelet received (its node informer upstream).
  let node = viewOf(store.get('Node', undefined, nodeName));

  // host-local IPAM: sequential addresses from .2 of the node's podCIDR, never reused while the kubelet runs.
  // The pods already here are read once per kubelet, not on every allocation (that cost grew with the node).
  let scannedIPs = false;
  const allocateIP = () => {
    const base = node?.podNetwork ?? '10.244.0';
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

  // The pod the running sync works on: every runtime step happens inside a sync, and its events
  // name the pod as stored then (nothing a step does writes the pod).
  let syncing: KubeObject | undefined;
  const ctx: WorkerContext = {
    images,
    backoff,
    hostIP: node?.hostIP ?? '',
    allocateIP,
    event: (type, reason, message) => {
      if (syncing) events.record(syncing, type, reason, message, source);
    },
  };

  const forget = (namespace: string, name: string) => {
    const w = workers.get(namespace, name);
    if (!w) return;
    backoff.forget(`${w.rt.uid}/`);
    if (w.timerId !== undefined) clock.cancel(w.timerId);
    workers.delete(namespace, name);
  };

  const arm = (w: PodWorker, atMs: number) => {
    if (w.timerId !== undefined) {
      if (w.timerAtMs === atMs) return;
      clock.cancel(w.timerId);
      w.timerId = undefined;
    }
    if (atMs === Infinity) {
      w.wake = w.timerLabel = undefined;
      return;
    }
    w.timerAtMs = atMs;
    w.timerId = clock.at(atMs, (w.wake ??= () => {
      w.timerId = undefined;
      const pod = store.get('Pod', w.rt.namespace, w.rt.name);
      if (pod) sync(pod, w);
    }), (w.timerLabel ??= `kubelet ${nodeName} ${podKey(w.rt.namespace, w.rt.name)}`));
  };

  /**
   * Syncs `pod`, a stored pod, whose worker is `w` if it has one. Watch
   * events may be stale by the time they are delivered: every sync works on
   * the stored pod.
   */
  const sync = (pod: KubeObject, w: PodWorker | undefined) => {
    if (!node || node.failed || pod.spec?.nodeName !== nodeName) return;
    const namespace = namespaceOf(pod);
    if (w && w.rt.uid !== pod.metadata.uid) {
      forget(namespace, pod.metadata.name);
      w = undefined;
    }
    const now = clock.now();
    // A runtime created from this very spec has nothing of it to apply.
    let specApplied = false;
    if (!w) {
      // A pod that already finished (seen again after a restore) is left as it is.
      if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return finishIfDeleted(pod, undefined);
      w = new PodWorker(createPodRuntime(pod, now));
      workers.set(namespace, pod.metadata.name, w);
      specApplied = true;
    }
    const rt = w.rt;
    syncing = pod;
    let shownChanged = advance(rt, ctx, now);
    // A spec the last sync applied has nothing new: applying leaves every container's image as that spec's.
    if (!specApplied && pod.spec !== w.synced?.spec) applySpecChanges(rt, pod, ctx, now);
    if (pod.metadata.deletionTimestamp && !rt.terminating) {
      const deadline = parseRfc3339(pod.metadata.deletionTimestamp);
      const grace = deadline !== undefined ? Math.max(0, (deadline - now) / 1000) : (pod.metadata.deletionGracePeriodSeconds ?? TIMINGS.gracePeriodSeconds);
      terminate(rt, ctx, now, grace);
      shownChanged = true;
    }
    syncing = undefined;
    let current = pod;
    // Generating the status again from what it was generated from would give the same status.
    if (shownChanged || w.synced === undefined || pod.status !== w.synced.status || w.statusNode !== node) {
      const status = generateStatus(rt, pod.status, node, now, w);
      if (!jsonEqual(status, pod.status)) {
        current = store.updateStatus({ ...pod, status });
        w.writtenVersion = current.metadata.resourceVersion;
      }
      w.statusNode = node;
    }
    w.synced = current;
    if (finishIfDeleted(current, rt)) return;
    arm(w, nextDue(rt));
  };

  // The kubelet's final grace-0 delete once every container has stopped; the
  // store removes the pod then, or once the last finalizer goes.
  const finishIfDeleted = (pod: KubeObject, rt: PodRuntime | undefined): boolean => {
    if (!pod.metadata.deletionTimestamp || (rt && !allStopped(rt))) return false;
    forget(namespaceOf(pod), pod.metadata.name);
    if (pod.metadata.deletionGracePeriodSeconds !== 0) store.update({ ...pod, metadata: { ...pod.metadata, deletionGracePeriodSeconds: 0 } });
    return true;
  };

  const resync = () => {
    for (const p of store.list('Pod', { fieldNodeName: nodeName })) sync(p, workers.get(namespaceOf(p), p.metadata.name));
  };

  // A sync changes nothing while the pod is as the last sync left it and none of its steps
  // is due: so it skips the events of writes that sync already read (a bind's status
  // write queued behind the bind, say).
  const upToDate = (w: PodWorker, pod: KubeObject) => pod === w.synced && (w.timerId === undefined || w.timerAtMs > clock.now());

  const onNodeEvent = (e: WatchEvent) => {
    if (e.object.metadata.name !== nodeName) return;
    node = viewOf(store.get('Node', undefined, nodeName));
    ctx.hostIP = node?.hostIP ?? '';
    if (e.type === 'DELETED' || isNodeFailed(e.object)) workers.forEach((_ns, _name, w) => arm(w, Infinity));
    else resync();
  };

  const subscribe = deps.subscribe ?? ((h: (e: WatchEvent) => void) => store.watch(h, ['Pod', 'Node']));
  const unwatch = subscribe((e) => {
    if (e.object.kind === 'Node') return onNodeEvent(e);
    const { name, uid, resourceVersion } = e.object.metadata;
    const namespace = namespaceOf(e.object);
    const w = workers.get(namespace, name);
    if (e.type === 'DELETED') {
      if (w?.rt.uid === uid) forget(namespace, name);
      return;
    }
    if (e.type === 'MODIFIED' && w?.writtenVersion === resourceVersion) return;
    if (e.object.spec?.nodeName !== nodeName) return;
    const pod = store.get('Pod', namespace, name);
    if (!pod || pod.metadata.uid !== uid || (w && upToDate(w, pod))) return;
    sync(pod, w);
  });

  const findContainer = (namespace: string, name: string, container?: string) => {
    const pod = store.get('Pod', namespace, name);
    if (!pod) return { error: `pods "${name}" not found` } as const;
    const rt = workers.get(namespace, name)?.rt;
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
      const rt = workers.get(namespace, name)?.rt;
      if (!rt) return { ok: false, message: store.get('Pod', namespace, name) ? `pod ${name} is not running` : `pods "${name}" not found` };
      // The request goes to whichever container listens on the port (they share the pod's network).
      const now = clock.now();
      for (const c of rt.containers) {
        const a = connect(rt, c, port, now, from, { path });
        if (!a.refused) return { ok: true, status: a.status, body: a.body };
      }
      return { ok: false, message: `dial tcp ${rt.podIP ?? ''}:${port}: connect: connection refused` };
    },
    state() {
      const pods: Record<string, PodRuntime> = {};
      workers.forEach((namespace, name, w) => (pods[podKey(namespace, name)] = w.rt));
      return { lastIP, images: [...images], backoff: backoff.entries(), pods };
    },
    stop() {
      unwatch();
      // Maps visit on past an entry deleted while they are visited.
      workers.forEach((namespace, name) => forget(namespace, name));
    },
  };
}
