// The eight kinds kubelab knows, as the API server's REST mapper sees them:
// group/version, plural resource, kubectl short names, scope and name format
// (validation-rules §4). Everything else about a kind (schema, defaults,
// validation) hangs off this table.
import { removedVersion } from './deprecations';

export type NameFormat = 'subdomain' | 'dns1123label' | 'dns1035label';

/** What the REST mapper knows of a resource (the simulated cluster serves a few more than these eight). */
export interface ResourceInfo {
  kind: string;
  group: string;
  version: string;
  apiVersion: string;
  namespaced: boolean;
  /** Plural, as in URLs and `kubectl get replicationcontrollers`. */
  resource: string;
  shortNames: string[];
}

export interface KindInfo extends ResourceInfo {
  nameFormat: NameFormat;
  /** Definition name in the generated schema. */
  schemaRef: string;
}

function kind(
  kind: string,
  group: string,
  pkg: string,
  resource: string,
  shortNames: string[],
  opts: { namespaced?: boolean; nameFormat?: NameFormat } = {},
): KindInfo {
  const version = 'v1';
  return {
    kind,
    group,
    version,
    apiVersion: group ? `${group}/${version}` : version,
    namespaced: opts.namespaced ?? true,
    resource,
    shortNames,
    nameFormat: opts.nameFormat ?? 'subdomain',
    schemaRef: `${pkg}.${version}.${kind}`,
  };
}

const CORE = 'io.k8s.api.core';
const APPS = 'io.k8s.api.apps';
const BATCH = 'io.k8s.api.batch';

export const KINDS: readonly KindInfo[] = [
  kind('Pod', '', CORE, 'pods', ['po']),
  kind('ReplicationController', '', CORE, 'replicationcontrollers', ['rc']),
  kind('Service', '', CORE, 'services', ['svc'], { nameFormat: 'dns1035label' }),
  kind('Namespace', '', CORE, 'namespaces', ['ns'], { namespaced: false, nameFormat: 'dns1123label' }),
  kind('ReplicaSet', 'apps', APPS, 'replicasets', ['rs']),
  kind('DaemonSet', 'apps', APPS, 'daemonsets', ['ds']),
  kind('Job', 'batch', BATCH, 'jobs', []),
  kind('CronJob', 'batch', BATCH, 'cronjobs', ['cj']),
];

export type KindResolution =
  | { type: 'served'; info: KindInfo }
  | {
      type: 'removed';
      kind: string;
      apiVersion: string;
      /** The apiVersion to use instead. */
      replacement: string;
      /** Set when the kind itself was renamed (ScheduledJob → CronJob). */
      replacementKind?: string;
      removedIn: string;
      message: string;
    }
  | { type: 'unknown' };

/**
 * Kinds and versions match case-sensitively, like the API server's REST mapper:
 * `kind: pod` is unknown (`no matches for kind "pod" in version "v1"`).
 */
export function resolveKind(apiVersion: unknown, kind: unknown): KindResolution {
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return { type: 'unknown' };
  const info = KINDS.find((k) => k.apiVersion === apiVersion && k.kind === kind);
  if (info) return { type: 'served', info };
  const removed = removedVersion(apiVersion, kind);
  if (removed) return { type: 'removed', apiVersion, ...removed };
  return { type: 'unknown' };
}

export function kindByName(kind: string): KindInfo | undefined {
  return KINDS.find((k) => k.kind === kind);
}

/** For an unknown kind that differs from one of ours in this apiVersion only by case: its spelling. */
export function suggestKind(apiVersion: unknown, kind: unknown): string | undefined {
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  const lower = kind.toLowerCase();
  const match = KINDS.find((k) => k.apiVersion === apiVersion && k.kind !== kind && k.kind.toLowerCase() === lower);
  return match?.kind;
}
