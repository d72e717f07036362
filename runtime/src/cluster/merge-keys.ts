// How strategic merge patch treats each list of our kinds: the
// `patchStrategy` / `patchMergeKey` struct tags of the Go API types, which
// kubectl apply reads from the OpenAPI extensions `x-kubernetes-patch-strategy`
// and `x-kubernetes-patch-merge-key`. A list not in the table is atomic: the
// manifest's list replaces the live one (tolerations, args, command, envFrom,
// Endpoints subsets…). Paths are dotted field names, `[]` marking a list element.

/** `key`: elements are matched by one field; `set`: a list of scalars merged as a set. */
export type ListStrategy = { merge: 'key'; key: string; retainKeys?: boolean } | { merge: 'set' };

export type ListStrategies = ReadonlyMap<string, ListStrategy>;

const byKey = (key: string, retainKeys = false): ListStrategy => (retainKeys ? { merge: 'key', key, retainKeys } : { merge: 'key', key });

/** k8s.io/apimachinery ObjectMeta. */
const OBJECT_META: Record<string, ListStrategy> = {
  finalizers: { merge: 'set' },
  ownerReferences: byKey('uid'),
};

/** k8s.io/api/core/v1 Container (and EphemeralContainer, which shares its fields). */
const CONTAINER: Record<string, ListStrategy> = {
  ports: byKey('containerPort'),
  env: byKey('name'),
  volumeMounts: byKey('mountPath'),
  volumeDevices: byKey('devicePath'),
};

/** k8s.io/api/core/v1 PodSpec; `volumes` and `resourceClaims` also carry `retainKeys`. */
const POD_SPEC: Record<string, ListStrategy> = {
  volumes: byKey('name', true),
  initContainers: byKey('name'),
  containers: byKey('name'),
  ephemeralContainers: byKey('name'),
  imagePullSecrets: byKey('name'),
  hostAliases: byKey('ip'),
  topologySpreadConstraints: byKey('topologyKey'),
  resourceClaims: byKey('name', true),
  schedulingGates: byKey('name'),
};

/** k8s.io/api/core/v1 ServiceSpec: ports merge by port number alone (kubectl's known limit for TCP+UDP on one port). */
const SERVICE_SPEC: Record<string, ListStrategy> = { ports: byKey('port') };

/** Where each kind nests ObjectMeta (besides its own `metadata`), PodSpecs and a ServiceSpec, per the API types. */
const LAYOUT: Record<string, { meta?: string[]; podSpec?: string[]; serviceSpec?: string }> = {
  Pod: { podSpec: ['spec'] },
  ReplicationController: { meta: ['spec.template.metadata'], podSpec: ['spec.template.spec'] },
  ReplicaSet: { meta: ['spec.template.metadata'], podSpec: ['spec.template.spec'] },
  DaemonSet: { meta: ['spec.template.metadata'], podSpec: ['spec.template.spec'] },
  Job: { meta: ['spec.template.metadata'], podSpec: ['spec.template.spec'] },
  CronJob: { meta: ['spec.jobTemplate.metadata', 'spec.jobTemplate.spec.template.metadata'], podSpec: ['spec.jobTemplate.spec.template.spec'] },
  Service: { serviceSpec: 'spec' },
};

/** A struct's list fields placed at `prefix`. */
const at = (prefix: string, lists: Record<string, ListStrategy>): [string, ListStrategy][] =>
  Object.entries(lists).map(([field, s]) => [`${prefix}.${field}`, s]);

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'];

const podSpecLists = (prefix: string): [string, ListStrategy][] => [
  ...at(prefix, POD_SPEC),
  ...CONTAINER_LISTS.flatMap((c) => at(`${prefix}.${c}[]`, CONTAINER)),
];

function buildStrategies(kind: string): ListStrategies {
  const layout = LAYOUT[kind] ?? {};
  return new Map([
    ...['metadata', ...(layout.meta ?? [])].flatMap((m) => at(m, OBJECT_META)),
    ...(layout.podSpec ?? []).flatMap(podSpecLists),
    ...(layout.serviceSpec ? at(layout.serviceSpec, SERVICE_SPEC) : []),
  ]);
}

const cache = new Map<string, ListStrategies>();

/** The non-atomic lists of one kind, by path (built once per kind). */
export function listStrategies(kind: string): ListStrategies {
  let s = cache.get(kind);
  if (!s) cache.set(kind, (s = buildStrategies(kind)));
  return s;
}
