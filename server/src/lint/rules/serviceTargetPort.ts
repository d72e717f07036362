// A named targetPort is resolved per endpoint pod against its containers' port
// names; the API server does not check it (validation-rules §11, "Named target
// existence not checked"), so a typo leaves the Service without endpoints.
import { isRecord } from '../../../../runtime/src/api/values';
import { serviceSelector } from '../../workspace/resources';
import { get, namespaceOf } from '../pods';
import type { LintHit, LintRule } from '../types';

export const serviceTargetPortUnknown: LintRule = {
  id: 'service-target-port-unknown',
  severity: 'warning',
  scope: 'workspace',
  summary: 'Service `targetPort` name that no container of the selected pods declares.',
  check({ object, workspace }) {
    const selector = object.kind === 'Service' ? serviceSelector(object) : undefined;
    const ports = get(object, 'spec.ports');
    if (!selector || !Array.isArray(ports)) return [];
    const pods = workspace.podsMatching(namespaceOf(object), selector);
    if (!pods.length) return [];
    const names = new Set(pods.flatMap((p) => p.ports.map((d) => d.name).filter(Boolean)));
    const hits: LintHit[] = [];
    ports.forEach((p, i) => {
      const target = isRecord(p) ? p.targetPort : undefined;
      if (typeof target === 'string' && !/^\d+$/.test(target) && !names.has(target))
        hits.push({ path: `spec.ports[${i}].targetPort`, anchor: 'value', message: `no container of the ${pods.length} selected pod template(s) declares a port named "${target}"` });
    });
    return hits;
  },
};
