// SetDefaults_Service (pkg/apis/core/v1/defaults.go, validation-rules §6).
// ClusterIPs, ipFamilies, ipFamilyPolicy and node ports are the allocators'
// business and are not touched here.
import { asArray, isRecord, type Obj } from '../values';
import { ensureRecord, setDefault, setIfZero } from './setters';

/** v1.DefaultClientIPServiceAffinitySeconds: three hours. */
export const DEFAULT_CLIENT_IP_TIMEOUT_SECONDS = 10800;

export function defaultService(svc: Obj): void {
  const spec = ensureRecord(svc, 'spec');
  setIfZero(spec, 'sessionAffinity', 'None');
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP' && !hasClientIPTimeout(spec)) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_TIMEOUT_SECONDS } };
  }
  setIfZero(spec, 'type', 'ClusterIP');
  for (const port of asArray(spec.ports)) {
    if (!isRecord(port)) continue;
    setIfZero(port, 'protocol', 'TCP');
    if (port.port !== undefined) setIfZero(port, 'targetPort', port.port);
  }
  if (isExternallyAccessible(spec)) setIfZero(spec, 'externalTrafficPolicy', 'Cluster');
  if (spec.type === 'ClusterIP' || spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
    setDefault(spec, 'internalTrafficPolicy', 'Cluster');
  }
  if (spec.type === 'LoadBalancer') setDefault(spec, 'allocateLoadBalancerNodePorts', true);
}

function hasClientIPTimeout(spec: Obj): boolean {
  const config = spec.sessionAffinityConfig;
  if (!isRecord(config) || !isRecord(config.clientIP)) return false;
  return config.clientIP.timeoutSeconds != null;
}

/** service.ExternallyAccessible: NodePort and LoadBalancer, or a ClusterIP with external IPs. */
export function isExternallyAccessible(spec: Obj): boolean {
  return (
    spec.type === 'LoadBalancer' ||
    spec.type === 'NodePort' ||
    (spec.type === 'ClusterIP' && asArray(spec.externalIPs).length > 0)
  );
}
