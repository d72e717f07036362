// `kubectl describe service` and `describe endpoints` text (kubectl
// pkg/describe describeService, describeEndpoints). The writers add lines
// without the Events section, so the dispatcher (describe.ts) aligns them
// together with the events in one tabwriter pass, as kubectl does. The `get svc` / `get ep` columns live in tables.ts with the
// other kinds. kubelab adds one line kubectl lacks: the Service's DNS name, so
// a learner sees what pods can resolve.

import { serviceFqdn } from '../services/dns';
import type { KubeObject } from '../types';
import { DescribeLines } from './describe-writer';
import { formatLabels } from './label-text';

/**
 * formatEndpoints for one Service port: the ready `ip:port` pairs serving it,
 * three at most then "+ N more..."; `<none>` without subsets, empty when only
 * not-ready addresses exist.
 */
export function endpointsForPort(ep: KubeObject | undefined, portName: string | undefined): string {
  const subsets: any[] = (ep?.subsets ?? []) as any[];
  if (subsets.length === 0) return '<none>';
  const pairs: string[] = [];
  for (const s of subsets) {
    const p = (s.ports ?? []).find((x: any) => (x.name ?? '') === (portName ?? ''));
    for (const a of s.addresses ?? []) pairs.push(p ? `${a.ip}:${p.port}` : a.ip);
  }
  return pairs.length > 3 ? `${pairs.slice(0, 3).join(',')} + ${pairs.length - 3} more...` : pairs.join(',');
}

function portLines(l: DescribeLines, svc: KubeObject, ep: KubeObject | undefined): void {
  for (const sp of (svc.spec?.ports ?? []) as any[]) {
    const name = sp.name || '<unset>';
    const protocol = sp.protocol ?? 'TCP';
    l.add(0, 'Port:', name, `${sp.port}/${protocol}`);
    l.add(0, 'TargetPort:', `${sp.targetPort ?? sp.port}/${protocol}`);
    if (sp.nodePort) l.add(0, 'NodePort:', name, `${sp.nodePort}/${protocol}`);
    if (svc.spec?.type !== 'ExternalName') l.add(0, 'Endpoints:', endpointsForPort(ep, sp.name));
  }
}

/** Writes a Service's describe lines (without events), given its Endpoints (undefined when none exists). */
export function writeService(l: DescribeLines, svc: KubeObject, ep: KubeObject | undefined): void {
  const spec = svc.spec ?? {};
  const ns = svc.metadata.namespace ?? 'default';
  l.add(0, 'Name:', svc.metadata.name);
  l.add(0, 'Namespace:', ns);
  l.labels(0, 'Labels', svc.metadata.labels);
  l.annotations(0, 'Annotations', svc.metadata.annotations);
  // labels.FormatLabels: `<none>` for a Service without a selector.
  l.add(0, 'Selector:', formatLabels(spec.selector));
  l.add(0, 'Type:', spec.type ?? 'ClusterIP');
  if (spec.ipFamilyPolicy) l.add(0, 'IP Family Policy:', spec.ipFamilyPolicy);
  if (spec.ipFamilies?.length) l.add(0, 'IP Families:', spec.ipFamilies.join(','));
  if (spec.type !== 'ExternalName') {
    l.add(0, 'IP:', spec.clusterIP ?? '');
    if (spec.clusterIPs?.length) l.add(0, 'IPs:', spec.clusterIPs.join(','));
  }
  if (spec.externalIPs?.length) l.add(0, 'External IPs:', spec.externalIPs.join(','));
  const ingress = (svc.status?.loadBalancer?.ingress ?? []).map((i: any) => i.ip ?? i.hostname);
  if (ingress.length) l.add(0, 'LoadBalancer Ingress:', ingress.join(', '));
  if (spec.type === 'ExternalName') l.add(0, 'External Name:', spec.externalName ?? '');
  portLines(l, svc, ep);
  if (spec.externalTrafficPolicy) l.add(0, 'External Traffic Policy:', spec.externalTrafficPolicy);
  l.add(0, 'Session Affinity:', spec.sessionAffinity ?? 'None');
  if (spec.internalTrafficPolicy) l.add(0, 'Internal Traffic Policy:', spec.internalTrafficPolicy);
  l.add(0, 'DNS Name:', serviceFqdn(svc.metadata.name, ns));
}

/** The describe text of a Service without its events. */
export function describeService(svc: KubeObject, ep: KubeObject | undefined): string {
  const l = new DescribeLines();
  writeService(l, svc, ep);
  return l.text();
}

const ipList = (addresses: readonly any[] | undefined) => (addresses ?? []).map((a) => a.ip).join(',') || '<none>';

/** describeEndpoints without events: each subset's ready and not-ready IPs and its ports, then a blank line. */
export function writeEndpoints(l: DescribeLines, ep: KubeObject): void {
  l.add(0, 'Name:', ep.metadata.name);
  l.add(0, 'Namespace:', ep.metadata.namespace ?? 'default');
  l.labels(0, 'Labels', ep.metadata.labels);
  l.annotations(0, 'Annotations', ep.metadata.annotations);
  l.add(0, 'Subsets:');
  for (const s of (ep.subsets ?? []) as any[]) {
    l.add(1, 'Addresses:', ipList(s.addresses));
    l.add(1, 'NotReadyAddresses:', ipList(s.notReadyAddresses));
    if (s.ports?.length) {
      l.add(1, 'Ports:');
      l.add(2, 'Name', 'Port', 'Protocol');
      l.add(2, '----', '----', '--------');
      for (const p of s.ports) l.add(2, p.name || '<unset>', String(p.port), p.protocol ?? 'TCP');
    }
    l.add(0, '');
  }
}
