// Without a liveness probe the kubelet restarts a container only when it exits;
// without a readiness probe a Service sends traffic to it as soon as it starts
// (runtime-semantics: probes). Batch pods (Job, CronJob) run to completion and
// are left out.
import { containers, podSpecSite } from '../pods';
import type { LintRule } from '../types';

const BATCH = new Set(['Job', 'CronJob']);

export const missingProbes: LintRule = {
  id: 'missing-probes',
  severity: 'information',
  scope: 'document',
  summary: 'Container without a liveness or readiness probe.',
  check({ object }) {
    const site = podSpecSite(object);
    if (!site || BATCH.has(String(object.kind))) return [];
    return containers(site).flatMap(({ path, container }) => {
      const missing = ['livenessProbe', 'readinessProbe'].filter((p) => container[p] === undefined || container[p] === null);
      if (!missing.length) return [];
      const what = missing.map((p) => p.replace('Probe', '')).join(' or ');
      const name = typeof container.name === 'string' ? container.name : '';
      return [{ path: name ? `${path}.name` : path, anchor: 'value' as const, message: `container "${name}" has no ${what} probe` }];
    });
  },
};
