// Containers and init containers: validation.go validateContainers, validateInitContainers,
// validateContainerCommon, validatePullPolicy, validateContainerOnlyForPod
// (validation-rules §7 "Containers"). Each container's ports, env, mounts, resources
// and probes are checked by their family modules and keep their own rule ids.

import { type FieldError, child, duplicate, forbidden, index, invalid, notSupported, required, withRule, invalidEach } from '../field';
import { isDNS1123Label } from '../formats';
import { validateEnv, validateEnvFrom, envWarnings } from './env';
import { type Obj, asArray, asRecord, asString } from '../values';
import { validateContainerPorts, validateHostPortConflicts } from './ports';
import { type ProbeKind, type ProbeOptions, validateLifecycle, validateProbe } from './probes';
import { resourceWarnings, validateResourceRequirements } from './resources';
import { validateVolumeMounts } from './volumes';

export interface ContainerContext extends ProbeOptions {
  /** Volumes that validated cleanly (validateVolumes). */
  volumes: ReadonlySet<string>;
}

/** sets.List order of supportedPullPolicies. */
const PULL_POLICIES: readonly string[] = ['Always', 'IfNotPresent', 'Never'];
const TERMINATION_MESSAGE_POLICIES: readonly string[] = ['File', 'FallbackToLogsOnError'];
const PROBES: readonly ProbeKind[] = ['livenessProbe', 'readinessProbe', 'startupProbe'];
const NOT_RESTARTABLE = 'may not be set for init containers without restartPolicy=Always';

/** `containers` then `initContainers` of a pod spec at `path` (`spec`, `spec.template.spec`, …). */
export function validateAllContainers(spec: Obj, path: string, ctx: ContainerContext): FieldError[] {
  return [...validateContainers(spec.containers, child(path, 'containers'), ctx), ...validateInitContainers(spec, child(path, 'initContainers'), ctx)];
}

/** validateContainers: the regular containers. */
function validateContainers(containers: unknown, path: string, ctx: ContainerContext): FieldError[] {
  const items = asArray(containers);
  if (items.length === 0) return withRule('containers', [required(path)]);
  const errs: FieldError[] = [];
  const names = new Set<string>();
  items.forEach((item, i) => {
    const c = asRecord(item) ?? {};
    const at = index(path, i);
    errs.push(...validateContainerCommon(c, at, ctx));
    // Regular names are compared among themselves here; clashes with init containers are reported there.
    const name = asString(c.name);
    if (names.has(name)) errs.push(duplicate(child(at, 'name'), name));
    names.add(name);
    errs.push(...validateLifecycle(c.lifecycle, child(at, 'lifecycle'), ctx));
    for (const kind of PROBES) errs.push(...validateProbe(kind, c[kind], child(at, kind), ctx));
    if (c.restartPolicy !== undefined && c.restartPolicy !== null)
      errs.push(forbidden(child(at, 'restartPolicy'), 'may not be set for non-init containers'));
  });
  // Regular containers run together, so their host ports must not collide.
  errs.push(...validateHostPortConflicts(items, path));
  return withRule('containers', errs);
}

/** validateInitContainers: names unique across regular and init containers; sidecars (restartPolicy Always) may probe. */
function validateInitContainers(spec: Obj, path: string, ctx: ContainerContext): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set(asArray(spec.containers).map((c) => asString(asRecord(c)?.name)));
  asArray(spec.initContainers).forEach((item, i) => {
    const c = asRecord(item) ?? {};
    const at = index(path, i);
    errs.push(...validateContainerCommon(c, at, ctx));
    const restartPolicy = c.restartPolicy;
    const restartable = restartPolicy === 'Always';
    if (typeof restartPolicy === 'string' && !restartable)
      errs.push(notSupported(child(at, 'restartPolicy'), restartPolicy, ['Always']));
    const name = asString(c.name);
    if (names.has(name)) errs.push(duplicate(child(at, 'name'), name));
    else if (name) names.add(name);
    errs.push(...validateHostPortConflicts([c], path));
    if (restartable) {
      errs.push(...validateLifecycle(c.lifecycle, child(at, 'lifecycle'), ctx));
      for (const kind of PROBES) errs.push(...validateProbe(kind, c[kind], child(at, kind), ctx));
    } else {
      // A plain init container runs to completion once: there is nothing to probe or hook.
      for (const f of ['lifecycle', ...PROBES])
        if (asRecord(c[f])) errs.push(forbidden(child(at, f), NOT_RESTARTABLE));
    }
  });
  return withRule('containers', errs);
}

/**
 * validateContainerCommon: what every kind of container must satisfy. The family
 * modules tag their own errors; the callers' withRule tags the rest as `containers`.
 */
function validateContainerCommon(c: Obj, path: string, ctx: ContainerContext): FieldError[] {
  const own: FieldError[] = [];
  const name = asString(c.name);
  if (!name) own.push(required(child(path, 'name')));
  else own.push(...invalidEach(child(path, 'name'), name, isDNS1123Label(name)));
  // The image is not format-checked: registries accept more than any regex here would.
  if (!asString(c.image)) own.push(required(child(path, 'image')));
  own.push(...enumField(asString(c.terminationMessagePolicy), child(path, 'terminationMessagePolicy'), TERMINATION_MESSAGE_POLICIES));
  const privileged = asRecord(c.securityContext)?.privileged === true;
  return [
    ...own,
    ...validateContainerPorts(c.ports, child(path, 'ports')),
    ...validateEnv(c.env, child(path, 'env'), ctx.minor),
    ...validateEnvFrom(c.envFrom, child(path, 'envFrom'), ctx.minor),
    ...validateVolumeMounts(c.volumeMounts, ctx.volumes, child(path, 'volumeMounts'), privileged),
    ...enumField(asString(c.imagePullPolicy), child(path, 'imagePullPolicy'), PULL_POLICIES),
    ...validateResourceRequirements(c.resources, child(path, 'resources')),
  ];
}

/** Defaulted enums: empty is Required (unreachable through kubectl), anything else must be listed. */
export function enumField(value: string, path: string, supported: readonly string[]): FieldError[] {
  if (!value) return [required(path)];
  return supported.includes(value) ? [] : [notSupported(path, value, supported)];
}

/**
 * validateContainerOnlyForPod: Pods (not templates, for backward compatibility)
 * reject an image with surrounding whitespace. Containers, then init containers.
 */
export function validateImagesForPod(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const field of ['containers', 'initContainers']) {
    asArray(spec[field]).forEach((item, i) => {
      const image = asString(asRecord(item)?.image);
      if (image !== image.trim())
        errs.push(invalid(child(index(child(path, field), i), 'image'), image, 'must not have leading or trailing whitespace'));
    });
  }
  return withRule('containers', errs);
}

/**
 * Per-container API warnings (warnings.go), in VisitContainersWithPath order (init,
 * regular, ephemeral): fractional byte quantities, then duplicate env names.
 */
export function containerWarnings(spec: Obj, path: string): FieldError[] {
  const warnings: FieldError[] = [];
  for (const field of ['initContainers', 'containers', 'ephemeralContainers']) {
    asArray(spec[field]).forEach((item, i) => {
      const c = asRecord(item) ?? {};
      const at = index(child(path, field), i);
      warnings.push(...resourceWarnings(c.resources, child(at, 'resources')), ...envWarnings(c.env, child(at, 'env')));
    });
  }
  return warnings;
}
