// Hover: for a field, what `kubectl explain` says (type, description, allowed
// values, default); on a selector or labels, what they match in the workspace.
import { schemaAt } from '../../../runtime/src/api/schema/index';
import type { ParsedDocument } from '../analysis/document';
import { cursorContext } from '../documents/cursor';
import { lineStartOf } from '../documents/lines';
import type { WorkspaceQuery } from '../workspace/query';
import { fileNameOf } from '../workspace/resources';
import { counterparts, sideAt } from './navigation';
import { defaultFor, kindInfoOf, typeName } from './schemaInfo';
import { resourceLabel } from './symbols';

export interface HoverResult {
  markdown: string;
  /** Segment-relative offsets of the hovered token. */
  range: { start: number; end: number };
}

const MAX_LISTED = 20;

export function hoverAt(doc: ParsedDocument, offset: number, query: WorkspaceQuery): HoverResult | undefined {
  const ctx = cursorContext(doc.text, offset);
  if (ctx.key === undefined) return undefined;
  const info = kindInfoOf(doc);
  if (!info) return undefined;
  const path = [...ctx.parent, ctx.key];
  const parts: string[] = [];
  const node = schemaAt(info, path);
  if (node) {
    const required = schemaAt(info, ctx.parent)?.required?.includes(ctx.key);
    parts.push(`**${ctx.key}** \`<${typeName(node)}>\`${required ? ' — required' : ''}`);
    if (node.description) parts.push(node.description);
    if (node.enum?.length) parts.push(`Allowed values: ${node.enum.map((v) => `\`${v}\``).join(', ')}`);
    const def = node.default ?? defaultFor(doc.object, path);
    if (def !== undefined && (typeof def !== 'object' || def === null)) parts.push(`Default: \`${JSON.stringify(def)}\``);
    parts.push(`\`${info.kind}.${path.join('.')}\` (${info.apiVersion})`);
  }
  const matchesText = matchesAt(doc, offset, query);
  if (matchesText) parts.push(matchesText);
  if (!parts.length) return undefined;
  const lineStart = lineStartOf(doc.text, offset);
  const keyStart = doc.text.indexOf(ctx.key, lineStart);
  return { markdown: parts.join('\n\n'), range: { start: keyStart, end: keyStart + ctx.key.length } };
}

function matchesAt(doc: ParsedDocument, offset: number, query: WorkspaceQuery): string | undefined {
  const side = sideAt(doc, offset);
  if (!side) return undefined;
  const found = counterparts(side, query);
  const ns = side.resource.namespace;
  const what = side.side === 'selector' ? 'Selects pods of' : 'Selected by';
  if (!found.length) return side.side === 'selector' ? `Selects no pod or pod template in namespace \`${ns}\` in the workspace.` : `No selector in namespace \`${ns}\` in the workspace selects these labels.`;
  const lines = found.slice(0, MAX_LISTED).map((t) => `- ${resourceLabel(t.resource.kind, t.resource.name)} (${fileNameOf(t.uri)})`);
  if (found.length > MAX_LISTED) lines.push(`- … and ${found.length - MAX_LISTED} more`);
  return `${what} ${found.length} in namespace \`${ns}\`:\n${lines.join('\n')}`;
}
