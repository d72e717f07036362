// The resources the simulated cluster serves: the eight manifest kinds of
// runtime/api plus the kinds only the cluster writes (Node, Event, Endpoints).
// kubectl names them by plural, singular, short name or kind, optionally
// qualified by group (`rs`, `replicasets.apps`, `replicaset`).

import { KINDS, type ResourceInfo } from '../api/kinds';

export type { ResourceInfo };

/** Served by the simulated API server though no manifest check covers them. */
const CLUSTER_ONLY: readonly ResourceInfo[] = [
  { kind: 'Node', group: '', version: 'v1', apiVersion: 'v1', namespaced: false, resource: 'nodes', shortNames: ['no'] },
  { kind: 'Event', group: '', version: 'v1', apiVersion: 'v1', namespaced: true, resource: 'events', shortNames: ['ev'] },
  { kind: 'Endpoints', group: '', version: 'v1', apiVersion: 'v1', namespaced: true, resource: 'endpoints', shortNames: ['ep'] },
];

let table: readonly ResourceInfo[] | undefined;

function allResources(): readonly ResourceInfo[] {
  if (!table) {
    table = [...KINDS, ...CLUSTER_ONLY.filter((c) => !KINDS.some((k) => k.kind === c.kind))];
  }
  return table;
}

export function resourceForKind(kind: string): ResourceInfo | undefined {
  return allResources().find((r) => r.kind === kind);
}

/** Resolves what a user typed after `kubectl get`: plural, singular, short name or kind, any case, `.group` allowed. */
export function resolveResource(arg: string): ResourceInfo | undefined {
  const lower = arg.toLowerCase();
  const dot = lower.indexOf('.');
  const name = dot < 0 ? lower : lower.slice(0, dot);
  const group = dot < 0 ? undefined : lower.slice(dot + 1);
  return allResources().find(
    (r) =>
      (group === undefined || r.group === group) &&
      (r.resource === name || r.kind.toLowerCase() === name || r.shortNames.includes(name)),
  );
}

/** `pods`, `replicasets.apps`: how API errors name a resource. */
export function qualifiedResource(r: ResourceInfo): string {
  return r.group ? `${r.resource}.${r.group}` : r.resource;
}

/** `pod`, `replicaset.apps`: how kubectl's success lines name a kind. */
export function qualifiedKind(r: ResourceInfo): string {
  const k = r.kind.toLowerCase();
  return r.group ? `${k}.${r.group}` : k;
}

/**
 * kubectl's `all` category, in discovery order: the core group's resources
 * alphabetically, then apps, then batch (Deployments, StatefulSets and HPAs
 * belong to it upstream but are not served here).
 */
export const ALL_CATEGORY: readonly string[] = ['Pod', 'ReplicationController', 'Service', 'DaemonSet', 'ReplicaSet', 'CronJob', 'Job'];
