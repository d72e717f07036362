// `delete TYPE NAME… | TYPE/NAME | TYPE -l SEL | TYPE --all | all --all | -f FILE
//  [--cascade=background|foreground|orphan] [--grace-period=N] [--force] [--wait=false]`.
// Like kubectl (`--wait` defaults to true) the command returns once the
// deleted objects are gone, which here means virtual time moves on through
// their grace periods; objects that cannot finish (a pod on a failed node)
// are waited for only until their grace deadline plus a minute.

import type { Propagation } from '../../cluster/deletion';
import { parseRfc3339 } from '../../cluster/clock';
import { qualifiedKind, resolveResource, type ResourceInfo } from '../../cluster/resources';
import type { KubeObject } from '../../cluster/types';
import { renderApiError } from './api-output';
import { readManifests } from './manifests';
import { clusterCommand, type Session } from './session';
import { namesOrSelector, parseTarget, selectedObjects } from './targets';

const FLAGS = {
  selector: { alias: 'l', type: 'string' as const },
  all: { type: 'boolean' as const },
  'all-namespaces': { alias: 'A', type: 'boolean' as const },
  cascade: { type: 'string' as const },
  'grace-period': { type: 'string' as const },
  force: { type: 'boolean' as const },
  wait: { type: 'boolean' as const },
  filename: { alias: 'f', type: 'string[]' as const },
  recursive: { alias: 'R', type: 'boolean' as const },
};

const FORCE_WARNING =
  'Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.';

/** How long past the last grace deadline `--wait` keeps waiting for stragglers. */
const WAIT_SLACK_MS = 60_000;

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

async function fromFiles(s: Session, files: string[]): Promise<{ list: Victim[]; errors: string[] }> {
  const read = await readManifests(files, s.io.cwd, s.bool('recursive'), s.io.stdin);
  const list = read.manifests.flatMap((m) => {
    const info = resolveResource(String(m.value.kind));
    const meta = (m.value.metadata ?? {}) as { name?: string; namespace?: string };
    return info && meta.name ? [{ info, namespace: meta.namespace ?? s.namespace, name: meta.name }] : [];
  });
  return { list, errors: read.errors };
}

async function victims(s: Session): Promise<{ list: Victim[]; errors: string[] } | { error: string }> {
  const files = s.list('filename');
  if (files.length) return fromFiles(s, files);
  const t = parseTarget(s.args.positional, 'delete');
  if ('error' in t) return t;
  if (!namesOrSelector(s, t.target)) return { error: 'error: resource(s) were provided, but no name was specified' };
  const found = t.target.groups.map((g) => ({ info: g.info, ...selectedObjects(s, g.info, g.names) }));
  return {
    list: found.flatMap((f) => f.objects.map((o) => ({ info: f.info, namespace: o.metadata.namespace, name: o.metadata.name }))),
    errors: found.flatMap((f) => f.errors),
  };
}

/** kubectl's wait: until every deleted object is gone (a new object under the same name is another uid). */
function waitForDeletion(s: Session, pending: KubeObject[]): void {
  const gone = () => pending.every((o) => s.cluster.store.get(o.kind, o.metadata.namespace, o.metadata.name)?.metadata.uid !== o.metadata.uid);
  const now = s.cluster.clock.now();
  const deadline = Math.max(now, ...pending.map((o) => parseRfc3339(o.metadata.deletionTimestamp) ?? now));
  s.cluster.advanceUntil(gone, deadline - now + WAIT_SLACK_MS);
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
  // delete.go prints this one on stdout, without a namespace.
  if (v.list.length === 0 && v.errors.length === 0) s.out.line('No resources found');
  if (force && v.list.length) s.out.warn(FORCE_WARNING);
  let failed = v.errors.length > 0;
  const pending: KubeObject[] = [];
  for (const x of v.list) {
    const r = s.cluster.delete(x.info, x.namespace, x.name, { propagationPolicy: policy, gracePeriodSeconds });
    if (!r.ok) {
      s.out.error(renderApiError(r.error));
      failed = true;
      continue;
    }
    s.out.changed = true;
    if (!r.removed) pending.push(r.object);
    for (const w of r.warnings) s.out.warn(w);
    s.out.line(`${qualifiedKind(x.info)} "${x.name}" ${force ? 'force deleted' : 'deleted'}`);
  }
  if (s.args.flags.wait !== false) waitForDeletion(s, pending);
  return failed ? 1 : 0;
});
