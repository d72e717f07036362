// Environment variables: validation.go ValidateEnv, validateEnvVarValueFrom,
// validateObjectFieldSelector, validateContainerResourceFieldSelector, ValidateEnvFrom,
// and the duplicate-name warning of pkg/api/pod/warnings.go (validation-rules §7 "Env").

import { type FieldError, child, index, invalid, notSupported, required, withRule, apiWarning, invalidEach } from '../field';
import { isConfigMapKey, isDNS1123Subdomain, isEnvVarName, isQualifiedName } from '../formats';
import { parseQuantity } from '../quantity';
import { type Obj, asArray, asRecord, asString } from '../values';

/** validEnvDownwardAPIFieldPathExpressions, in sets.List (sorted) order. */
const ENV_FIELD_PATHS: readonly string[] = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];

/** validContainerResourceFieldPathExpressions, sorted. */
const RESOURCE_FIELD_PATHS: readonly string[] = [
  'limits.cpu',
  'limits.ephemeral-storage',
  'limits.memory',
  'requests.cpu',
  'requests.ephemeral-storage',
  'requests.memory',
];
const HUGEPAGES_FIELD_PREFIXES = ['limits.hugepages-', 'requests.hugepages-'];

/** Labels ConvertDownwardAPIFieldLabel accepts for v1 pods (before the per-use expression check). */
const POD_FIELD_LABELS = new Set([
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.restartPolicy',
  'spec.serviceAccountName',
  'spec.schedulerName',
  'status.phase',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
]);

const BYTE_DIVISORS = ['1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei'];
const BYTE_DIVISOR_TEXT = BYTE_DIVISORS.join(', ');

/** ValidateEnv: `env` of one container at `path` (`…containers[i].env`). */
export function validateEnv(env: unknown, path: string, minor: number): FieldError[] {
  const errs: FieldError[] = [];
  asArray(env).forEach((item, k) => {
    const ev = asRecord(item) ?? {};
    const at = index(path, k);
    const name = asString(ev.name);
    if (!name) errs.push(required(child(at, 'name')));
    else errs.push(...invalidEach(child(at, 'name'), name, isEnvVarName(name, minor)));
    errs.push(...validateValueFrom(ev, child(at, 'valueFrom')));
  });
  return withRule('env', errs);
}

function validateValueFrom(ev: Obj, path: string): FieldError[] {
  const from = asRecord(ev.valueFrom);
  if (!from) return [];
  const errs: FieldError[] = [];
  let sources = 0;
  const fieldRef = asRecord(from.fieldRef);
  if (fieldRef) {
    sources++;
    errs.push(...validateObjectFieldSelector(fieldRef, ENV_FIELD_PATHS, child(path, 'fieldRef')));
  }
  const resourceFieldRef = asRecord(from.resourceFieldRef);
  if (resourceFieldRef) {
    sources++;
    errs.push(...validateResourceFieldSelector(resourceFieldRef, child(path, 'resourceFieldRef'), false));
  }
  for (const ref of ['configMapKeyRef', 'secretKeyRef']) {
    const sel = asRecord(from[ref]);
    if (!sel) continue;
    sources++;
    errs.push(...validateKeySelector(sel, child(path, ref)));
  }
  if (sources === 0) errs.push(invalid(path, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
  else if (asString(ev.value)) errs.push(invalid(path, '', 'may not be specified when `value` is not empty'));
  else if (sources > 1) errs.push(invalid(path, '', 'may not have more than one field specified at a time'));
  return errs;
}

/**
 * validateObjectFieldSelector, shared with downwardAPI volume items. A missing
 * apiVersion reads as "v1", which core/v1 SetDefaults_ObjectFieldSelector fills in.
 */
export function validateObjectFieldSelector(ref: Obj, allowed: readonly string[], path: string): FieldError[] {
  const apiVersion = asString(ref.apiVersion) || 'v1';
  const fieldPath = asString(ref.fieldPath);
  if (!fieldPath) return [required(child(path, 'fieldPath'))];
  const conversionError = convertDownwardAPIFieldLabel(apiVersion, fieldPath);
  if (conversionError) return [invalid(child(path, 'fieldPath'), fieldPath, `error converting fieldPath: ${conversionError}`)];
  const sub = splitSubscript(fieldPath);
  if (sub) {
    // Labels and annotations may be picked one key at a time: `metadata.labels['app']`.
    const key = sub.path === 'metadata.annotations' ? sub.subscript.toLowerCase() : sub.subscript;
    return invalidEach(path, key, isQualifiedName(key));
  }
  return allowed.includes(fieldPath) ? [] : [notSupported(child(path, 'fieldPath'), fieldPath, allowed)];
}

/** pods.ConvertDownwardAPIFieldLabel for a Pod: the error text, or undefined when the label is known. */
function convertDownwardAPIFieldLabel(apiVersion: string, label: string): string | undefined {
  if (apiVersion !== 'v1') return `unsupported pod version: ${apiVersion}`;
  const sub = splitSubscript(label);
  if (sub) {
    return sub.path === 'metadata.annotations' || sub.path === 'metadata.labels' ? undefined : `field label does not support subscript: ${label}`;
  }
  // `spec.host` is an old client's spelling of spec.nodeName.
  return POD_FIELD_LABELS.has(label) || label === 'spec.host' ? undefined : `field label not supported: ${label}`;
}

/** fieldpath.SplitMaybeSubscriptedPath: `metadata.labels['app']` → path and subscript. */
function splitSubscript(fieldPath: string): { path: string; subscript: string } | undefined {
  if (!fieldPath.endsWith("']")) return undefined;
  const body = fieldPath.slice(0, -2);
  const at = body.indexOf("['");
  if (at <= 0) return undefined;
  return { path: body.slice(0, at), subscript: body.slice(at + 2) };
}

/** validateContainerResourceFieldSelector; `volume` items must also name the container. */
export function validateResourceFieldSelector(ref: Obj, path: string, volume: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const resource = asString(ref.resource);
  if (volume && !asString(ref.containerName)) errs.push(required(child(path, 'containerName')));
  else if (!resource) errs.push(required(child(path, 'resource')));
  else if (!RESOURCE_FIELD_PATHS.includes(resource) && !HUGEPAGES_FIELD_PREFIXES.some((p) => resource.startsWith(p)))
    errs.push(notSupported(child(path, 'resource'), resource, RESOURCE_FIELD_PATHS));
  errs.push(...validateDivisor(resource, ref.divisor, path));
  return errs;
}

/** validateContainerResourceDivisor: cpu counts in 1 or 1m, byte resources in whole unit multiples. */
function validateDivisor(resource: string, divisor: unknown, path: string): FieldError[] {
  if (typeof divisor !== 'string' && typeof divisor !== 'number') return [];
  const q = parseQuantity(divisor);
  if (!q || q.value === 0) return [];
  const at = child(path, 'divisor');
  const kind = resource.replace(/^(limits|requests)\./, '');
  if (kind === 'cpu')
    return ['1m', '1'].includes(q.text) ? [] : [invalid(at, resource, "only divisor's values 1m and 1 are supported with the cpu resource")];
  const noun = kind === 'memory' ? 'memory' : kind === 'ephemeral-storage' ? 'local ephemeral storage' : kind.startsWith('hugepages-') ? 'hugepages' : '';
  if (!noun || BYTE_DIVISORS.includes(q.text)) return [];
  return [invalid(at, resource, `only divisor's values ${BYTE_DIVISOR_TEXT} are supported with the ${noun} resource`)];
}

/** validateConfigMapKeySelector / validateSecretKeySelector: the name is checked even when empty. */
function validateKeySelector(sel: Obj, path: string): FieldError[] {
  const name = asString(sel.name);
  const errs = invalidEach(child(path, 'name'), name, isDNS1123Subdomain(name));
  const key = asString(sel.key);
  if (!key) errs.push(required(child(path, 'key')));
  else errs.push(...invalidEach(child(path, 'key'), key, isConfigMapKey(key)));
  return errs;
}

/** ValidateEnvFrom: `envFrom` of one container at `path` (`…containers[i].envFrom`). */
export function validateEnvFrom(envFrom: unknown, path: string, minor: number): FieldError[] {
  const errs: FieldError[] = [];
  asArray(envFrom).forEach((item, k) => {
    const ef = asRecord(item) ?? {};
    const at = index(path, k);
    const prefix = asString(ef.prefix);
    if (prefix) errs.push(...invalidEach(child(at, 'prefix'), prefix, isEnvVarName(prefix, minor)));
    let sources = 0;
    for (const ref of ['configMapRef', 'secretRef']) {
      const source = asRecord(ef[ref]);
      if (!source) continue;
      sources++;
      errs.push(...validateSourceName(asString(source.name), child(child(at, ref), 'name')));
    }
    // Upstream reports these two at `envFrom` itself, without the index.
    if (sources === 0) errs.push(invalid(path, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (sources > 1) errs.push(invalid(path, '', 'may not have more than one field specified at a time'));
  });
  return withRule('env', errs);
}

/** ValidateConfigMapName / ValidateSecretName with prefix=true: a trailing '-' is tolerated (maskTrailingDash). */
function validateSourceName(name: string, path: string): FieldError[] {
  if (!name) return [required(path)];
  const masked = name.length > 1 && name.endsWith('-') ? `${name.slice(0, -1)}a` : name;
  return invalidEach(path, name, isDNS1123Subdomain(masked));
}

/**
 * The duplicate-env warning (warnings.go): a later entry with an earlier entry's name
 * replaces it, and `kubectl apply` may drop one of them. Redefining X as a value
 * that builds on `$(X)` is the one accepted idiom.
 */
export function envWarnings(env: unknown, path: string): FieldError[] {
  const warnings: FieldError[] = [];
  const names = new Set<string>();
  asArray(env).forEach((item, k) => {
    const ev = asRecord(item) ?? {};
    const name = asString(ev.name);
    if (!names.has(name)) {
      names.add(name);
      return;
    }
    const ref = `$(${name})`;
    const value = asString(ev.value);
    if (asRecord(ev.valueFrom) || value === ref || !value.includes(ref))
      warnings.push(apiWarning(index(path, k), `hides previous definition of "${name}", which may be dropped when using apply`));
  });
  return withRule('env', warnings);
}
