// kube-proxy's state outside the API objects: the ClientIP session affinity
// table (the kernel's iptables `recent` lists in the real one). It is saved
// with the cluster as ClusterState.components.kubeProxy and loaded back on
// restore, so `request svc/kubia --from 10.0.0.5` run as three separate CLI
// commands reaches the same pod three times, as it would against a real
// cluster (runtime-semantics §8). Entries carry virtual times, so a
// `time advance` past timeoutSeconds lets the client move on.

import { liveAffinity, requestServiceTimes, type AffinityEntry, type AffinityTable, type ProxyDeps, type RequestResult, type RequestTarget } from './requests';

export interface KubeProxy {
  /** `count` requests to a Service from one client, remembering the endpoints they were pinned to. */
  requestService(target: RequestTarget, count: number): RequestResult[];
  /** The live affinity entries (JSON-safe; ClusterState.components.kubeProxy). */
  save(): SavedKubeProxy;
  /** Replaces the table with a saved one (before the restore's resync); anything malformed is dropped. */
  load(saved: unknown): void;
}

export interface SavedKubeProxy {
  affinity: AffinityTable;
}

function isEntry(v: unknown): v is AffinityEntry {
  const e = v as Partial<AffinityEntry> | null;
  return !!e && typeof e === 'object' && typeof e.ip === 'string' && typeof e.lastMs === 'number' && typeof e.timeoutSeconds === 'number';
}

function loadAffinity(saved: unknown): AffinityTable {
  const table = (saved as Partial<SavedKubeProxy> | null)?.affinity;
  if (!table || typeof table !== 'object') return {};
  return Object.fromEntries(Object.entries(table).filter(([, e]) => isEntry(e)).map(([k, e]) => [k, { ...e }]));
}

export function createKubeProxy(deps: ProxyDeps): KubeProxy {
  let affinity: AffinityTable = {};
  return {
    requestService(target, count) {
      const r = requestServiceTimes(deps, affinity, target, count);
      affinity = r.affinity;
      return r.results;
    },
    // Expired entries are dropped rather than saved: they can never pin a client again.
    save: () => ({ affinity: liveAffinity(affinity, deps.clock.now()) }),
    load(saved) {
      affinity = loadAffinity(saved);
    },
  };
}
