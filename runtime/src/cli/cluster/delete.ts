// `delete KIND NAME… | KIND/NAME | KIND -l SEL | KIND --all | -f FILE
//  [--cascade=background|foreground|orphan] [--grace-period=N] [--force]`.

import type { Propagation } from '../../cluster/deletion';
import { qualifiedKind, resolveResource, type ResourceInfo } from '../../cluster/resources';
import { renderApiError } from './api-output';
import { parseTarget, selectedObjects } from './get';
import { readManifests } from './manifests';
import { clusterCommand, type Session } from './session';

const FLAGS = {
  selector: { alias: 'l', type: 'string' as const },
  all: { type: 'boolean' as const },
  'all-namespaces': { alias: 'A', type: 'boolean' as const },
  cascade: { type: 'string' as const },
  'grace-period': { type: 'string' as const },
  force: { type: 'boolean' as const },
  filename: { alias: 'f', type: 'string[]' as const },
  recursive: { alias: 'R', type: 'boolean' as const },
};

const FORCE_WARNING =
  'Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.';

/** kubectl: `--cascade` takes background, foreground, orphan, or the legacy true/false. */
function propagation(v: string | undefined): Propagation | { error: string } {
  switch (v ?? 'background') {
    case 'background':
    case 'true':
      return 'Background';
    case 'foreground':
      return 'Foreground';
    case 'orphan':
    case 'false':
      return 'Orphan';
    default:
      return { error: `error: invalid cascade value (${v}). Must be "background", "foreground", or "orphan".` };
  }
}

interface Victim {
  info: ResourceInfo;
  namespace?: string;
  name: string;
}

async function victims(s: Session): Promise<{ list: Victim[]; errors: string[] } | { error: string }> {
  const files = s.list('filename');
  if (files.length) {
    const read = await readManifests(files, s.io.cwd, s.bool('recursive'), s.io.stdin);
    const list = read.manifests.flatMap((m) => {
      const info = resolveResource(String(m.value.kind));
      const meta = (m.value.metadata ?? {}) as { name?: string; namespace?: string };
      return info && meta.name ? [{ info, namespace: meta.namespace ?? s.namespace, name: meta.name }] : [];
    });
    return { list, errors: read.errors };
  }
  const t = parseTarget(s.args.positional);
  if ('error' in t) return { error: t.error.replace('to get', 'to delete') };
  const { info, names } = t.target;
  if (names.length === 0 && s.flag('selector') === undefined && !s.bool('all'))
    return { error: 'error: resource(s) were provided, but no name was specified' };
  const { objects, errors } = selectedObjects(s, info, names);
  return { list: objects.map((o) => ({ info, namespace: o.metadata.namespace, name: o.metadata.name })), errors };
}

export const deleteCommand = clusterCommand(FLAGS, async (s) => {
  const policy = propagation(s.flag('cascade'));
  if (typeof policy === 'object') {
    s.out.error(policy.error);
    return 1;
  }
  const graceText = s.flag('grace-period');
  const force = s.bool('force');
  const gracePeriodSeconds = force ? 0 : graceText !== undefined && Number(graceText) >= 0 ? Number(graceText) : undefined;
  const v = await victims(s);
  if ('error' in v) {
    s.out.error(v.error);
    return 1;
  }
  for (const e of v.errors) s.out.error(e);
  if (v.list.length === 0 && v.errors.length === 0) s.out.error('No resources found');
  if (force && v.list.length) s.out.warn(FORCE_WARNING);
  let failed = v.errors.length > 0;
  for (const x of v.list) {
    const r = s.cluster.delete(x.info, x.namespace, x.name, { propagationPolicy: policy, gracePeriodSeconds });
    if (!r.ok) {
      s.out.error(renderApiError(r.error));
      failed = true;
      continue;
    }
    s.out.changed = true;
    for (const w of r.warnings) s.out.warn(w);
    s.out.line(`${qualifiedKind(x.info)} "${x.name}" ${force ? 'force deleted' : 'deleted'}`);
  }
  return failed ? 1 : 0;
});
