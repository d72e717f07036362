// `get TYPE[,TYPE…]|all|TYPE/NAME [NAME…] [-n NS|-A] [-l SELECTOR] [--show-labels] [-L KEYS] [-o wide|yaml|json|name]`.
// Several types print one table each, separated by a blank line, with names as
// `kind/name`; types without objects print nothing.

import { printTable } from '../../cluster/printers';
import { qualifiedKind, type ResourceInfo } from '../../cluster/resources';
import type { KubeObject } from '../../cluster/types';
import { formatObjects, isObjectFormat } from './objects-output';
import { clusterCommand, type Session } from './session';
import { noResourcesFound, parseTarget, selectedObjects } from './targets';

const FLAGS = {
  'all-namespaces': { alias: 'A', type: 'boolean' as const },
  selector: { alias: 'l', type: 'string' as const },
  'show-labels': { type: 'boolean' as const },
  'label-columns': { alias: 'L', type: 'string[]' as const },
  output: { alias: 'o', type: 'string' as const },
};

/**
 * The printers know nothing of kind prefixes, so the rows are printed from
 * copies whose name carries the prefix (kubectl's printer does the same
 * through its WithKind option, on the name column only).
 */
function withKindPrefix(info: ResourceInfo, objects: KubeObject[]): KubeObject[] {
  const prefix = qualifiedKind(info);
  return objects.map((o) => ({ ...o, metadata: { ...o.metadata, name: `${prefix}/${o.metadata.name}` } }));
}

function table(s: Session, info: ResourceInfo, objects: KubeObject[], prefixed: boolean): string {
  return printTable(info.kind, prefixed ? withKindPrefix(info, objects) : objects, {
    now: s.cluster.clock.now(),
    wide: s.flag('output') === 'wide',
    showLabels: s.bool('show-labels'),
    labelColumns: s.list('label-columns').flatMap((l) => l.split(',')).filter(Boolean),
    allNamespaces: s.bool('all-namespaces') && info.namespaced,
  }).replace(/\n$/, '');
}

export const getCommand = clusterCommand(FLAGS, (s) => {
  const t = parseTarget(s.args.positional);
  if ('error' in t) {
    s.out.error(t.error);
    return 1;
  }
  const output = s.flag('output');
  if (output !== undefined && output !== 'wide' && !isObjectFormat(output)) {
    s.out.error(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,wide,yaml`);
    return 1;
  }
  const found = t.target.groups.map((g) => ({ info: g.info, names: g.names, ...selectedObjects(s, g.info, g.names) }));
  const errors = found.flatMap((f) => f.errors);
  for (const e of errors) s.out.error(e);
  const objects = found.flatMap((f) => f.objects);
  if (objects.length === 0) {
    if (errors.length === 0) s.out.error(noResourcesFound(s, t.target));
    return errors.length ? 1 : 0;
  }
  const single = t.target.groups.length === 1 && t.target.groups[0].names.length === 1;
  if (isObjectFormat(output)) s.out.line(formatObjects(objects, output, single));
  else
    s.out.line(
      found
        .filter((f) => f.objects.length > 0)
        .map((f) => table(s, f.info, f.objects, t.target.multipleTypes))
        .join('\n\n'),
    );
  return errors.length ? 1 : 0;
});
