// The endpoints controller (runtime-semantics §8; upstream
// pkg/controller/endpoint/endpoints_controller.go syncService): one Endpoints
// object per Service with a selector, same name and labels, listing the IPs of
// the selected pods with each Service port resolved against that pod.
//
// Level-triggered: every watch event only names the Services to recompute
// (for a pod event, those that select it or list it, endpoints-queue.ts);
// `desiredEndpoints` recomputes from the current Service and pods, and the
// stored object is written only when it differs.

import { matches, selectorFromMap, type Selector } from '../../api/selectors';
import type { ClusterComponent, ClusterCore } from '../cluster';
import { isReady } from '../controllers/pod-state';
import { SelectorIndex } from '../controllers/selector-index';
import { createEndpointsQueue } from './endpoints-queue';
import type { KubeObject, ObjectStore, WatchEvent } from '../types';

/** The label the controller adds to the Endpoints of a headless Service (v1.IsHeadlessService). */
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';

export interface EndpointAddress {
  ip: string;
  hostname?: string;
  nodeName?: string;
  targetRef: { kind: 'Pod'; namespace: string; name: string; uid: string };
}

export interface EndpointPort {
  name?: string;
  port: number;
  protocol: string;
}

export interface EndpointSubset {
  addresses?: EndpointAddress[];
  notReadyAddresses?: EndpointAddress[];
  ports?: EndpointPort[];
}

/** Whether the controller manages this Service's Endpoints: it has a selector and is not ExternalName. */
function managesEndpoints(svc: KubeObject): boolean {
  return svc.spec?.type !== 'ExternalName' && svc.spec?.selector !== undefined && svc.spec?.selector !== null;
}

/**
 * endpointutil.ShouldPodBeInEndpoints: terminal pods and pods without an IP
 * never; terminating pods only when the Service publishes not-ready addresses.
 */
function belongsInEndpoints(pod: KubeObject, includeTerminating: boolean): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  if (!pod.status?.podIP) return false;
  return includeTerminating || !pod.metadata.deletionTimestamp;
}

/**
 * podutil.FindPort: a numeric targetPort is used as it is; a name is looked up
 * among the pod's container ports with the same protocol (undefined = the pod
 * lacks it, and is left out for that port only).
 */
export function findPort(pod: KubeObject, servicePort: { targetPort?: number | string; port: number; protocol?: string }): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  const protocol = servicePort.protocol ?? 'TCP';
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
  }
  return undefined;
}

function addressOf(pod: KubeObject, svc: KubeObject): EndpointAddress {
  const a: EndpointAddress = {
    ip: pod.status.podIP,
    targetRef: { kind: 'Pod', namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name, uid: pod.metadata.uid },
  };
  // The pod gets a DNS hostname under the Service only when its subdomain names it.
  if (pod.spec?.hostname && pod.spec?.subdomain === svc.metadata.name) a.hostname = pod.spec.hostname;
  if (pod.spec?.nodeName) a.nodeName = pod.spec.nodeName;
  return a;
}

/** endpoints.LessEndpointAddress: by IP (byte order), then by pod uid. */
const byIP = (a: EndpointAddress, b: EndpointAddress) =>
  a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : a.targetRef.uid < b.targetRef.uid ? -1 : a.targetRef.uid > b.targetRef.uid ? 1 : 0;

/**
 * The subsets for a Service over the given pods (already in its namespace):
 * each pod contributes one address per resolvable port, and addresses with
 * identical port sets are repacked into one subset (endpoints.RepackSubsets).
 */
export function desiredSubsets(svc: KubeObject, pods: readonly KubeObject[]): EndpointSubset[] {
  const publishNotReady = svc.spec?.publishNotReadyAddresses === true;
  const selector = selectorFromMap(svc.spec?.selector);
  const servicePorts: any[] = svc.spec?.ports ?? [];
  const groups = new Map<string, { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }>();
  for (const pod of pods) {
    if (!matches(selector, pod.metadata.labels) || !belongsInEndpoints(pod, publishNotReady)) continue;
    const ports: EndpointPort[] = [];
    for (const sp of servicePorts) {
      const port = findPort(pod, sp);
      if (port === undefined) continue;
      ports.push({ ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol ?? 'TCP' });
    }
    // A pod resolving none of several ports is left out entirely; a portless (headless) Service lists bare addresses.
    if (servicePorts.length > 0 && ports.length === 0) continue;
    const key = JSON.stringify(ports);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { ports, ready: [], notReady: [] }));
    (publishNotReady || isReady(pod) ? g.ready : g.notReady).push(addressOf(pod, svc));
  }
  return [...groups.values()].map((g) => {
    const s: EndpointSubset = {};
    if (g.ready.length) s.addresses = g.ready.sort(byIP);
    if (g.notReady.length) s.notReadyAddresses = g.notReady.sort(byIP);
    if (g.ports.length) s.ports = g.ports;
    return s;
  });
}

function endpointsLabels(svc: KubeObject): Record<string, string> | undefined {
  const labels: Record<string, string> = { ...svc.metadata.labels };
  if (svc.spec?.clusterIP === 'None') labels[HEADLESS_LABEL] = '';
  return Object.keys(labels).length ? labels : undefined;
}

/** The Endpoints object the controller wants for a Service; no subsets = an object without `subsets`. */
export function desiredEndpoints(svc: KubeObject, pods: readonly KubeObject[]): KubeObject {
  const subsets = desiredSubsets(svc, pods);
  const labels = endpointsLabels(svc);
  const obj: KubeObject = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: svc.metadata.name, namespace: svc.metadata.namespace, uid: '', resourceVersion: '', creationTimestamp: '', ...(labels ? { labels } : {}) },
  };
  if (subsets.length) obj.subsets = subsets;
  return obj;
}

const sameContent = (a: KubeObject, b: KubeObject) =>
  JSON.stringify(a.subsets ?? null) === JSON.stringify(b.subsets ?? null) &&
  JSON.stringify(a.metadata.labels ?? {}) === JSON.stringify(b.metadata.labels ?? {});

/**
 * syncService for one `ns/name` key: create, update or delete the Endpoints.
 * Returns the Endpoints the Service now has when the controller manages it.
 */
function reconcileEndpoints(store: ObjectStore, namespace: string, name: string): KubeObject | undefined {
  const svc = store.get('Service', namespace, name);
  const live = store.get('Endpoints', namespace, name);
  if (!svc) {
    if (live) store.remove('Endpoints', namespace, name);
    return undefined;
  }
  // Without a selector the Service is not ours: a hand-written Endpoints of that name is used as it is.
  if (!managesEndpoints(svc)) return undefined;
  // The label index hands over only the selected pods, in the same order as the whole namespace's list.
  const want = desiredEndpoints(svc, store.list('Pod', { namespace, selector: selectorFromMap(svc.spec.selector) }));
  if (!live) {
    store.create(want);
    return want;
  }
  if (sameContent(live, want)) return want;
  const next: KubeObject = { ...live, metadata: { ...live.metadata, labels: want.metadata.labels } };
  if (!want.metadata.labels) delete next.metadata.labels;
  if (want.subsets) next.subsets = want.subsets;
  else delete next.subsets;
  store.update(next);
  return want;
}

/** What the controller keeps of each Service: the selector of one it manages, and the pods its Endpoints lists. */
interface KnownService {
  selector?: Selector;
  listed: ReadonlySet<string>;
}

/** The names of the pods an Endpoints lists, ready or not. */
function listedPods(ep: KubeObject | undefined): Set<string> {
  const names = new Set<string>();
  for (const s of (ep?.subsets ?? []) as EndpointSubset[]) {
    for (const a of [...(s.addresses ?? []), ...(s.notReadyAddresses ?? [])]) if (a.targetRef?.name) names.add(a.targetRef.name);
  }
  return names;
}

const listsPod = (s: KnownService, pod: string) => s.listed.has(pod);

/** The controller as a cluster component: Service, Pod and Endpoints events queue Service keys. */
export function startEndpointsController(core: ClusterCore): ClusterComponent {
  const { store, clock } = core;
  const services = new SelectorIndex<KnownService>();

  const observeService = (svc: KubeObject) => {
    const ns = svc.metadata.namespace ?? 'default';
    const name = svc.metadata.name;
    const listed = services.get(ns, name)?.listed ?? listedPods(store.get('Endpoints', ns, name));
    services.set(ns, name, { selector: managesEndpoints(svc) ? selectorFromMap(svc.spec.selector) : undefined, listed });
  };
  const observeAll = () => {
    services.clear();
    for (const s of store.list('Service')) observeService(s);
  };

  const queue = createEndpointsQueue(clock, (namespace, name) => {
    const endpoints = reconcileEndpoints(store, namespace, name);
    const known = services.get(namespace, name);
    if (known && endpoints) services.set(namespace, name, { ...known, listed: listedPods(endpoints) });
  });

  // getPodServiceMemberships: the Services whose selector matches the pod's labels or whose Endpoints lists it.
  // A namespace without Services costs one lookup. One with Services queues its sweep even when the pod
  // concerns none of them: the sweep's timer holds this controller's turn among the controllers acting at
  // this instant, and the order of their writes (resourceVersions, watch order) depends on it.
  const onPod = (ns: string, { name, labels }: KubeObject['metadata']) => {
    if (services.has(ns)) queue.pod(ns, services.selecting(ns, labels, listsPod, name));
  };

  observeAll();
  const onEvent = (e: WatchEvent) => {
    const o = e.object;
    const meta = o.metadata;
    const ns = meta.namespace ?? 'default';
    if (o.kind === 'Pod') onPod(ns, meta);
    else if (o.kind === 'Service') {
      if (e.type === 'DELETED') services.set(ns, meta.name, undefined);
      else observeService(o);
      queue.service(ns, meta.name, e.type === 'ADDED');
    }
    // Someone else's edit or removal of a managed Endpoints is undone. An Endpoints without a Service is
    // left alone (upstream deletes it on its next update): users may write it before the Service.
    else if (store.get('Service', ns, meta.name)) queue.service(ns, meta.name, false);
  };
  const unwatch = store.watch(onEvent, ['Service', 'Pod', 'Endpoints']);
  return {
    // Orphaned Endpoints are kept on resync: the CLI restarts controllers on every command, and a
    // hand-written Endpoints created before its Service must survive that.
    resync() {
      observeAll();
      for (const s of store.list('Service')) queue.service(s.metadata.namespace ?? 'default', s.metadata.name, false);
    },
    stop() {
      unwatch();
      queue.stop();
    },
  };
}
