// Small object builders for the Service tests: pods and Services as the
// store holds them after admission (defaults applied, IPs assigned); the
// store stamps creationTimestamp when they are written to it.

import type { KubeObject } from '../../../../runtime/src/cluster/types';

export function meta(name: string, extra: Partial<KubeObject['metadata']> = {}): KubeObject['metadata'] {
  return { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '', creationTimestamp: '', ...extra };
}

export function pod(name: string, opts: { ip?: string; ready?: boolean; labels?: Record<string, string>; node?: string; ports?: any[]; phase?: string; deleting?: boolean } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(name, { labels: opts.labels ?? { app: 'kubia' }, ...(opts.deleting ? { deletionTimestamp: '2026-01-01T00:01:00Z' } : {}) }),
    spec: { nodeName: opts.node ?? 'kubelab-worker', containers: [{ name: 'kubia', image: 'luksa/kubia', ports: opts.ports ?? [{ containerPort: 8080, protocol: 'TCP' }] }] },
    status: {
      phase: opts.phase ?? 'Running',
      ...(opts.ip ? { podIP: opts.ip } : {}),
      conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True' }],
    },
  };
}

export function service(name: string, spec: any = {}, extra: Partial<KubeObject['metadata']> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(name, extra),
    spec: { type: 'ClusterIP', clusterIP: '10.96.12.34', sessionAffinity: 'None', selector: { app: 'kubia' }, ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }], ...spec },
  };
}
