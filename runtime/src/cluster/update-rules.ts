// Update validation the API server adds on top of create validation
// (runtime-semantics §1 "Immutable fields"): selectors of RS/DS/Job, the Job
// template, a Service's cluster IP and most of a Pod's spec may not change.

import { forbidden, invalid, type FieldError } from '../api/field';
import { jsonEqual } from './apply-merge';
import type { KubeObject } from './types';

const IMMUTABLE = 'field is immutable';

/** validation.go's list, word for word (ValidatePodUpdate). */
export const POD_UPDATE_DETAIL =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** Go's %#v of a matchLabels-only metav1.LabelSelector, as the immutable-selector message prints it. */
function renderLabelSelector(sel: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } | undefined): string {
  const labels = Object.entries(sel?.matchLabels ?? {})
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
    .join(', ');
  const exprs = sel?.matchExpressions?.length ? `[]v1.LabelSelectorRequirement{…}` : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:map[string]string{${labels}}, MatchExpressions:${exprs}}`;
}

function immutableSelector(old: KubeObject, next: KubeObject): FieldError[] {
  if (jsonEqual(old.spec?.selector, next.spec?.selector)) return [];
  return [{ ...invalid('spec.selector', next.spec?.selector, IMMUTABLE), rendered: renderLabelSelector(next.spec?.selector) }];
}

/** Copies onto the old spec what a pod update may change, so any remaining difference is forbidden. */
function podSpecWithAllowedChanges(old: any, next: any): any {
  const images = (xs: any[] | undefined, from: any[] | undefined) =>
    xs?.map((c, i) => (from?.[i] && from[i].name === c.name ? { ...c, image: from[i].image } : c));
  const spec = { ...old, activeDeadlineSeconds: next?.activeDeadlineSeconds, tolerations: next?.tolerations };
  if (old?.containers) spec.containers = images(old.containers, next?.containers);
  if (old?.initContainers) spec.initContainers = images(old.initContainers, next?.initContainers);
  if ((old?.terminationGracePeriodSeconds ?? 0) < 0 && next?.terminationGracePeriodSeconds === 1) spec.terminationGracePeriodSeconds = 1;
  return spec;
}

function podUpdate(old: KubeObject, next: KubeObject): FieldError[] {
  const oldTolerations: unknown[] = old.spec?.tolerations ?? [];
  const newTolerations: unknown[] = next.spec?.tolerations ?? [];
  const removesToleration = oldTolerations.some((t) => !newTolerations.some((n) => jsonEqual(n, t)));
  if (!removesToleration && jsonEqual(podSpecWithAllowedChanges(old.spec, next.spec), next.spec)) return [];
  return [forbidden('spec', POD_UPDATE_DETAIL)];
}

const RULES: Record<string, (old: KubeObject, next: KubeObject) => FieldError[]> = {
  Pod: podUpdate,
  ReplicaSet: immutableSelector,
  DaemonSet: immutableSelector,
  Job: (old, next) => [
    ...immutableSelector(old, next),
    ...(jsonEqual(old.spec?.template, next.spec?.template)
      ? []
      : [{ ...invalid('spec.template', next.spec?.template, IMMUTABLE), rendered: 'core.PodTemplateSpec{…}' }]),
  ],
  // ValidateServiceClusterIPsRelatedFields: once allocated the IP stays.
  Service: (old, next) => {
    const was = old.spec?.clusterIP;
    const now = next.spec?.clusterIP;
    if (!was || was === now || now === undefined || now === '') return [];
    return [invalid('spec.clusterIPs[0]', next.spec?.clusterIPs ?? [now], 'may not change once set')];
  },
};

export function validateUpdate(old: KubeObject, next: KubeObject): FieldError[] {
  return RULES[next.kind]?.(old, next) ?? [];
}
