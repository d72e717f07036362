// A named targetPort is resolved per endpoint pod against its containers' port
// names; the API server does not check it (validation-rules §11, "Named target
// existence not checked"), so a typo leaves the Service without endpoints.
import { selectorFromMap } from '../../../../runtime/src/api/selectors';
import { get, isObj, namespaceOf, stringMap } from '../pods';
import type { LintHit, LintRule } from '../types';

export const serviceTargetPortUnknown: LintRule = {
  id: 'service-target-port-unknown',
  severity: 'warning',
  scope: 'workspace',
  summary: 'Service `targetPort` name that no container of the selected pods declares.',
  check({ object, workspace }) {
    if (object.kind !== 'Service') return [];
    const sel = stringMap(get(object, 'spec.selector'));
    const ports = get(object, 'spec.ports');
    if (!sel || !Object.keys(sel).length || !Array.isArray(ports)) return [];
    const pods = workspace.podsMatching(namespaceOf(object), selectorFromMap(sel));
    if (!pods.length) return [];
    const names = new Set(pods.flatMap((p) => p.ports.map((d) => d.name).filter(Boolean)));
    const hits: LintHit[] = [];
    ports.forEach((p, i) => {
      const target = isObj(p) ? p.targetPort : undefined;
      if (typeof target === 'string' && !/^\d+$/.test(target) && !names.has(target))
        hits.push({ path: `spec.ports[${i}].targetPort`, anchor: 'value', message: `no container of the ${pods.length} selected pod template(s) declares a port named "${target}"` });
    });
    return hits;
  },
};
