// `label` and `annotate`: `KIND NAME key=value… key-… [--overwrite] [-l SEL | --all]`.
// Changing an existing key needs --overwrite; `key-` removes it. The write goes
// through admission like any update, so invalid keys get the API server's text.

import { qualifiedKind } from '../../cluster/resources';
import type { KubeObject } from '../../cluster/types';
import { renderApiError } from './api-output';
import { clusterCommand, type Session } from './session';
import { namesOrSelector, parseTarget, selectedObjects } from './targets';

const FLAGS = {
  overwrite: { type: 'boolean' as const },
  selector: { alias: 'l', type: 'string' as const },
  all: { type: 'boolean' as const },
  'all-namespaces': { alias: 'A', type: 'boolean' as const },
};

type Field = 'labels' | 'annotations';

export interface Edits {
  set: Record<string, string>;
  remove: string[];
}

/** Splits the arguments after the resource into the object names and the edits (`k=v`, `k-`). */
export function parseEdits(args: string[]): { names: string[]; edits: Edits } {
  const edits: Edits = { set: {}, remove: [] };
  const names: string[] = [];
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq > 0) edits.set[a.slice(0, eq)] = a.slice(eq + 1);
    else if (a.endsWith('-') && a.length > 1) edits.remove.push(a.slice(0, -1));
    else names.push(a);
  }
  return { names, edits };
}

/** The new map, or kubectl's refusal to overwrite without --overwrite. */
export function applyEdits(current: Record<string, string> | undefined, edits: Edits, overwrite: boolean): { map: Record<string, string> } | { error: string } {
  const map = { ...current };
  for (const [k, v] of Object.entries(edits.set)) {
    if (!overwrite && k in map && map[k] !== v) return { error: `error: '${k}' already has a value (${map[k]}), and --overwrite is false` };
    map[k] = v;
  }
  for (const k of edits.remove) delete map[k];
  return { map };
}

function editCommand(field: Field, verb: 'labeled' | 'annotated') {
  return clusterCommand(FLAGS, (s: Session) => {
    const [type, ...rest] = s.args.positional;
    const { names, edits } = parseEdits(rest);
    const t = parseTarget(type ? [type, ...names] : [], field === 'labels' ? 'label' : 'annotate');
    if ('error' in t) {
      s.out.error(t.error);
      return 1;
    }
    if (Object.keys(edits.set).length === 0 && edits.remove.length === 0) {
      s.out.error(`error: at least one ${field === 'labels' ? 'label' : 'annotation'} update is required`);
      return 1;
    }
    if (!namesOrSelector(s, t.target)) {
      s.out.error('error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
      return 1;
    }
    const found = t.target.groups.map((g) => ({ info: g.info, ...selectedObjects(s, g.info, g.names) }));
    const errors = found.flatMap((f) => f.errors);
    let failed = errors.length > 0;
    for (const e of errors) s.out.error(e);
    for (const { info, o } of found.flatMap((f) => f.objects.map((o) => ({ info: f.info, o })))) {
      const r = applyEdits(o.metadata[field], edits, s.bool('overwrite'));
      if ('error' in r) {
        s.out.error(r.error);
        failed = true;
        continue;
      }
      const ref = `${qualifiedKind(info)}/${o.metadata.name}`;
      const metadata: KubeObject['metadata'] = { ...o.metadata, [field]: r.map };
      if (Object.keys(r.map).length === 0) delete metadata[field];
      const res = s.cluster.replace({ ...o, metadata }, { namespace: o.metadata.namespace });
      if (!res.ok) {
        s.out.error(renderApiError(res.error));
        failed = true;
      } else if (res.outcome === 'unchanged') {
        s.out.line(`${ref} not ${verb}`);
      } else {
        s.out.changed = true;
        s.out.line(`${ref} ${verb}`);
      }
    }
    return failed ? 1 : 0;
  });
}

export const labelCommand = editCommand('labels', 'labeled');
export const annotateCommand = editCommand('annotations', 'annotated');
