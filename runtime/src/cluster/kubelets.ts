// One kubelet per Node object: started when a node appears, stopped when it is
// removed (engineer G's kubelet does the pod lifecycle).

import { createKubelet, type Kubelet } from './kubelet/kubelet';
import type { ClusterComponent, ClusterCore } from './cluster';
import type { WatchEvent } from './types';

export interface KubeletFleet extends ClusterComponent {
  get(nodeName: string): Kubelet | undefined;
}

export function startKubelets(core: ClusterCore): KubeletFleet {
  const kubelets = new Map<string, Kubelet>();
  const ensure = (nodeName: string) => {
    let k = kubelets.get(nodeName);
    if (!k) {
      k = createKubelet({ nodeName, store: core.store, clock: core.clock, rng: core.rng, events: core.events });
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
    resync() {
      for (const n of core.store.list('Node')) ensure(n.metadata.name).resync();
    },
    stop() {
      stopWatch();
      for (const n of [...kubelets.keys()]) drop(n);
    },
  };
}
