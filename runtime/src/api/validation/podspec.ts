// The pod spec: validation.go ValidatePodSpec and its pod-level helpers (restart and DNS
// policy, DNS config, tolerations, affinity, scheduling gates, names), the Pod-only
// checks of validatePodMetadataAndSpec and ValidatePodCreate, and the API warnings of
// pkg/api/pod/warnings.go (validation-rules §7). Containers, ports, env, resources,
// volumes and probes are their own families, called from here in upstream's order.

import { type FieldError, child, duplicate, forbidden, index, invalid, key, notSupported, required, withRule, apiWarning, invalidEach } from '../field';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidIP, isValidLabelValue } from '../formats';
import { type Obj, asArray, asInt, asRecord, asString } from '../values';
import { containerWarnings, enumField, validateAllContainers, validateImagesForPod } from './containers';
import { validateLabelSelector } from './labelselector';
import { validateLabels } from './metadata';
import { portWarnings, validateHostNetworkPorts } from './ports';
import { validateVolumes, volumeWarnings } from './volumes';

export interface PodSpecOptions {
  /** A template inside a controller (RC, RS, DS, Job, CronJob) rather than a Pod. */
  isTemplate: boolean;
  minor: number;
}

const RESTART_POLICIES: readonly string[] = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES: readonly string[] = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const TOLERATION_OPERATORS: readonly string[] = ['Equal', 'Exists'];
const TAINT_EFFECTS: readonly string[] = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const MAX_INT32 = 2147483647;
const MAX_NAMESERVERS = 3;
const MAX_SEARCHES = 32;
const MAX_SEARCH_CHARS = 2048;

/**
 * A (defaulted) pod spec at `path`: `spec` for a Pod, `spec.template.spec` for
 * controllers, `spec.jobTemplate.spec.template.spec` for CronJobs. Errors and the
 * API server's warnings (`warning: true`) come back together, each tagged with its family.
 * For templates the caller reports `ephemeralContainers` (ValidatePodTemplateSpec).
 */
export function validatePodSpec(spec: unknown, path: string, opts: PodSpecOptions): FieldError[] {
  const s = asRecord(spec) ?? {};
  // Defaulted to 30; only a missing value fails. Negative values pass with a warning.
  const grace = s.terminationGracePeriodSeconds == null ? [required(child(path, 'terminationGracePeriodSeconds'))] : [];
  const gracePeriod = s.terminationGracePeriodSeconds == null ? undefined : asInt(s.terminationGracePeriodSeconds);
  const volumes = validateVolumes(s.volumes, child(path, 'volumes'));
  const containers = validateAllContainers(s, path, { volumes: volumes.names, gracePeriod, minor: opts.minor });
  const hostNetwork = validateHostNetworkPorts(s, path, opts.isTemplate);
  const own = [
    ...enumField(asString(s.restartPolicy), child(path, 'restartPolicy'), RESTART_POLICIES),
    ...enumField(asString(s.dnsPolicy), child(path, 'dnsPolicy'), DNS_POLICIES),
    // Label rules, but a pod-spec finding: the node selector is not the object's metadata.
    ...validateLabels(s.nodeSelector, child(path, 'nodeSelector')).map((e) => ({ ...e, rule: 'pod-spec' })),
    ...validateAffinity(s.affinity, child(path, 'affinity')),
    ...validateDNSConfig(s.dnsConfig, asString(s.dnsPolicy), child(path, 'dnsConfig'), opts.minor),
    ...validateReadinessGates(s.readinessGates, child(path, 'readinessGates')),
    ...validateSchedulingGates(s.schedulingGates, child(path, 'schedulingGates')),
    ...validateNames(s, path),
    ...validateTolerations(s.tolerations, child(path, 'tolerations')),
    ...validateHostAliases(s.hostAliases, child(path, 'hostAliases')),
    ...validateClassNames(s, path),
  ];
  // Pods only: templates keep the laxer rules for backward compatibility (validatePodMetadataAndSpec, ValidatePodCreate).
  const podOnly = opts.isTemplate ? [] : [...validateImagesForPod(s, path), ...withRule('pod-spec', validateForCreate(s, path))];
  return [
    ...withRule('pod-spec', grace),
    ...volumes.errors,
    ...containers,
    ...hostNetwork,
    ...withRule('pod-spec', own),
    ...podOnly,
    ...podSpecWarnings(s, path),
  ];
}


/** Object names the pod refers to, and its own DNS names; each is checked only when set. */
function validateNames(s: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const checks: Array<[string, (v: string) => string[]]> = [
    ['serviceAccountName', isDNS1123Subdomain],
    ['nodeName', isDNS1123Subdomain],
  ];
  for (const [field, check] of checks) {
    const v = asString(s[field]);
    if (v) errs.push(...invalidEach(child(path, field), v, check(v)));
  }
  if (s.activeDeadlineSeconds != null) {
    const v = asInt(s.activeDeadlineSeconds);
    if (v < 1 || v > MAX_INT32) errs.push(invalid(child(path, 'activeDeadlineSeconds'), v, `must be between 1 and ${MAX_INT32}, inclusive`));
  }
  for (const field of ['hostname', 'subdomain']) {
    const v = asString(s[field]);
    if (v) errs.push(...invalidEach(child(path, field), v, isDNS1123Label(v)));
  }
  return errs;
}

/** The priorityClassName and runtimeClassName checks follow tolerations and host aliases upstream. */
function validateClassNames(s: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const priority = asString(s.priorityClassName);
  if (priority) errs.push(...invalidEach(child(path, 'priorityClassName'), priority, isDNS1123Subdomain(priority)));
  if (typeof s.runtimeClassName === 'string') errs.push(...invalidEach(child(path, 'runtimeClassName'), s.runtimeClassName, isDNS1123Subdomain(s.runtimeClassName)));
  return errs;
}

/** ValidatePodCreate: fields a new Pod may not carry. */
function validateForCreate(s: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  // Ephemeral containers are added to running pods through their own subresource.
  if (asArray(s.ephemeralContainers).length > 0) errs.push(forbidden(child(path, 'ephemeralContainers'), 'cannot be set on create'));
  // A scheduling gate holds the pod back from the scheduler; binding it directly would bypass that.
  if (asString(s.nodeName) && asArray(s.schedulingGates).length > 0)
    errs.push(forbidden(child(path, 'nodeName'), 'cannot be set until all schedulingGates have been cleared'));
  return errs;
}

/** validatePodDNSConfig. */
function validateDNSConfig(config: unknown, dnsPolicy: string, path: string, minor: number): FieldError[] {
  const c = asRecord(config);
  if (dnsPolicy === 'None') {
    if (!c) return [required(path, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (asArray(c.nameservers).length === 0)
      return [required(child(path, 'nameservers'), 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
  }
  if (!c) return [];
  const errs: FieldError[] = [];
  const nameservers = asArray(c.nameservers);
  if (nameservers.length > MAX_NAMESERVERS)
    errs.push(invalid(child(path, 'nameservers'), nameservers, `must not have more than ${MAX_NAMESERVERS} nameservers`));
  nameservers.forEach((ns, i) => errs.push(...invalidEach(index(child(path, 'nameservers'), i), asString(ns), isValidIP(asString(ns)))));
  const searches = asArray(c.searches).map(asString);
  if (searches.length > MAX_SEARCHES) errs.push(invalid(child(path, 'searches'), searches, `must not have more than ${MAX_SEARCHES} search paths`));
  if (searches.join(' ').length > MAX_SEARCH_CHARS)
    errs.push(invalid(child(path, 'searches'), searches, `must not have more than ${MAX_SEARCH_CHARS} characters (including spaces) in the search list`));
  // RelaxedDNSSearchValidation (beta, on in 1.33) accepts "." and underscores; before, each is a DNS subdomain.
  if (minor < 33)
    searches.forEach((sp, i) => errs.push(...invalidEach(index(child(path, 'searches'), i), sp.replace(/\.$/, ''), isDNS1123Subdomain(sp.replace(/\.$/, '')))));
  asArray(c.options).forEach((o, i) => {
    if (!asString(asRecord(o)?.name)) errs.push(required(index(child(path, 'options'), i), 'must not be empty'));
  });
  return errs;
}

function validateReadinessGates(gates: unknown, path: string): FieldError[] {
  return asArray(gates).flatMap((g, i) => {
    const conditionType = asString(asRecord(g)?.conditionType);
    return invalidEach(child(index(path, i), 'conditionType'), conditionType, isQualifiedName(conditionType));
  });
}

/** validateSchedulingGates: qualified names, no repeats (errors at the list entry, not `.name`). */
function validateSchedulingGates(gates: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  asArray(gates).forEach((g, i) => {
    const name = asString(asRecord(g)?.name);
    errs.push(...invalidEach(index(path, i), name, isQualifiedName(name)));
    if (seen.has(name)) errs.push(duplicate(index(path, i), name));
    seen.add(name);
  });
  return errs;
}

/**
 * ValidateTolerations. Upstream reports value problems at `operator` (not `value`),
 * kept so the paths match what kubectl prints.
 */
function validateTolerations(tolerations: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  asArray(tolerations).forEach((item, i) => {
    const t = asRecord(item) ?? {};
    const at = index(path, i);
    const tolerationKey = asString(t.key);
    const operator = asString(t.operator);
    const value = asString(t.value);
    const effect = asString(t.effect);
    if (tolerationKey) errs.push(...invalidEach(child(at, 'key'), tolerationKey, isQualifiedName(tolerationKey)));
    // An empty key with Exists tolerates every taint.
    if (!tolerationKey && operator !== 'Exists')
      errs.push(invalid(child(at, 'operator'), operator, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    if (t.tolerationSeconds != null && effect !== 'NoExecute')
      errs.push(invalid(child(at, 'effect'), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    if (operator === 'Equal' || operator === '') {
      const msgs = isValidLabelValue(value);
      if (msgs.length > 0) errs.push(invalid(child(at, 'operator'), value, msgs.join(';')));
    } else if (operator === 'Exists') {
      if (value) errs.push(invalid(child(at, 'operator'), value, "value must be empty when `operator` is 'Exists'"));
    } else {
      errs.push(notSupported(child(at, 'operator'), operator, TOLERATION_OPERATORS));
    }
    if (effect && !TAINT_EFFECTS.includes(effect)) errs.push(notSupported(child(at, 'effect'), effect, TAINT_EFFECTS));
  });
  return errs;
}

/** ValidateHostAliases; the class-name checks come right after it upstream. */
function validateHostAliases(aliases: unknown, path: string): FieldError[] {
  return asArray(aliases).flatMap((item, i) => {
    const a = asRecord(item) ?? {};
    const at = index(path, i);
    const ip = asString(a.ip);
    return [
      ...invalidEach(child(at, 'ip'), ip, isValidIP(ip)),
      ...asArray(a.hostnames).flatMap((h, j) => invalidEach(index(child(at, 'hostnames'), j), asString(h), isDNS1123Subdomain(asString(h)))),
    ];
  });
}

// --- affinity (validateAffinity and helpers) -------------------------------

function validateAffinity(affinity: unknown, path: string): FieldError[] {
  const a = asRecord(affinity);
  if (!a) return [];
  const errs: FieldError[] = [];
  const node = asRecord(a.nodeAffinity);
  if (node) {
    const at = child(path, 'nodeAffinity');
    const requiredTerms = asRecord(node.requiredDuringSchedulingIgnoredDuringExecution);
    if (requiredTerms) errs.push(...validateNodeSelector(requiredTerms, child(at, 'requiredDuringSchedulingIgnoredDuringExecution')));
    asArray(node.preferredDuringSchedulingIgnoredDuringExecution).forEach((item, i) => {
      const term = asRecord(item) ?? {};
      const termPath = index(child(at, 'preferredDuringSchedulingIgnoredDuringExecution'), i);
      errs.push(...weight(term, termPath));
      // Preferred terms may name label values no node has yet: values are not checked.
      errs.push(...validateNodeSelectorTerm(asRecord(term.preference) ?? {}, child(termPath, 'preference'), false));
    });
  }
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    const p = asRecord(a[kind]);
    if (!p) continue;
    const at = child(path, kind);
    asArray(p.requiredDuringSchedulingIgnoredDuringExecution).forEach((term, i) =>
      errs.push(...validatePodAffinityTerm(asRecord(term) ?? {}, index(child(at, 'requiredDuringSchedulingIgnoredDuringExecution'), i))),
    );
    asArray(p.preferredDuringSchedulingIgnoredDuringExecution).forEach((item, i) => {
      const term = asRecord(item) ?? {};
      const termPath = index(child(at, 'preferredDuringSchedulingIgnoredDuringExecution'), i);
      errs.push(...weight(term, termPath), ...validatePodAffinityTerm(asRecord(term.podAffinityTerm) ?? {}, child(termPath, 'podAffinityTerm')));
    });
  }
  return errs;
}

function weight(term: Obj, path: string): FieldError[] {
  const w = asInt(term.weight);
  return w <= 0 || w > 100 ? [invalid(child(path, 'weight'), w, 'must be in the range 1-100')] : [];
}

/** ValidateNodeSelector: a required node affinity needs at least one term. */
function validateNodeSelector(selector: Obj, path: string): FieldError[] {
  const termsPath = child(path, 'nodeSelectorTerms');
  const terms = asArray(selector.nodeSelectorTerms);
  if (terms.length === 0) return [required(termsPath, 'must have at least one node selector term')];
  return terms.flatMap((t, i) => validateNodeSelectorTerm(asRecord(t) ?? {}, index(termsPath, i), true));
}

function validateNodeSelectorTerm(term: Obj, path: string, checkValues: boolean): FieldError[] {
  return [
    ...asArray(term.matchExpressions).flatMap((r, j) => validateNodeSelectorRequirement(asRecord(r) ?? {}, index(child(path, 'matchExpressions'), j), checkValues)),
    ...asArray(term.matchFields).flatMap((r, j) => validateNodeFieldRequirement(asRecord(r) ?? {}, index(child(path, 'matchFields'), j))),
  ];
}

/** ValidateNodeSelectorRequirement: operators In/NotIn/Exists/DoesNotExist/Gt/Lt (case-sensitive). */
function validateNodeSelectorRequirement(req: Obj, path: string, checkValues: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const operator = asString(req.operator);
  const values = asArray(req.values).map(asString);
  const valuesPath = child(path, 'values');
  if (operator === 'In' || operator === 'NotIn') {
    if (values.length === 0) errs.push(required(valuesPath, "must be specified when `operator` is 'In' or 'NotIn'"));
  } else if (operator === 'Exists' || operator === 'DoesNotExist') {
    if (values.length > 0) errs.push(forbidden(valuesPath, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
  } else if (operator === 'Gt' || operator === 'Lt') {
    if (values.length !== 1) errs.push(required(valuesPath, "must be specified single value when `operator` is 'Lt' or 'Gt'"));
  } else {
    errs.push(invalid(child(path, 'operator'), operator, 'not a valid selector operator'));
  }
  errs.push(...invalidEach(child(path, 'key'), asString(req.key), isQualifiedName(asString(req.key))));
  if (checkValues) values.forEach((v, k) => errs.push(...invalidEach(index(valuesPath, k), v, isValidLabelValue(v))));
  return errs;
}

/** ValidateNodeFieldSelectorRequirement: only `metadata.name`, with In/NotIn and one value. */
function validateNodeFieldRequirement(req: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const operator = asString(req.operator);
  const values = asArray(req.values).map(asString);
  if (operator === 'In' || operator === 'NotIn') {
    if (values.length !== 1)
      errs.push(required(child(path, 'values'), "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
  } else {
    errs.push(invalid(child(path, 'operator'), operator, 'not a valid selector operator'));
  }
  const fieldKey = asString(req.key);
  if (fieldKey !== 'metadata.name') errs.push(invalid(child(path, 'key'), fieldKey, 'not a valid field selector key'));
  else values.forEach((v, i) => errs.push(...invalidEach(index(child(path, 'values'), i), v, isDNS1123Subdomain(v))));
  return errs;
}

/** validatePodAffinityTerm. Namespace errors sit at `namespace` (singular), as upstream prints them. */
function validatePodAffinityTerm(term: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const sel of ['labelSelector', 'namespaceSelector']) {
    if (term[sel] != null) errs.push(...validateLabelSelector(term[sel], child(path, sel)));
  }
  for (const ns of asArray(term.namespaces)) errs.push(...invalidEach(child(path, 'namespace'), asString(ns), isDNS1123Label(asString(ns))));
  const topologyKey = asString(term.topologyKey);
  if (!topologyKey) errs.push(required(child(path, 'topologyKey'), 'can not be empty'));
  errs.push(...invalidEach(child(path, 'topologyKey'), topologyKey, isQualifiedName(topologyKey)));
  return errs;
}

// --- warnings (warnings.go warningsForPodSpecAndMeta) -----------------------

/** nodeapi.GetNodeLabelDeprecatedMessage: node labels replaced by GA names. */
const DEPRECATED_NODE_LABELS: Readonly<Record<string, string>> = {
  'beta.kubernetes.io/arch': 'deprecated since v1.14; use "kubernetes.io/arch" instead',
  'beta.kubernetes.io/os': 'deprecated since v1.14; use "kubernetes.io/os" instead',
  'failure-domain.beta.kubernetes.io/region': 'deprecated since v1.17; use "topology.kubernetes.io/region" instead',
  'failure-domain.beta.kubernetes.io/zone': 'deprecated since v1.17; use "topology.kubernetes.io/zone" instead',
};

/** Warnings in upstream's order: node labels, volumes, pull secrets, containers, ports, grace period. */
function podSpecWarnings(s: Obj, path: string): FieldError[] {
  const grace = s.terminationGracePeriodSeconds;
  const graceWarning =
    typeof grace === 'number' && grace < 0
      ? [apiWarning(child(path, 'terminationGracePeriodSeconds'), 'must be >= 0; negative values are invalid and will be treated as 1')]
      : [];
  return [
    ...withRule('pod-spec', nodeLabelWarnings(s.nodeSelector, child(path, 'nodeSelector'))),
    ...volumeWarnings(s.volumes, child(path, 'volumes')),
    ...withRule('pod-spec', pullSecretWarnings(s.imagePullSecrets, child(path, 'imagePullSecrets'))),
    ...containerWarnings(s, path),
    ...portWarnings(s, path),
    ...withRule('pod-spec', graceWarning),
  ];
}

function nodeLabelWarnings(nodeSelector: unknown, path: string): FieldError[] {
  return Object.keys(asRecord(nodeSelector) ?? {})
    .filter((k) => DEPRECATED_NODE_LABELS[k])
    .map((k) => apiWarning(key(path, k), DEPRECATED_NODE_LABELS[k]));
}

/** Repeated or empty imagePullSecrets names: harmless to the kubelet, likely a mistake. */
function pullSecretWarnings(secrets: unknown, path: string): FieldError[] {
  const names = asArray(secrets).map((item) => asString(asRecord(item)?.name));
  const seen = new Set<string>();
  const duplicates = names.flatMap((name, i) => {
    const dup = seen.has(name);
    seen.add(name);
    return dup ? [apiWarning(child(index(path, i), 'name'), `duplicate name ${JSON.stringify(name)}`)] : [];
  });
  const empty = names.flatMap((name, i) => (name ? [] : [apiWarning(child(index(path, i), 'name'), 'invalid empty name ""')]));
  return [...duplicates, ...empty];
}
