// Object identity inside the store: kinds are either namespaced or cluster
// scoped, and a name is unique per (kind, namespace).

/** Cluster-scoped kinds the simulator stores; every other kind is namespaced. */
const CLUSTER_SCOPED = new Set(['Namespace', 'Node', 'PersistentVolume', 'ClusterRole', 'ClusterRoleBinding', 'StorageClass']);

export function isNamespacedKind(kind: string): boolean {
  return !CLUSTER_SCOPED.has(kind);
}

/** `ns/name` for namespaced objects, `name` for cluster-scoped ones. */
export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}
