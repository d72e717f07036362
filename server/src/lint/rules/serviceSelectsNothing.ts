// A Service whose selector matches no pod or pod template of its namespace in
// the workspace gets no endpoints: every connection to it is refused.
import { serviceSelector } from '../../workspace/resources';
import { namespaceOf } from '../pods';
import type { LintRule } from '../types';

export const serviceSelectsNothing: LintRule = {
  id: 'service-selects-nothing',
  severity: 'warning',
  scope: 'workspace',
  summary: 'Service whose selector matches no pod or workload template in the same namespace in the workspace.',
  check({ object, workspace }) {
    const selector = object.kind === 'Service' ? serviceSelector(object) : undefined;
    if (!selector) return [];
    const ns = namespaceOf(object);
    if (workspace.podsMatching(ns, selector).length) return [];
    return [{ path: 'spec.selector', anchor: 'key', message: `selector matches no pod or pod template in namespace "${ns}" in the workspace` }];
  },
};
