// apiVersions of our eight kinds that Kubernetes no longer serves (validation-rules §14).
// An API server answers them like any unknown kind, with the REST mapper's
// NoKindMatchError `no matches for kind "K" in version "g/v"`; we append why and
// what to write instead. Removals of kinds that are not ours (Deployment, Ingress,
// ...) are deliberately absent: those documents get no findings at all.

interface Removal {
  kind: string;
  /** The versions that once served the kind, or 'any' when the kind name itself is gone. */
  apiVersions: readonly string[] | 'any';
  /** First release that no longer serves it. */
  removedIn: string;
  replacement: string;
  replacementKind?: string;
  /** What else changes when moving to the replacement. */
  note?: string;
}

const SELECTOR_NOTE = 'which requires spec.selector';

const REMOVALS: readonly Removal[] = [
  { kind: 'ReplicaSet', apiVersions: ['extensions/v1beta1', 'apps/v1beta2'], removedIn: '1.16', replacement: 'apps/v1', note: SELECTOR_NOTE },
  { kind: 'DaemonSet', apiVersions: ['extensions/v1beta1', 'apps/v1beta2'], removedIn: '1.16', replacement: 'apps/v1', note: SELECTOR_NOTE },
  // From issue history, not code: extensions/v1beta1 Job stopped being served around 1.8.
  { kind: 'Job', apiVersions: ['extensions/v1beta1'], removedIn: '1.8', replacement: 'batch/v1' },
  { kind: 'CronJob', apiVersions: ['batch/v1beta1'], removedIn: '1.25', replacement: 'batch/v1' },
  { kind: 'CronJob', apiVersions: ['batch/v2alpha1'], removedIn: '1.21', replacement: 'batch/v1' },
  // The alpha name of CronJob, renamed in 1.5.
  { kind: 'ScheduledJob', apiVersions: 'any', removedIn: '1.5', replacement: 'batch/v1', replacementKind: 'CronJob' },
];

export interface RemovedVersion {
  kind: string;
  replacement: string;
  replacementKind?: string;
  removedIn: string;
  message: string;
}

export function removedVersion(apiVersion: string, kind: string): RemovedVersion | undefined {
  const r = REMOVALS.find((x) => x.kind === kind && (x.apiVersions === 'any' || x.apiVersions.includes(apiVersion)));
  if (!r) return undefined;
  return { kind, replacement: r.replacement, replacementKind: r.replacementKind, removedIn: r.removedIn, message: removalMessage(apiVersion, r) };
}

/** `no matches for kind "ReplicaSet" in version "apps/v1beta2": apps/v1beta2 ReplicaSet was removed in Kubernetes 1.16; use apiVersion apps/v1 (which requires spec.selector)` */
function removalMessage(apiVersion: string, r: Removal): string {
  const noMatch = `no matches for kind "${r.kind}" in version "${apiVersion}"`;
  const what = r.replacementKind
    ? `${r.kind} was renamed ${r.replacementKind} in Kubernetes ${r.removedIn}; use kind ${r.replacementKind} with apiVersion ${r.replacement}`
    : `${apiVersion} ${r.kind} was removed in Kubernetes ${r.removedIn}; use apiVersion ${r.replacement}`;
  return `${noMatch}: ${what}${r.note ? ` (${r.note})` : ''}`;
}
