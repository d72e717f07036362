// `get KIND[/NAME] [NAME…] [-n NS|-A] [-l SELECTOR] [--show-labels] [-L KEYS] [-o wide|yaml|json|name]`.

import { parseSelector } from '../../api/selectors';
import { qualifiedResource, resolveResource, type ResourceInfo } from '../../cluster/resources';
import type { KubeObject } from '../../cluster/types';
import { renderApiError } from './api-output';
import { formatObjects, isObjectFormat } from './objects-output';
import { clusterCommand, type Session } from './session';
import { printTable } from '../../cluster/printers';

const FLAGS = {
  'all-namespaces': { alias: 'A', type: 'boolean' as const },
  selector: { alias: 'l', type: 'string' as const },
  'show-labels': { type: 'boolean' as const },
  'label-columns': { alias: 'L', type: 'string[]' as const },
  output: { alias: 'o', type: 'string' as const },
};

export interface Target {
  info: ResourceInfo;
  names: string[];
}

/** `pods`, `pods a b`, `pod/a`: the resource and the names asked for, or kubectl's error. */
export function parseTarget(positional: string[]): { target: Target } | { error: string } {
  const [first, ...rest] = positional;
  if (!first) return { error: 'error: you must specify the type of resource to get.' };
  const slash = first.indexOf('/');
  const type = slash < 0 ? first : first.slice(0, slash);
  const info = resolveResource(type);
  if (!info) return { error: `error: the server doesn't have a resource type "${type}"` };
  return { target: { info, names: slash < 0 ? rest : [first.slice(slash + 1), ...rest] } };
}

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

export const getCommand = clusterCommand(FLAGS, (s) => {
  const t = parseTarget(s.args.positional);
  if ('error' in t) {
    s.out.error(t.error);
    return 1;
  }
  const { info, names } = t.target;
  const { objects, errors } = selectedObjects(s, info, names);
  for (const e of errors) s.out.error(e);
  const output = s.flag('output');
  if (output !== undefined && output !== 'wide' && !isObjectFormat(output)) {
    s.out.error(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,wide,yaml`);
    return 1;
  }
  if (objects.length === 0) {
    if (errors.length === 0) {
      const where = info.namespaced && !s.bool('all-namespaces') ? ` in ${s.namespace} namespace` : '';
      s.out.error(`No resources found${where}.`);
    }
    return errors.length ? 1 : 0;
  }
  if (isObjectFormat(output)) s.out.line(formatObjects(objects, output, names.length === 1));
  else
    s.out.line(
      printTable(info.kind, objects, {
        now: s.cluster.clock.now(),
        wide: output === 'wide',
        showLabels: s.bool('show-labels'),
        labelColumns: s.list('label-columns').flatMap((l) => l.split(',')).filter(Boolean),
        allNamespaces: s.bool('all-namespaces') && info.namespaced,
      }).replace(/\n$/, ''),
    );
  return errors.length ? 1 : 0;
});
