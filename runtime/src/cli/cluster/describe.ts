// `describe TYPE [NAME…] | TYPE/NAME [-l SEL]`: the describe printer with the
// object's events (and, for a node, the pods bound to it). Without names every
// selected object is described, separated by a blank line as kubectl does.

import { describe, describeRelated } from '../../cluster/printers';
import type { KubeObject } from '../../cluster/types';
import { clusterCommand, type Session } from './session';
import { noResourcesFound, parseTarget, selectedObjects } from './targets';

const FLAGS = {
  selector: { alias: 'l', type: 'string' as const },
  'all-namespaces': { alias: 'A', type: 'boolean' as const },
};

function describeOne(s: Session, o: KubeObject): string {
  const related = describeRelated(s.cluster.store, o);
  return describe(o, { events: s.cluster.events.eventsFor(o), now: s.cluster.clock.now(), ...related }).replace(/\n$/, '');
}

export const describeCommand = clusterCommand(FLAGS, (s) => {
  const t = parseTarget(s.args.positional, 'describe');
  if ('error' in t) {
    s.out.error(t.error);
    return 1;
  }
  const found = t.target.groups.map((g) => selectedObjects(s, g.info, g.names));
  const errors = found.flatMap((f) => f.errors);
  for (const e of errors) s.out.error(e);
  const objects = found.flatMap((f) => f.objects);
  if (objects.length === 0 && errors.length === 0) s.out.error(noResourcesFound(s, t.target));
  if (objects.length) s.out.line(objects.map((o) => describeOne(s, o)).join('\n\n\n'));
  return errors.length ? 1 : 0;
});
