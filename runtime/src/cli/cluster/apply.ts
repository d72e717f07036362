// `apply -f`, `create -f` and `replace -f`: each document goes through admission on its own;
// successes print `<kind>/<name> <outcome>`, refusals print as kubectl prints
// them, and the exit status is 1 if any document failed.

import type { AdmissionResult } from '../../cluster/admission';
import { resolveResource, resourceForKind } from '../../cluster/resources';
import { kindSlashName, renderApiError, renderNoKindMatch } from './api-output';
import { readManifests, type Manifest } from './manifests';
import { clusterCommand, type Session } from './session';

const FLAGS = {
  filename: { alias: 'f', type: 'string[]' as const },
  recursive: { alias: 'R', type: 'boolean' as const },
};

type Verb = 'apply' | 'create' | 'replace';

/** What kubectl says it was doing when the server refused (`error when creating "f.yaml"`). */
const DOING: Record<Verb, string> = { apply: 'creating', create: 'creating', replace: 'replacing' };

function submit(s: Session, verb: Verb, m: Manifest): boolean {
  const meta = (m.value.metadata ?? {}) as { name?: string; namespace?: string };
  const kind = String(m.value.kind);
  const namespaced = resourceForKind(kind)?.namespaced ?? true;
  const explicitNs = s.flag('namespace');
  if (namespaced && explicitNs && meta.namespace && meta.namespace !== explicitNs) {
    s.out.error(`error: the namespace from the provided object "${meta.namespace}" does not match the namespace "${explicitNs}". You must pass '--namespace=${meta.namespace}' to perform this operation.`);
    return false;
  }
  const opts = { namespace: s.namespace };
  const r: AdmissionResult = s.cluster[verb](m.value, opts);
  for (const w of r.warnings ?? []) s.out.warn(w);
  if (!r.ok) {
    if (r.error.clientSide) s.out.error(renderNoKindMatch(r.error, meta.name ?? '', namespaced ? meta.namespace ?? '' : '', m.source));
    else s.out.error(renderApiError(r.error, `error when ${DOING[verb]} "${m.source}"`));
    return false;
  }
  if (r.outcome !== 'unchanged') s.out.changed = true;
  s.out.line(`${kindSlashName(resolveResource(r.object.kind), r.object.kind, r.object.metadata.name)} ${r.outcome}`);
  return true;
}

function writeCommand(verb: Verb) {
  return clusterCommand(FLAGS, async (s) => {
    const files = s.list('filename');
    if (files.length === 0) {
      s.out.error(`error: must specify one of -f and -k`);
      return 1;
    }
    const read = await readManifests(files, s.io.cwd, s.bool('recursive'), s.io.stdin);
    let failed = read.errors.length > 0;
    for (const e of read.errors) s.out.error(e);
    for (const m of read.manifests) if (!submit(s, verb, m)) failed = true;
    if (read.manifests.length === 0 && read.errors.length === 0) {
      s.out.error('error: no objects passed to ' + verb);
      return 1;
    }
    return failed ? 1 : 0;
  });
}

export const applyCommand = writeCommand('apply');
export const createCommand = writeCommand('create');
export const replaceCommand = writeCommand('replace');
