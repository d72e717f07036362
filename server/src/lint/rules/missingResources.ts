// A container without requests is scheduled as if it needed nothing and is the
// first evicted under pressure (BestEffort QoS); limits bound what it may take.
import { isRecord } from '../../../../runtime/src/api/values';
import { containers, podSpecSite } from '../pods';
import type { LintRule } from '../types';

export const missingResources: LintRule = {
  id: 'missing-resources',
  severity: 'information',
  scope: 'document',
  summary: 'Container without resource requests or limits.',
  check({ object }) {
    const site = podSpecSite(object);
    if (!site) return [];
    return containers(site).flatMap(({ path, container }) => {
      const res = isRecord(container.resources) ? container.resources : {};
      if (isRecord(res.requests) || isRecord(res.limits)) return [];
      const name = typeof container.name === 'string' ? container.name : '';
      return [{ path: name ? `${path}.name` : path, anchor: 'value' as const, message: `container "${name}" has no resource requests or limits` }];
    });
  },
};
