// Outline: one symbol per Kubernetes document (`Kind/name`) with the sections of
// its spec beneath, and the workspace-wide list of resources. Offsets only; the
// handler converts to LSP positions.
import type { Range } from '../../../runtime/src/text/documents';
import type { ParsedDocument } from '../analysis/document';
import { isRecord } from '../../../runtime/src/api/values';
import { containers, nameOf, podSpecSite, type PodSpecSite } from '../lint/pods';
import type { IndexedResource } from '../workspace/resources';
import { absolute } from '../workspace/resources';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: 'object' | 'field' | 'container';
  /** File offsets of the whole element and of the part to select. */
  range: Range;
  selection: Range;
  children: OutlineSymbol[];
}

export function documentSymbols(docs: readonly ParsedDocument[]): OutlineSymbol[] {
  return docs.flatMap((d) => (d.object ? [documentSymbol(d)] : []));
}

export function resourceLabel(kind: string, name: string): string {
  return `${kind}/${name || '<unnamed>'}`;
}

function documentSymbol(d: ParsedDocument): OutlineSymbol {
  const obj = d.object!;
  const at = (r: Range): Range => ({ start: r.start + d.start, end: r.end + d.start });
  const field = (path: string, name: string, kind: OutlineSymbol['kind'] = 'field', children: OutlineSymbol[] = []): OutlineSymbol => {
    const key = at(d.manifest.locate(path, 'key'));
    const value = at(d.manifest.locate(path, 'value'));
    return { name, kind, range: { start: key.start, end: Math.max(key.end, value.end) }, selection: key, children };
  };
  const children: OutlineSymbol[] = [];
  if (isRecord(obj.spec)) {
    const site = podSpecSite(obj);
    for (const k of Object.keys(obj.spec)) {
      const path = `spec.${k}`;
      if (!d.manifest.has(path)) continue;
      children.push(field(path, k, 'field', site && k === siteRoot(site.specPath) ? containerSymbols(site, field) : []));
    }
  }
  const name = nameOf(obj);
  const range = at({ start: d.manifest.range.start, end: d.manifest.range.end });
  const selection = d.manifest.has('metadata.name') ? at(d.manifest.locate('metadata.name', 'value')) : at(d.manifest.locate('kind', 'value'));
  return { name: resourceLabel(String(obj.kind ?? ''), name), detail: String(obj.apiVersion ?? ''), kind: 'object', range, selection, children };
}

/** `spec` for a Pod, `template` for controllers, `jobTemplate` for CronJob: the spec child holding the pod spec. */
function siteRoot(specPath: string): string {
  return specPath.split('.')[1] ?? '';
}

type FieldFn = (path: string, name: string, kind?: OutlineSymbol['kind'], children?: OutlineSymbol[]) => OutlineSymbol;

function containerSymbols(site: PodSpecSite, field: FieldFn): OutlineSymbol[] {
  return (['initContainers', 'containers'] as const).flatMap((list) =>
    containers(site, list).map(({ path, container }) => {
      const label = `${list === 'containers' ? 'container' : 'init container'} ${typeof container.name === 'string' ? container.name : ''}`.trim();
      return field(path, label, 'container');
    }),
  );
}

export interface ResourceSymbol {
  name: string;
  namespace: string;
  uri: string;
  range: Range;
}

/** Workspace symbols: every indexed resource whose `Kind/name` contains the query (case-insensitive). */
export function workspaceSymbols(resources: Iterable<IndexedResource>, query: string, limit = 500): ResourceSymbol[] {
  const q = query.toLowerCase();
  const out: ResourceSymbol[] = [];
  for (const r of resources) {
    const name = resourceLabel(r.kind, r.name);
    if (q && !name.toLowerCase().includes(q)) continue;
    out.push({ name, namespace: r.namespace, uri: r.origin.uri, range: absolute(r, r.nameRange) });
    if (out.length >= limit) break;
  }
  return out;
}
