// What a kubectl command line names: `pods`, `pods a b`, `pod/a svc/b`,
// `po,svc a`, `all` (the category), resolved to resource types and names; and
// the objects those select in the session's namespace (names, `-l`, or all).

import { parseSelector } from '../../api/selectors';
import { ALL_CATEGORY, qualifiedResource, resolveResource, resourceForKind, type ResourceInfo } from '../../cluster/resources';
import type { KubeObject } from '../../cluster/types';
import { renderApiError } from './api-output';
import type { Session } from './session';

export interface TargetGroup {
  info: ResourceInfo;
  /** Empty: every object that the selector (or --all) picks. */
  names: string[];
}

export interface Target {
  groups: TargetGroup[];
  /** More than one resource type was asked for: kubectl then prints `kind/name`. */
  multipleTypes: boolean;
}

function resolveTypes(text: string): { infos: ResourceInfo[] } | { error: string } {
  const infos: ResourceInfo[] = [];
  for (const type of text.split(',')) {
    if (type === 'all') {
      infos.push(...ALL_CATEGORY.map((k) => resourceForKind(k)!));
      continue;
    }
    const info = resolveResource(type);
    if (!info) return { error: `error: the server doesn't have a resource type "${type}"` };
    infos.push(info);
  }
  return { infos };
}

/** The resource types and names asked for, or kubectl's error; `verb` words the missing-type error. */
export function parseTarget(positional: string[], verb = 'get'): { target: Target } | { error: string } {
  const [first, ...rest] = positional;
  if (!first) return { error: `error: you must specify the type of resource to ${verb}.` };
  if (first.includes('/')) {
    const groups: TargetGroup[] = [];
    for (const arg of positional) {
      const slash = arg.indexOf('/');
      if (slash < 0) return { error: `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl ${verb} resource/<resource_name>' instead of 'kubectl ${verb} resource resource/<resource_name>'` };
      const r = resolveTypes(arg.slice(0, slash));
      if ('error' in r) return r;
      groups.push(...r.infos.map((info) => ({ info, names: [arg.slice(slash + 1)] })));
    }
    return { target: { groups, multipleTypes: new Set(groups.map((g) => g.info.kind)).size > 1 } };
  }
  const r = resolveTypes(first);
  if ('error' in r) return r;
  return { target: { groups: r.infos.map((info) => ({ info, names: rest })), multipleTypes: r.infos.length > 1 } };
}

/** The objects a group selects: named ones (NotFound for each missing), else those matching `-l`. */
export function selectedObjects(s: Session, info: ResourceInfo, names: string[]): { objects: KubeObject[]; errors: string[] } {
  const all = s.bool('all-namespaces');
  const namespace = info.namespaced && !all ? s.namespace : undefined;
  if (names.length > 0) {
    const objects: KubeObject[] = [];
    const errors: string[] = [];
    for (const n of names) {
      const o = s.cluster.store.get(info.kind, namespace, n);
      if (o) objects.push(o);
      else errors.push(renderApiError({ code: 404, reason: 'NotFound', message: `${qualifiedResource(info)} "${n}" not found` }));
    }
    return { objects, errors };
  }
  const text = s.flag('selector');
  let selector;
  if (text !== undefined) {
    const parsed = parseSelector(text);
    if ('error' in parsed) return { objects: [], errors: [`error: ${parsed.error}`] };
    selector = parsed.selector;
  }
  return { objects: s.cluster.store.list(info.kind, { namespace, selector }), errors: [] };
}

/** `No resources found in default namespace.`, or without the namespace for cluster-wide queries. */
export function noResourcesFound(s: Session, target: Target): string {
  const namespaced = target.groups.some((g) => g.info.namespaced);
  return `No resources found${namespaced && !s.bool('all-namespaces') ? ` in ${s.namespace} namespace` : ''}.`;
}

/** kubectl refuses to act on a whole type by accident: names, `-l` or `--all` must say which objects. */
export function namesOrSelector(s: Session, target: Target): boolean {
  return target.groups.some((g) => g.names.length > 0) || s.flag('selector') !== undefined || s.bool('all');
}
