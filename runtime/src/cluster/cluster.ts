// The composition of the simulated cluster: store, clock, seeded random,
// events, nodes, admission, and the components that react to watch events
// (namespace controller, garbage collector, scheduler, one kubelet per node,
// the workload, Service and node lifecycle controllers, and whatever else a
// caller registers as ComponentFactory values).
//
// Time only moves through `advance`; `tick` delivers queued watch events and
// runs timers already due, until nothing is left to do. Components keep no
// state that cannot be rebuilt from the store: after a restore each one's
// `resync` re-derives its indexes and re-arms its timers.

import { DEFAULT_MINOR } from '../api/field';
import { applyObject, createObject, replaceObject, scaleObject, type AdmissionContext, type AdmissionResult, type WriteOptions } from './admission';
import { createClock, DEFAULT_EPOCH_MS, type VirtualClock } from './clock';
import { deleteObject, type DeleteOptions, type DeleteResult } from './deletion';
import { createEventRecorder, type ClusterEventRecorder } from './events';
import { startGarbageCollector } from './garbage-collector';
import { startKubelets, type KubeletFleet } from './kubelets';
import { WORKLOAD_CONTROLLERS } from './controllers';
import { startNodeLifecycleController } from './controllers/node-lifecycle';
import { createScheduler } from './scheduler/scheduler';
import { SERVICE_CONTROLLERS } from './services';
import { createKubeProxy, type KubeProxy } from './services/proxy';
import { kubernetesService, startKubernetesServiceController } from './kubernetes-service';
import { BUILTIN_NAMESPACES, buildNamespace, startNamespaceController } from './namespaces';
import { createNodeOps, DEFAULT_NODE_COUNT, DEFAULT_NODE_SHAPE, defaultNodeName, type NodeOps, type NodeShape } from './nodes';
import { createPodBodyMemo, type PodBodyMemo } from './pod-body-memo';
import { createRng, restoreRng, type RngState, type SeededRng } from './random';
import type { ResourceInfo } from './resources';
import { createStore, type MemoryStore, type StoreDump } from './store/store';

/** What every component gets: the shared parts of one cluster. */
export interface ClusterCore {
  store: MemoryStore;
  clock: VirtualClock;
  rng: SeededRng;
  events: ClusterEventRecorder;
  nodes: NodeOps;
  minor: number;
  /** What admission remembers of Pod manifests, shared by user requests and controllers. */
  podBodies: PodBodyMemo;
}

export interface ClusterComponent {
  /** Re-derive indexes and timers from the store (called once after start and after a restore). */
  resync?(): void;
  stop?(): void;
}

export type ComponentFactory = (core: ClusterCore) => ClusterComponent;

export interface ClusterOptions {
  seed?: string | number;
  /** Number of worker nodes created at bootstrap (3), or their names. */
  nodes?: number | string[];
  nodeShape?: NodeShape;
  /** Start of virtual time, epoch ms (2026-01-01T00:00:00Z). */
  startMs?: number;
  minor?: number;
  /**
   * false starts only the API machinery, scheduler and kubelets, without the
   * kube-controller-manager's controllers (unit tests of one controller).
   */
  controllers?: boolean;
  /** Started in order after the built-in ones; a factory already built in is not started twice. */
  components?: ComponentFactory[];
  /**
   * Keep the store's change journal for `store.takeChanges()` (persistence
   * turns it on); off, the journal stays empty and costs nothing.
   */
  recordChanges?: boolean;
}

/** Everything needed to rebuild a cluster exactly: the persistence format's payload. */
export interface ClusterState {
  seed: string;
  nowMs: number;
  rng: RngState;
  store: StoreDump;
  /**
   * What components hold outside the API objects, by component (JSON-safe):
   * `kubelets` = each node's container runtime (kubelets.ts), `kubeProxy` =
   * the ClientIP session affinity table (services/proxy.ts). Absent in
   * state saved before it existed; those components then start fresh.
   */
  components?: Record<string, unknown>;
}

export interface Cluster extends ClusterCore {
  readonly seed: string;
  /** The kubelet of each node (logs, requests). */
  kubelets: KubeletFleet;
  /** Service traffic (`request svc/NAME`) and its session affinity. */
  proxy: KubeProxy;
  admission: AdmissionContext;
  create(obj: unknown, opts?: WriteOptions): AdmissionResult;
  apply(obj: unknown, opts?: WriteOptions): AdmissionResult;
  replace(obj: unknown, opts?: WriteOptions): AdmissionResult;
  /** The scale subresource (`kubectl scale`). */
  scale(info: ResourceInfo, namespace: string | undefined, name: string, replicas: number): AdmissionResult;
  delete(info: ResourceInfo, namespace: string | undefined, name: string, opts?: DeleteOptions): DeleteResult;
  /** Delivers watch events and runs due timers until quiescent. */
  tick(): void;
  /** Moves virtual time forward, running every timer due in between in order. */
  advance(ms: number): void;
  /**
   * Moves virtual time from timer to timer until `done()` holds, at most
   * `maxMs` ahead (what a waiting client sees pass); returns whether it holds.
   */
  advanceUntil(done: () => boolean, maxMs: number): boolean;
  state(): ClusterState;
  /** ClusterState.components alone (the persistence journal records it with every command). */
  componentState(): Record<string, unknown>;
  stop(): void;
}

/** kube-controller-manager's controllers the cluster runs unless told otherwise. */
const CONTROLLER_MANAGER: readonly ComponentFactory[] = [...WORKLOAD_CONTROLLERS, ...SERVICE_CONTROLLERS, startNodeLifecycleController];

/** Wires the parts; `resync` is run once the store holds its initial or restored contents. */
function assemble(seed: string, rng: SeededRng, clock: VirtualClock, opts: ClusterOptions): { cluster: Cluster; resync: () => void } {
  const store = createStore({ clock, rng, recordChanges: opts.recordChanges ?? false });
  const events = createEventRecorder({ store, clock });
  const nodes = createNodeOps({ store, clock, events });
  const minor = opts.minor ?? DEFAULT_MINOR;
  const podBodies = createPodBodyMemo();
  const core: ClusterCore = { store, clock, rng, events, nodes, minor, podBodies };
  const admission: AdmissionContext = { store, rng, clock, minor, podBodies };
  const kubelets = startKubelets(core);
  const components: ClusterComponent[] = [kubelets];
  const proxy = createKubeProxy({ store, rng, clock, kubelets });

  const tick = () => {
    for (;;) {
      const delivered = store.drain();
      const ran = clock.runNext(clock.now());
      if (!delivered && !ran) return;
    }
  };

  const cluster: Cluster = {
    ...core,
    seed,
    kubelets,
    proxy,
    admission,
    create: (obj, o) => settle(createObject(admission, obj, o)),
    apply: (obj, o) => settle(applyObject(admission, obj, o)),
    replace: (obj, o) => settle(replaceObject(admission, obj, o)),
    scale: (info, ns, name, n) => settle(scaleObject(admission, info, ns, name, n)),
    delete: (info, ns, name, o) => settle(deleteObject({ store, clock }, info, ns, name, o)),
    tick,
    advance(ms) {
      const target = clock.now() + Math.max(0, ms);
      tick();
      while (clock.runNext(target)) tick();
      clock.setNow(target);
      tick();
    },
    advanceUntil(done, maxMs) {
      const limit = clock.now() + Math.max(0, maxMs);
      tick();
      for (;;) {
        if (done()) return true;
        const next = clock.nextDueAt();
        if (next === undefined || next > limit) return false;
        cluster.advance(next - clock.now());
      }
    },
    state: () => ({ seed, nowMs: clock.now(), rng: rng.state(), store: store.dump(), components: cluster.componentState() }),
    componentState: () => ({ kubelets: kubelets.save(), kubeProxy: proxy.save() }),
    stop() {
      for (const c of components) c.stop?.();
    },
  };
  // Writes take effect for observers before the caller sees the result.
  function settle<T>(r: T): T {
    tick();
    return r;
  }

  const builtins: ComponentFactory[] = [
    () => startNamespaceController({ store, clock }),
    () => startGarbageCollector({ store, clock }),
    () => startKubernetesServiceController({ store }),
    () => createScheduler({ store, clock, events, rng }),
    ...(opts.controllers === false ? [] : CONTROLLER_MANAGER),
  ];
  for (const f of [...builtins, ...(opts.components ?? [])]) components.push(f(core));
  const resync = () => {
    events.resync();
    nodes.resync();
    for (const c of components) c.resync?.();
    tick();
  };
  return { cluster, resync };
}

/** A fresh cluster: built-in namespaces, the kubernetes Service and the worker nodes. */
export function createCluster(opts: ClusterOptions = {}): Cluster {
  const seed = String(opts.seed ?? 'kubelab');
  const clock = createClock(opts.startMs ?? DEFAULT_EPOCH_MS);
  const { cluster: c, resync } = assemble(seed, createRng(seed), clock, opts);
  for (const ns of BUILTIN_NAMESPACES) c.store.create(buildNamespace(ns));
  c.store.create(kubernetesService());
  const names = Array.isArray(opts.nodes) ? opts.nodes : Array.from({ length: opts.nodes ?? DEFAULT_NODE_COUNT }, (_, i) => defaultNodeName(i));
  for (const n of names) c.nodes.add(n, { shape: opts.nodeShape ?? DEFAULT_NODE_SHAPE });
  resync();
  return c;
}

/** Rebuilds a cluster from saved state; components re-derive their timers from the objects. */
export function restoreCluster(state: ClusterState, opts: Omit<ClusterOptions, 'seed' | 'startMs' | 'nodes'> = {}): Cluster {
  const { cluster: c, resync } = assemble(state.seed, restoreRng(state.rng), createClock(state.nowMs), opts);
  c.store.load(state.store);
  c.kubelets.load(state.components?.kubelets);
  c.proxy.load(state.components?.kubeProxy);
  resync();
  return c;
}
