// One kubelet per Node object: started when a node appears, stopped when it is
// removed (kubelet/kubelet.ts does the pod lifecycle). The fleet holds one
// store watch for every kubelet and routes each Pod event to the kubelet of the
// pod's node and each Node event to that node's kubelet, so an event costs one
// kubelet however large the cluster is (the apiserver's per-node watch cache,
// `spec.nodeName=<node>` field-selected watches). Each kubelet's in-memory
// state is saved with the cluster and handed back to the kubelet of the same
// node after a restore (kubelet/saved-state.ts).

import { createKubelet, type Kubelet } from './kubelet/kubelet';
import { loadKubelet, saveKubelet, type KubeletState, type SavedKubelet } from './kubelet/saved-state';
import type { ClusterComponent, ClusterCore } from './cluster';
import type { WatchEvent } from './types';

export interface KubeletFleet extends ClusterComponent {
  get(nodeName: string): Kubelet | undefined;
  /** Each kubelet's saved state by node name (JSON-safe; ClusterState.components.kubelets). */
  save(): Record<string, SavedKubelet>;
  /** Hands saved states to the kubelets started from now on (before the restore's resync). */
  load(saved: unknown): void;
}

/** The node whose kubelet receives an event (none for unscheduled pods). */
function routedNode(e: WatchEvent): string | undefined {
  return e.object.kind === 'Node' ? e.object.metadata.name : e.object.spec?.nodeName || undefined;
}

export function startKubelets(core: ClusterCore): KubeletFleet {
  const kubelets = new Map<string, Kubelet>();
  const handlers = new Map<string, (e: WatchEvent) => void>();
  let stopRouting: (() => void) | undefined;
  // Saved states not yet claimed: each is used once, by the first kubelet of its node.
  const pending = new Map<string, KubeletState>();

  // Registered with the first kubelet, so routed events reach kubelets where
  // their own watches used to stand: after every component started before them.
  const route = () =>
    core.store.watch((e) => {
      const node = routedNode(e);
      if (node !== undefined) handlers.get(node)?.(e);
    }, ['Pod', 'Node']);

  const ensure = (nodeName: string) => {
    let k = kubelets.get(nodeName);
    if (!k) {
      stopRouting ??= route();
      const subscribe = (h: (e: WatchEvent) => void) => {
        handlers.set(nodeName, h);
        return () => {
          if (handlers.get(nodeName) === h) handlers.delete(nodeName);
        };
      };
      const saved = pending.get(nodeName);
      pending.delete(nodeName);
      k = createKubelet({ nodeName, store: core.store, clock: core.clock, rng: core.rng, events: core.events, subscribe, saved });
      kubelets.set(nodeName, k);
    }
    return k;
  };
  const drop = (nodeName: string) => {
    kubelets.get(nodeName)?.stop();
    kubelets.delete(nodeName);
  };
  const stopWatch = core.store.watch((e: WatchEvent) => {
    if (e.type === 'DELETED') drop(e.object.metadata.name);
    else if (e.type === 'ADDED') ensure(e.object.metadata.name).resync();
  }, ['Node']);
  return {
    get: (n) => kubelets.get(n),
    save: () => Object.fromEntries([...kubelets].map(([n, k]) => [n, saveKubelet(k.state())])),
    load(saved) {
      pending.clear();
      if (!saved || typeof saved !== 'object') return;
      for (const [n, s] of Object.entries(saved)) {
        const state = loadKubelet(s);
        if (state) pending.set(n, state);
      }
    },
    resync() {
      for (const n of core.store.list('Node')) ensure(n.metadata.name).resync();
    },
    stop() {
      stopWatch();
      stopRouting?.();
      for (const n of [...kubelets.keys()]) drop(n);
    },
  };
}
