// `describe KIND NAME…`: the describe printer with the object's events (and,
// for a node, the pods bound to it).

import { describe } from '../../cluster/printers';
import { qualifiedResource } from '../../cluster/resources';
import { renderApiError } from './api-output';
import { parseTarget } from './get';
import { clusterCommand } from './session';

export const describeCommand = clusterCommand({}, (s) => {
  const t = parseTarget(s.args.positional);
  if ('error' in t) {
    s.out.error(t.error.replace('to get', 'to describe'));
    return 1;
  }
  const { info, names } = t.target;
  let failed = false;
  for (const name of names) {
    const o = s.cluster.store.get(info.kind, info.namespaced ? s.namespace : undefined, name);
    if (!o) {
      s.out.error(renderApiError({ code: 404, reason: 'NotFound', message: `${qualifiedResource(info)} "${name}" not found` }));
      failed = true;
      continue;
    }
    const podsOnNode = o.kind === 'Node' ? s.cluster.store.list('Pod', { fieldNodeName: name }) : undefined;
    s.out.line(describe(o, { events: s.cluster.events.eventsFor(o), now: s.cluster.clock.now(), podsOnNode }).replace(/\n$/, ''));
  }
  return failed ? 1 : 0;
});
