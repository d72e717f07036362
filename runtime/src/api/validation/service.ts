// Service v1 on create (core/validation ValidateService, validateServicePort,
// ValidateServiceClusterIPsRelatedFields, validateServiceExternalTrafficPolicy,
// validateServiceInternalTrafficFieldsValue; validation-rules §11).
import { child, duplicate, forbidden, index, invalid, notSupported, required, withRule, type FieldError, invalidEach } from '../field';
import { isDNS1123Label, isDNS1123Subdomain, isIPv4, isIPv6, isQualifiedName, isValidIP, isValidPortName, isValidPortNum } from '../formats';
import { isExternallyAccessible } from '../defaults/service';
import { asArray, asInt, asRecord, asString, isRecord, type Obj } from '../values';
import { validateLabels } from './metadata';

const RULE = 'service';

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const AFFINITIES = ['ClientIP', 'None'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];
const IP_FAMILIES = ['IPv4', 'IPv6'];
const IP_FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
/** core.MaxClientIPServiceAffinitySeconds: one day. */
const MAX_AFFINITY_SECONDS = 86400;
/** The API server's default --service-node-port-range. */
const NODE_PORT_RANGE = { min: 30000, max: 32767 };

/**
 * Validation proper, then — only when it passed, as the allocator runs after
 * validation — the static part of node-port allocation: the default range.
 * Collisions and the cluster IP range need cluster state and are left to the cluster.
 */
export function validateService(svc: Obj): FieldError[] {
  const spec = asRecord(svc.spec) ?? {};
  const errs = validateServiceSpec(spec, 'spec');
  if (errs.every((e) => e.warning)) errs.push(...validateNodePortRange(spec));
  return withRule(RULE, errs);
}

function validateServiceSpec(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const type = asString(spec.type);
  const ports = asArray(spec.ports).map((p) => asRecord(p) ?? {});
  const clusterIPs = asArray(spec.clusterIPs).map(asString);
  const headless = clusterIPs.length === 1 && clusterIPs[0] === 'None';
  if (ports.length === 0 && !headless && type !== 'ExternalName') errs.push(required(child(path, 'ports'), ''));
  errs.push(...validateTypeSpecific(spec, type, headless, clusterIPs, path));
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validateServicePort(p, ports.length > 1, names, index(child(path, 'ports'), i))));
  if (spec.selector != null) errs.push(...withRule('metadata', validateLabels(spec.selector, child(path, 'selector'))));
  errs.push(...validateSessionAffinity(spec, path));
  if (type !== 'ExternalName') errs.push(...validateClusterIPs(spec, clusterIPs, headless, path));
  asArray(spec.externalIPs).forEach((ip, i) => errs.push(...validateExternalIP(asString(ip), index(child(path, 'externalIPs'), i))));
  if (type === '') errs.push(required(child(path, 'type'), ''));
  else if (!TYPES.includes(type)) errs.push(notSupported(child(path, 'type'), type, TYPES));
  if (type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (asInt(p.nodePort) !== 0) errs.push(forbidden(child(index(child(path, 'ports'), i), 'nodePort'), "may not be used when `type` is 'ClusterIP'"));
    });
  }
  errs.push(...validateDuplicatePorts(ports, path));
  errs.push(...validateLoadBalancerFields(spec, type, path));
  errs.push(...validateExternalTrafficPolicy(spec, path));
  errs.push(...validateInternalTrafficPolicy(spec, type, path));
  if (spec.trafficDistribution != null && spec.trafficDistribution !== 'PreferClose') {
    errs.push(notSupported(child(path, 'trafficDistribution'), spec.trafficDistribution, ['PreferClose']));
  }
  return errs;
}

function validateTypeSpecific(spec: Obj, type: string, headless: boolean, clusterIPs: string[], path: string): FieldError[] {
  if ((type === 'LoadBalancer' || type === 'NodePort') && headless) {
    return [invalid(index(child(path, 'clusterIPs'), 0), clusterIPs[0], `may not be set to 'None' for ${type} services`)];
  }
  if (type !== 'ExternalName') return [];
  const errs: FieldError[] = [];
  if (clusterIPs.length > 0) errs.push(forbidden(child(path, 'clusterIPs'), 'may not be set for ExternalName services'));
  if (asArray(spec.ipFamilies).length > 0) errs.push(forbidden(child(path, 'ipFamilies'), 'may not be set for ExternalName services'));
  if (spec.ipFamilyPolicy != null) errs.push(forbidden(child(path, 'ipFamilyPolicy'), 'may not be set for ExternalName services'));
  // A CNAME may end in a dot to mark it fully qualified.
  const cname = asString(spec.externalName).replace(/\.$/, '');
  const namePath = child(path, 'externalName');
  if (cname) errs.push(...invalidEach(namePath, cname, isDNS1123Subdomain(cname)));
  else errs.push(required(namePath, ''));
  return errs;
}

function validateServicePort(p: Obj, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = asString(p.name);
  const namePath = child(path, 'name');
  if (requireName && !name) errs.push(required(namePath, ''));
  else if (name) {
    errs.push(...invalidEach(namePath, name, isDNS1123Label(name)));
    if (names.has(name)) errs.push(duplicate(namePath, name));
    names.add(name);
  }
  const port = asInt(p.port);
  errs.push(...invalidEach(child(path, 'port'), port, isValidPortNum(port)));
  const protocol = asString(p.protocol);
  if (!protocol) errs.push(required(child(path, 'protocol'), ''));
  else if (!PROTOCOLS.includes(protocol)) errs.push(notSupported(child(path, 'protocol'), protocol, PROTOCOLS));
  errs.push(...validatePortNumOrName(p.targetPort, child(path, 'targetPort')));
  if (typeof p.appProtocol === 'string') {
    errs.push(...invalidEach(child(path, 'appProtocol'), p.appProtocol, isQualifiedName(p.appProtocol)));
  }
  return errs;
}

/** ValidatePortNumOrName: a number is a port, a string an IANA service name (never parsed as a number). */
function validatePortNumOrName(v: unknown, path: string): FieldError[] {
  if (typeof v === 'string') return invalidEach(path, v, isValidPortName(v));
  const n = asInt(v);
  return invalidEach(path, n, isValidPortNum(n));
}

function validateSessionAffinity(spec: Obj, path: string): FieldError[] {
  const affinity = asString(spec.sessionAffinity);
  const affinityPath = child(path, 'sessionAffinity');
  const configPath = child(path, 'sessionAffinityConfig');
  if (!affinity) return [required(affinityPath, '')];
  if (!AFFINITIES.includes(affinity)) return [notSupported(affinityPath, affinity, AFFINITIES)];
  if (affinity === 'None') return spec.sessionAffinityConfig != null ? [forbidden(configPath, 'must not be set when session affinity is None')] : [];
  // validateClientIPAffinityConfig
  const when = 'when session affinity type is ClientIP';
  const config = asRecord(spec.sessionAffinityConfig);
  if (!config) return [required(configPath, when)];
  const clientIP = asRecord(config.clientIP);
  const clientIPPath = child(configPath, 'clientIP');
  if (!clientIP) return [required(clientIPPath, when)];
  const timeoutPath = child(clientIPPath, 'timeoutSeconds');
  if (clientIP.timeoutSeconds == null) return [required(timeoutPath, when)];
  const timeout = asInt(clientIP.timeoutSeconds);
  if (timeout <= 0 || timeout > MAX_AFFINITY_SECONDS) {
    return [invalid(timeoutPath, timeout, `must be greater than 0 and less than ${MAX_AFFINITY_SECONDS}`)];
  }
  return [];
}

/** ValidateServiceClusterIPsRelatedFields (ExternalName services are checked before). */
function validateClusterIPs(spec: Obj, clusterIPs: string[], headless: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const ipsPath = child(path, 'clusterIPs');
  const clusterIP = asString(spec.clusterIP);
  if (clusterIP) {
    if (clusterIPs.length === 0) errs.push(required(ipsPath, ''));
    else if (clusterIPs[0] !== clusterIP) errs.push(invalid(ipsPath, clusterIPs, 'first value must match `clusterIP`'));
  } else if (clusterIPs.length > 0) {
    errs.push(invalid(ipsPath, clusterIPs, 'must be empty when `clusterIP` is not specified'));
  }
  const families = asArray(spec.ipFamilies).map(asString);
  const seen = new Set<string>();
  families.forEach((f, i) => {
    const p = index(child(path, 'ipFamilies'), i);
    if (!IP_FAMILIES.includes(f)) errs.push(notSupported(p, f, IP_FAMILIES));
    if (seen.has(f)) errs.push(duplicate(p, f));
    seen.add(f);
  });
  if (spec.ipFamilyPolicy != null && !IP_FAMILY_POLICIES.includes(asString(spec.ipFamilyPolicy))) {
    errs.push(notSupported(child(path, 'ipFamilyPolicy'), spec.ipFamilyPolicy, IP_FAMILY_POLICIES));
  }
  let hasInvalidIPs = false;
  clusterIPs.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (clusterIPs.length > 1) {
        hasInvalidIPs = true;
        errs.push(invalid(ipsPath, clusterIPs, "'None' must be the first and only value"));
      }
      return;
    }
    const msgs = isValidIP(ip);
    hasInvalidIPs ||= msgs.length > 0;
    errs.push(...invalidEach(index(ipsPath, i), ip, msgs));
  });
  if (clusterIPs.length > 2) errs.push(invalid(ipsPath, clusterIPs, 'may only hold up to 2 values'));
  // Bad addresses would skew the dual-stack messages below.
  if (hasInvalidIPs) return errs;
  if (clusterIPs.length > 1 && isIPv6(clusterIPs[0]) === isIPv6(clusterIPs[1])) {
    errs.push(invalid(ipsPath, clusterIPs, 'may specify no more than one IP for each IP family'));
  }
  if (!headless) {
    clusterIPs.slice(0, families.length).forEach((ip, i) => {
      if (families[i] === 'IPv4' && isIPv6(ip)) errs.push(invalid(index(ipsPath, i), ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      if (families[i] === 'IPv6' && !isIPv6(ip)) errs.push(invalid(index(ipsPath, i), ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
    });
  }
  return errs;
}

/** IsValidIP, then ValidateNonSpecialIP: addresses that make no sense as external IPs. */
function validateExternalIP(ip: string, path: string): FieldError[] {
  const msgs = isValidIP(ip);
  if (msgs.length > 0) return invalidEach(path, ip, msgs);
  const special = specialRange(ip);
  return special ? [invalid(path, ip, special)] : [];
}

/** The net.IP predicates ValidateNonSpecialIP uses, for the textual forms isValidIP accepts. */
function specialRange(ip: string): string | undefined {
  const lower = ip.toLowerCase();
  const v4 = isIPv4(ip) ? ip.split('.').map(Number) : undefined;
  if (v4 ? v4.every((n) => n === 0) : /^[0:]+$/.test(lower)) return `may not be unspecified (${ip})`;
  if (v4 ? v4[0] === 127 : /^[0:]+1$/.test(lower)) return 'may not be in the loopback range (127.0.0.0/8, ::1/128)';
  if (v4 ? v4[0] === 169 && v4[1] === 254 : /^fe[89ab][0-9a-f]?:/.test(lower)) return 'may not be in the link-local range (169.254.0.0/16, fe80::/10)';
  if (v4 ? v4[0] === 224 && v4[1] === 0 && v4[2] === 0 : /^ff02:/.test(lower)) return 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)';
  return undefined;
}

/** Duplicate (protocol, nodePort) and (protocol, port) pairs. */
function validateDuplicatePorts(ports: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    const nodePort = asInt(p.nodePort);
    if (nodePort === 0) return;
    const k = `${asString(p.protocol)}/${nodePort}`;
    if (nodePorts.has(k)) errs.push(duplicate(child(index(child(path, 'ports'), i), 'nodePort'), nodePort));
    nodePorts.add(k);
  });
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const k = `${asString(p.protocol)}/${asInt(p.port)}`;
    // The bad value is an internal ServicePort holding only protocol and port.
    if (seen.has(k)) errs.push(duplicate(index(child(path, 'ports'), i), { protocol: asString(p.protocol), port: asInt(p.port) }));
    seen.add(k);
  });
  return errs;
}

function validateLoadBalancerFields(spec: Obj, type: string, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const onlyLB = "may only be used when `type` is 'LoadBalancer'";
  const ranges = asArray(spec.loadBalancerSourceRanges);
  if (ranges.length > 0) {
    // Upstream's path is literally capitalised.
    const rangesPath = child(path, 'LoadBalancerSourceRanges');
    if (type !== 'LoadBalancer') errs.push(forbidden(rangesPath, onlyLB));
    ranges.forEach((r, i) => {
      const value = asString(r).trim();
      if (!isCIDR(value)) errs.push(invalid(index(rangesPath, i), value, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'));
    });
  }
  if (spec.allocateLoadBalancerNodePorts != null && type !== 'LoadBalancer') errs.push(forbidden(child(path, 'allocateLoadBalancerNodePorts'), onlyLB));
  if (type === 'LoadBalancer' && typeof spec.loadBalancerClass === 'string') {
    errs.push(...invalidEach(child(path, 'loadBalancerClass'), spec.loadBalancerClass, isQualifiedName(spec.loadBalancerClass)));
  } else if (spec.loadBalancerClass != null && type !== 'LoadBalancer') {
    errs.push(forbidden(child(path, 'loadBalancerClass'), onlyLB));
  }
  return errs;
}

function isCIDR(value: string): boolean {
  const slash = value.indexOf('/');
  if (slash < 0) return false;
  const ip = value.slice(0, slash);
  const bits = value.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bits)) return false;
  if (isIPv4(ip)) return Number(bits) <= 32;
  return isIPv6(ip) && Number(bits) <= 128;
}

function validateExternalTrafficPolicy(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const policyPath = child(path, 'externalTrafficPolicy');
  const policy = asString(spec.externalTrafficPolicy);
  if (!isExternallyAccessible(spec)) {
    if (policy) errs.push(invalid(policyPath, policy, 'may only be set for externally-accessible services'));
  } else if (!policy) errs.push(required(policyPath, ''));
  else if (!TRAFFIC_POLICIES.includes(policy)) errs.push(notSupported(policyPath, policy, TRAFFIC_POLICIES));
  const hcPath = child(path, 'healthCheckNodePort');
  const hc = asInt(spec.healthCheckNodePort);
  const needsHealthCheck = spec.type === 'LoadBalancer' && policy === 'Local';
  if (!needsHealthCheck) {
    if (hc !== 0) errs.push(invalid(hcPath, hc, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
  } else if (hc !== 0) {
    // A missing port is allocated; only a written one is checked.
    errs.push(...invalidEach(hcPath, hc, isValidPortNum(hc)));
  }
  return errs;
}

function validateInternalTrafficPolicy(spec: Obj, type: string, path: string): FieldError[] {
  const p = child(path, 'internalTrafficPolicy');
  if (spec.internalTrafficPolicy == null) {
    return type === 'NodePort' || type === 'LoadBalancer' || type === 'ClusterIP' ? [required(p, '')] : [];
  }
  const policy = asString(spec.internalTrafficPolicy);
  return TRAFFIC_POLICIES.includes(policy) ? [] : [notSupported(p, policy, TRAFFIC_POLICIES)];
}

/** The node-port allocator's range check, the part that needs no cluster state. */
function validateNodePortRange(spec: Obj): FieldError[] {
  if (spec.type !== 'NodePort' && spec.type !== 'LoadBalancer') return [];
  const { min, max } = NODE_PORT_RANGE;
  const errs: FieldError[] = [];
  asArray(spec.ports).forEach((p, i) => {
    const nodePort = isRecord(p) ? asInt(p.nodePort) : 0;
    if (nodePort !== 0 && (nodePort < min || nodePort > max)) {
      errs.push(invalid(`spec.ports[${i}].nodePort`, nodePort, `provided port is not in the valid range. The range of valid ports is ${min}-${max}`));
    }
  });
  return errs;
}
