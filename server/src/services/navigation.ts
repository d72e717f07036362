// Selectors and the labels they match, as each other's definition and
// references across the workspace: from a selector to the pod labels and
// templates it selects, from labels to the selectors that select them.
import type { Range } from '../../../runtime/src/text/documents';
import type { ParsedDocument } from '../analysis/document';
import { cursorContext } from '../documents/cursor';
import type { WorkspaceQuery } from '../workspace/query';
import { absolute, type IndexedResource } from '../workspace/resources';

export interface Target {
  uri: string;
  range: Range;
  resource: IndexedResource;
}

export type Side = { side: 'selector' | 'labels'; resource: IndexedResource };

/** Whether the cursor (segment-relative offset) is on the document's selector or on its pods' labels. */
export function sideAt(doc: ParsedDocument, offset: number): Side | undefined {
  const r = doc.resource;
  if (!r) return undefined;
  const ctx = cursorContext(doc.text, offset);
  const path = [...ctx.parent, ...(ctx.key !== undefined ? [ctx.key] : [])].join('.');
  const within = (p: string | undefined) => !!p && (path === p || path.startsWith(`${p}.`));
  if (r.selector && within(r.selectorPath)) return { side: 'selector', resource: r };
  if (r.podLabels && within(r.podLabelsPath)) return { side: 'labels', resource: r };
  return undefined;
}

/** The other side of a selector–labels pair; a controller's own template counts (its selector must match it). */
export function counterparts(side: Side, query: WorkspaceQuery): Target[] {
  const me = side.resource;
  const found =
    side.side === 'selector'
      ? query.podsMatching(me.namespace, me.selector!).filter((r) => r.podLabelsRange)
      : query.selectorsMatching(me.namespace, me.podLabels ?? {}).filter((r) => r.selectorRange);
  return found.map((r) => ({ uri: r.origin.uri, range: absolute(r, (side.side === 'selector' ? r.podLabelsRange : r.selectorRange)!), resource: r }));
}

/** Where the cursor's own side is written (for references' includeDeclaration). */
export function ownRange(side: Side): Target | undefined {
  const r = side.resource;
  const range = side.side === 'selector' ? r.selectorRange : r.podLabelsRange;
  return range ? { uri: r.origin.uri, range: absolute(r, range), resource: r } : undefined;
}
