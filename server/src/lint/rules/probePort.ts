// A probe names or numbers a port. A name must be one of the container's
// declared ports or the kubelet cannot resolve it; a number is checked only when
// the container declares ports at all, since declaring them is optional.
import { declaredPorts } from '../../workspace/resources';
import { isRecord } from '../../../../runtime/src/api/values';
import { containers, podSpecSite } from '../pods';
import type { LintHit, LintRule } from '../types';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'];
const HANDLERS = ['httpGet', 'tcpSocket', 'grpc'];

export const probePortNotDeclared: LintRule = {
  id: 'probe-port-not-declared',
  severity: 'warning',
  scope: 'document',
  summary: 'Probe on a port the container does not declare.',
  check({ object }) {
    const site = podSpecSite(object);
    if (!site) return [];
    const hits: LintHit[] = [];
    for (const { path, container } of [...containers(site, 'initContainers'), ...containers(site)]) {
      const ports = declaredPorts(container);
      for (const probe of PROBES) {
        const p = container[probe];
        if (!isRecord(p)) continue;
        for (const h of HANDLERS) {
          const handler = p[h];
          if (!isRecord(handler)) continue;
          const port = handler.port;
          const at = `${path}.${probe}.${h}.port`;
          if (typeof port === 'string' && port && !/^\d+$/.test(port) && !ports.some((d) => d.name === port))
            hits.push({ path: at, anchor: 'value', message: `${probe} uses port "${port}", which the container does not declare` });
          if (typeof port === 'number' && ports.length && !ports.some((d) => d.containerPort === port))
            hits.push({ path: at, anchor: 'value', message: `${probe} uses port ${port}, which the container does not declare` });
        }
      }
    }
    return hits;
  },
};
