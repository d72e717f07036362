// Container resources: validation.go ValidateContainerResourceRequirements,
// validateContainerResourceName, validateResourceName, ValidateResourceQuantityValue,
// core/helper (IsNativeResource, IsExtendedResourceName, IsOvercommitAllowed), and the
// fractional-byte warning of pkg/api/pod/warnings.go (validation-rules §7 "Resources").

import { type FieldError, child, forbidden, invalid, key, required, withRule, apiWarning, invalidEach } from '../field';
import { isQualifiedName } from '../formats';
import { type Quantity, compareQuantity, milliValue, parseQuantity } from '../quantity';
import { asRecord } from '../values';

const CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);
const HUGEPAGES_PREFIX = 'hugepages-';

/** helper.IsStandardResourceName: the unprefixed names the API knows (compute and quota). */
const STANDARD_RESOURCES = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
  'resourcequotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'persistentvolumeclaims',
  'requests.storage',
  'configmaps',
  'services.nodeports',
  'services.loadbalancers',
]);

/** helper integerResources: counted, never fractional. */
const INTEGER_RESOURCES = new Set([
  'pods',
  'resourcequotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'services.nodeports',
  'services.loadbalancers',
]);

const isHugePages = (name: string) => name.startsWith(HUGEPAGES_PREFIX);
const isStandard = (name: string) =>
  STANDARD_RESOURCES.has(name) || isHugePages(name) || name.startsWith(`requests.${HUGEPAGES_PREFIX}`);
/** Native resources are unprefixed or in the kubernetes.io domain. */
const isNative = (name: string) => !name.includes('/') || name.includes('kubernetes.io/');
/** Extended resources (`example.com/gpu`): prefixed, not native, and a valid quota name `requests.<name>`. */
const isExtended = (name: string) => !isNative(name) && !name.startsWith('requests.') && isQualifiedName(`requests.${name}`).length === 0;
/** Only native resources other than hugepages may be overcommitted (request < limit). */
const isOvercommitAllowed = (name: string) => isNative(name) && !isHugePages(name);
const isInteger = (name: string) => INTEGER_RESOURCES.has(name) || isExtended(name);

interface Entry {
  name: string;
  quantity: Quantity | undefined;
  path: string;
}

/**
 * A container's `resources` at `path` (`…containers[i].resources`). Quantities are
 * re-parsed here; malformed ones were already reported by decode (§13) and are skipped.
 */
export function validateResourceRequirements(resources: unknown, path: string): FieldError[] {
  const r = asRecord(resources);
  if (!r) return [];
  const limPath = child(path, 'limits');
  const reqPath = child(path, 'requests');
  const limits = entries(r.limits, limPath);
  const requests = entries(r.requests, reqPath);
  const errs: FieldError[] = [];
  for (const e of limits) errs.push(...validateEntry(e));
  for (const e of requests) {
    errs.push(...validateEntry(e));
    const limit = limits.find((l) => l.name === e.name);
    if (!limit) {
      if (!isOvercommitAllowed(e.name)) errs.push(required(limPath, 'Limit must be set for non overcommitable resources'));
      continue;
    }
    if (!e.quantity || !limit.quantity) continue;
    // Errors sit on `resources.requests` itself, the request printed as a string.
    const cmp = compareQuantity(e.quantity, limit.quantity);
    if (cmp !== 0 && !isOvercommitAllowed(e.name))
      errs.push(invalid(reqPath, e.quantity.text, `must be equal to ${e.name} limit of ${limit.quantity.text}`));
    else if (cmp > 0) errs.push(invalid(reqPath, e.quantity.text, `must be less than or equal to ${e.name} limit of ${limit.quantity.text}`));
  }
  const all = [...limits, ...requests];
  const hasCpuOrMemory = all.some((e) => e.name === 'cpu' || e.name === 'memory');
  if (!hasCpuOrMemory && all.some((e) => isHugePages(e.name))) errs.push(forbidden(path, 'HugePages require cpu or memory'));
  return withRule('resources', errs);
}

function entries(list: unknown, path: string): Entry[] {
  const m = asRecord(list) ?? {};
  return Object.entries(m).map(([name, v]) => ({
    name,
    quantity: typeof v === 'string' || typeof v === 'number' ? parseQuantity(v) : undefined,
    path: key(path, name),
  }));
}

function validateEntry(e: Entry): FieldError[] {
  const errs = validateContainerResourceName(e.name, e.path);
  if (!e.quantity) return errs;
  if (e.quantity.value < 0) errs.push(invalid(e.path, e.quantity.text, 'must be greater than or equal to 0'));
  if (isInteger(e.name) && milliValue(e.quantity) % 1000 !== 0) errs.push(invalid(e.path, e.quantity.text, 'must be an integer'));
  return errs;
}

/** validateContainerResourceName (after validateResourceName's qualified-name and standard-name checks). */
function validateContainerResourceName(name: string, path: string): FieldError[] {
  const format = invalidEach(path, name, isQualifiedName(name));
  const errs = format.length > 0 ? format : !name.includes('/') && !isStandard(name) ? [invalid(path, name, 'must be a standard resource type or fully qualified')] : [];
  if (!name.includes('/')) {
    if (!CONTAINER_RESOURCES.has(name) && !isHugePages(name)) errs.push(invalid(path, name, 'must be a standard resource for containers'));
  } else if (!isNative(name) && !isExtended(name)) {
    errs.push(invalid(path, name, "doesn't follow extended resource name standard"));
  }
  return errs;
}

/**
 * warnings.go: memory and ephemeral storage are counted in bytes, so a value like
 * `1.5` or `100m` is accepted but warned about. Order: limits then requests of memory,
 * then of ephemeral-storage.
 */
export function resourceWarnings(resources: unknown, path: string): FieldError[] {
  const r = asRecord(resources);
  if (!r) return [];
  const warnings: FieldError[] = [];
  for (const name of ['memory', 'ephemeral-storage']) {
    for (const kind of ['limits', 'requests']) {
      const v = asRecord(r[kind])?.[name];
      const q = typeof v === 'string' || typeof v === 'number' ? parseQuantity(v) : undefined;
      if (q && milliValue(q) % 1000 !== 0)
        warnings.push(apiWarning(key(child(path, kind), name), `fractional byte value ${JSON.stringify(q.text)} is invalid, must be an integer`));
    }
  }
  return withRule('resources', warnings);
}
