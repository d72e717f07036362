// Quick fixes. Each is computed as a text edit of the document, then checked by
// analysing the edited text again: a fix is offered only if its finding is gone.
import { resolveKind } from '../../../runtime/src/api/kinds';
import { schemaAt } from '../../../runtime/src/api/schema/index';
import { parsePath } from '../../../runtime/src/text/path';
import { asStringMap, isRecord } from '../../../runtime/src/api/values';
import { analyzeSegment, type ParsedDocument } from '../analysis/document';
import { get } from '../lint/pods';
import { nearest } from './nearest';
import { kindInfoOf } from './schemaInfo';
import { applyEdit, rewrite, type TextEdit } from './yamlEdit';

/** The diagnostic a fix is asked for, as the client hands it back. */
export interface FixTarget {
  code: string;
  path?: string;
  message: string;
}

export interface QuickFix {
  title: string;
  /** Which target it resolves. */
  target: FixTarget;
  edit: TextEdit;
  preferred: boolean;
}

type Candidate = { title: string; edit: TextEdit | undefined; preferred?: boolean };

const SELECTOR_MISMATCH = '`selector` does not match template `labels`';

export function quickFixes(doc: ParsedDocument, targets: readonly FixTarget[], minor: number): QuickFix[] {
  const out: QuickFix[] = [];
  for (const target of targets) {
    for (const c of candidates(doc, target)) {
      if (!c.edit || !resolves(doc, target, c.edit, minor)) continue;
      out.push({ title: c.title, target, edit: c.edit, preferred: !!c.preferred });
    }
  }
  return out;
}

function candidates(doc: ParsedDocument, t: FixTarget): Candidate[] {
  const obj = doc.object;
  if (t.code === 'unknown-field' && t.path) return renameField(doc, t.path);
  if (!obj) return [];
  if (t.code === 'removed-api-version') return migrateApiVersion(doc);
  if (t.path && t.message.includes(SELECTOR_MISMATCH)) return matchSelectorAndLabels(doc);
  if (t.path?.endsWith('template.spec.restartPolicy') && (obj.kind === 'Job' || obj.kind === 'CronJob'))
    return [{ title: 'Set restartPolicy to OnFailure', edit: rewrite(doc.text, (d) => d.setIn(parsePath(t.path!), 'OnFailure')), preferred: true }];
  if (obj.kind === 'Service' && t.path && /^spec\.ports\[\d+\]\.name$/.test(t.path)) return nameServicePorts(doc);
  return [];
}

/** Re-analyses the edited document: the target's code must no longer appear at its path. */
function resolves(doc: ParsedDocument, t: FixTarget, edit: TextEdit, minor: number): boolean {
  const after = analyzeSegment(applyEdit(doc.text, edit), { uri: doc.uri, minor });
  return after.every((d) => d.local.every((i) => i.code !== t.code || (t.path !== undefined && i.path !== t.path)));
}

function renameField(doc: ParsedDocument, path: string): Candidate[] {
  const info = kindInfoOf(doc);
  const segs = parsePath(path);
  const field = segs[segs.length - 1];
  if (!info || typeof field !== 'string') return [];
  const parent = schemaAt(info, segs.slice(0, -1));
  const better = nearest(field, Object.keys(parent?.properties ?? {}));
  if (!better) return [];
  const key = doc.manifest.locate(path, 'key');
  return [{ title: `Rename "${field}" to "${better}"`, edit: { start: key.start, end: key.end, newText: better }, preferred: true }];
}

function migrateApiVersion(doc: ParsedDocument): Candidate[] {
  const obj = doc.object!;
  const r = resolveKind(obj.apiVersion, obj.kind);
  if (r.type !== 'removed') return [];
  const labels = asStringMap(get(obj, 'spec.template.metadata.labels'));
  // apps/v1 made spec.selector required where older versions defaulted it from the template labels.
  const needsSelector = r.replacement === 'apps/v1' && get(obj, 'spec.selector') === undefined && labels && Object.keys(labels).length;
  const edit = rewrite(doc.text, (d) => {
    d.set('apiVersion', r.replacement);
    if (r.replacementKind) d.set('kind', r.replacementKind);
    if (needsSelector) d.setIn(['spec', 'selector'], d.createNode({ matchLabels: labels }));
  });
  const to = `${r.replacement}${r.replacementKind ? ` ${r.replacementKind}` : ''}`;
  return [{ title: `Migrate to ${to}${needsSelector ? ' and add spec.selector from the template labels' : ''}`, edit, preferred: true }];
}

function matchSelectorAndLabels(doc: ParsedDocument): Candidate[] {
  const obj = doc.object!;
  const plainMap = obj.kind === 'ReplicationController';
  const selector = plainMap ? asStringMap(get(obj, 'spec.selector')) : asStringMap(get(obj, 'spec.selector.matchLabels'));
  const labels = asStringMap(get(obj, 'spec.template.metadata.labels')) ?? {};
  const out: Candidate[] = [];
  if (selector && Object.keys(selector).length && !(isRecord(get(obj, 'spec.selector')) && get(obj, 'spec.selector.matchExpressions')))
    out.push({
      title: 'Make the template labels match the selector',
      edit: rewrite(doc.text, (d) => d.setIn(['spec', 'template', 'metadata', 'labels'], d.createNode({ ...labels, ...selector }))),
      preferred: true,
    });
  if (Object.keys(labels).length)
    out.push({
      title: 'Make the selector match the template labels',
      edit: rewrite(doc.text, (d) => d.setIn(['spec', 'selector'], d.createNode(plainMap ? { ...labels } : { matchLabels: { ...labels } }))),
    });
  return out;
}

function nameServicePorts(doc: ParsedDocument): Candidate[] {
  const ports = get(doc.object, 'spec.ports');
  if (!Array.isArray(ports)) return [];
  const taken = new Set(ports.map((p) => (isRecord(p) && typeof p.name === 'string' ? p.name : '')).filter(Boolean));
  const edit = rewrite(doc.text, (d) => {
    ports.forEach((p, i) => {
      if (!isRecord(p) || (typeof p.name === 'string' && p.name)) return;
      const name = uniqueName(`${String(p.protocol ?? 'TCP').toLowerCase()}-${String(p.port ?? i)}`, taken);
      taken.add(name);
      d.setIn(['spec', 'ports', i, 'name'], name);
    });
  });
  return [{ title: 'Name the unnamed Service ports', edit, preferred: true }];
}

function uniqueName(base: string, taken: Set<string>): string {
  const clean = base.replace(/[^a-z0-9-]/g, '-').slice(0, 63);
  if (!taken.has(clean)) return clean;
  for (let n = 2; ; n++) if (!taken.has(`${clean}-${n}`)) return `${clean}-${n}`;
}
