// `scale TYPE NAME… | TYPE/NAME --replicas=N [-l SEL | --all]`: a write to the
// scale subresource, `replicationcontroller/kubia scaled`. The flag checks are
// kubectl's own, made before any request.

import { kindSlashName, renderApiError } from './api-output';
import { clusterCommand } from './session';
import { namesOrSelector, parseTarget, selectedObjects } from './targets';

const FLAGS = {
  replicas: { type: 'string' as const },
  selector: { alias: 'l', type: 'string' as const },
  all: { type: 'boolean' as const },
};

/** pflag's IntVar: the value must be a Go integer. */
function replicasFlag(text: string | undefined): number | { error: string } {
  if (text === undefined) return { error: 'error: required flag(s) "replicas" not set' };
  if (!/^[+-]?\d+$/.test(text)) return { error: `error: invalid argument "${text}" for "--replicas" flag: strconv.ParseInt: parsing "${text}": invalid syntax` };
  const n = Number(text);
  if (n < 0) return { error: 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0' };
  return n;
}

export const scaleCommand = clusterCommand(FLAGS, (s) => {
  const replicas = replicasFlag(s.flag('replicas'));
  if (typeof replicas === 'object') {
    s.out.error(replicas.error);
    return 1;
  }
  const t = parseTarget(s.args.positional, 'scale');
  if ('error' in t) {
    s.out.error(t.error);
    return 1;
  }
  if (!namesOrSelector(s, t.target)) {
    s.out.error('error: resource(s) were provided, but no name was specified');
    return 1;
  }
  let failed = false;
  for (const g of t.target.groups) {
    const { objects, errors } = selectedObjects(s, g.info, g.names);
    for (const e of errors) s.out.error(e);
    failed ||= errors.length > 0;
    for (const o of objects) {
      const r = s.cluster.scale(g.info, o.metadata.namespace, o.metadata.name, replicas);
      if (!r.ok) {
        s.out.error(renderApiError(r.error));
        failed = true;
        continue;
      }
      s.out.changed = true;
      s.out.line(`${kindSlashName(g.info, g.info.kind, o.metadata.name)} scaled`);
    }
  }
  return failed ? 1 : 0;
});
