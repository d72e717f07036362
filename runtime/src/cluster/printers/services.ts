// `kubectl describe service` text (kubectl pkg/describe describeService),
// without the Events section, which the caller appends from the event
// recorder like every describe. The `get svc` / `get ep` columns live in
// tables.ts with the other kinds. kubelab adds one line kubectl lacks: the
// Service's DNS name, so a learner sees what pods can resolve.

import { LAST_APPLIED } from '../apply-merge';
import { serviceFqdn } from '../services/dns';
import type { KubeObject } from '../types';
import { tabwrite } from './tabwriter';

/** describe's multi-line maps: the first entry beside the label, the rest below it, sorted by key. */
function multiline(label: string, map: Record<string, string> | undefined, skip: ReadonlySet<string> = new Set()): string[] {
  const entries = Object.entries(map ?? {}).filter(([k]) => !skip.has(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return [`${label}:\t<none>`];
  return entries.map(([k, v], i) => `${i === 0 ? `${label}:` : ''}\t${k}=${v}`);
}

const selectorText = (sel: Record<string, string> | undefined) =>
  Object.entries(sel ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}=${v}`).join(',');

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

function portLines(svc: KubeObject, ep: KubeObject | undefined): string[] {
  const lines: string[] = [];
  for (const sp of (svc.spec?.ports ?? []) as any[]) {
    const name = sp.name || '<unset>';
    const protocol = sp.protocol ?? 'TCP';
    lines.push(`Port:\t${name}\t${sp.port}/${protocol}`);
    lines.push(`TargetPort:\t${sp.targetPort ?? sp.port}/${protocol}`);
    if (sp.nodePort) lines.push(`NodePort:\t${name}\t${sp.nodePort}/${protocol}`);
    if (svc.spec?.type !== 'ExternalName') lines.push(`Endpoints:\t${endpointsForPort(ep, sp.name)}`);
  }
  return lines;
}

/** The describe text of a Service, given its Endpoints (undefined when none exists). */
export function describeService(svc: KubeObject, ep: KubeObject | undefined): string {
  const spec = svc.spec ?? {};
  const ns = svc.metadata.namespace ?? 'default';
  const lines = [
    `Name:\t${svc.metadata.name}`,
    `Namespace:\t${ns}`,
    ...multiline('Labels', svc.metadata.labels),
    ...multiline('Annotations', svc.metadata.annotations, new Set([LAST_APPLIED])),
    `Selector:\t${selectorText(spec.selector)}`,
    `Type:\t${spec.type ?? 'ClusterIP'}`,
  ];
  if (spec.ipFamilyPolicy) lines.push(`IP Family Policy:\t${spec.ipFamilyPolicy}`);
  if (spec.ipFamilies?.length) lines.push(`IP Families:\t${spec.ipFamilies.join(',')}`);
  if (spec.type !== 'ExternalName') {
    lines.push(`IP:\t${spec.clusterIP ?? ''}`);
    if (spec.clusterIPs?.length) lines.push(`IPs:\t${spec.clusterIPs.join(',')}`);
  }
  if (spec.externalIPs?.length) lines.push(`External IPs:\t${spec.externalIPs.join(',')}`);
  const ingress = (svc.status?.loadBalancer?.ingress ?? []).map((i: any) => i.ip ?? i.hostname);
  if (ingress.length) lines.push(`LoadBalancer Ingress:\t${ingress.join(', ')}`);
  if (spec.type === 'ExternalName') lines.push(`External Name:\t${spec.externalName ?? ''}`);
  lines.push(...portLines(svc, ep));
  if (spec.externalTrafficPolicy) lines.push(`External Traffic Policy:\t${spec.externalTrafficPolicy}`);
  lines.push(`Session Affinity:\t${spec.sessionAffinity ?? 'None'}`);
  if (spec.internalTrafficPolicy) lines.push(`Internal Traffic Policy:\t${spec.internalTrafficPolicy}`);
  lines.push(`DNS Name:\t${serviceFqdn(svc.metadata.name, ns)}`);
  return tabwrite(lines.join('\n'), 2) + '\n';
}
