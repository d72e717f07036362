// Two controllers whose selectors pick each other's pods fight over them: each
// counts the other's pods as its own replicas (the ReplicaSet documentation's
// warning on overlapping selectors). Overlap here means one selector matches the
// other's template labels, the case a workspace can show.
import { fileNameOf, type IndexedResource } from '../../workspace/resources';
import type { LintRule } from '../types';

export const overlappingSelectors: LintRule = {
  id: 'overlapping-selectors',
  severity: 'warning',
  scope: 'workspace',
  summary: 'Two controllers whose selectors overlap.',
  check({ workspace, self, resource: me }) {
    if (!me?.controls || !me.selector) return [];
    const others = new Map<string, IndexedResource>();
    const isOther = (r: IndexedResource) => r.controls && !(r.origin.uri === self.uri && r.origin.index === self.index);
    const add = (r: IndexedResource) => isOther(r) && others.set(`${r.origin.uri}#${r.origin.index}`, r);
    workspace.podsMatching(me.namespace, me.selector).forEach(add);
    if (me.podLabels && Object.keys(me.podLabels).length) workspace.selectorsMatching(me.namespace, me.podLabels).forEach(add);
    return [...others.values()].map((r) => ({
      path: 'spec.selector',
      anchor: 'key' as const,
      message: `selector overlaps with ${r.kind} "${r.name}" (${fileNameOf(r.origin.uri)}): each would count the other's pods as its own`,
    }));
  },
};
