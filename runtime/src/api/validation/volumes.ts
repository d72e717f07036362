// Volumes and volume mounts: validation.go ValidateVolumes, validateVolumeSource and its
// per-source helpers, validateKeyToPath, ValidateLocalNonReservedPath and
// ValidateVolumeMounts (validation-rules §7 "Volumes/mounts").

import { type FieldError, child, duplicate, forbidden, index, invalid, notFound, notSupported, required, withRule, apiWarning, invalidEach } from '../field';
import { isDNS1123Label } from '../formats';
import { parseQuantity } from '../quantity';
import { validateObjectFieldSelector, validateResourceFieldSelector } from './env';
import { type Obj, asArray, asInt, asRecord, asString } from '../values';

const MORE_THAN_ONE = 'may not specify more than 1 volume type';
const FILE_MODE = 'must be a number between 0 and 0777 (octal), both inclusive';

/** validVolumeDownwardAPIFieldPathExpressions, sorted. */
const VOLUME_FIELD_PATHS: readonly string[] = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid'];

/** supportedHostPathTypes, sorted ("" = no check). */
const HOST_PATH_TYPES: readonly string[] = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];

type SourceCheck = (s: Obj, path: string) => FieldError[];

interface SourceKind {
  /** JSON field of the VolumeSource. */
  field: string;
  /** Path segment used for the "more than 1" error (upstream spells a few differently). */
  forbiddenAs?: string;
  /** Path segment used for the source's own errors. */
  childAs?: string;
  check: SourceCheck;
}

/** Fields that must be non-empty strings or lists, each a Required at `<source>.<field>`. */
const requireAll =
  (...fields: string[]): SourceCheck =>
  (s, path) =>
    fields.filter((f) => isEmpty(s[f])).map((f) => required(child(path, f)));

const isEmpty = (v: unknown) => (Array.isArray(v) ? v.length === 0 : !asString(v));

// validateVolumeSource's order: the first source counts, every later one is Forbidden.
const SOURCES: readonly SourceKind[] = [
  { field: 'emptyDir', check: emptyDir },
  { field: 'hostPath', check: hostPath },
  { field: 'gitRepo', check: gitRepo },
  { field: 'gcePersistentDisk', childAs: 'persistentDisk', check: (s, p) => [...requireAll('pdName')(s, p), ...partition(s, p)] },
  { field: 'awsElasticBlockStore', check: (s, p) => [...requireAll('volumeID')(s, p), ...partition(s, p)] },
  { field: 'secret', check: (s, p) => [...requireAll('secretName')(s, p), ...mode(s.defaultMode, child(p, 'defaultMode')), ...keyToPaths(s, p)] },
  { field: 'nfs', check: nfs },
  { field: 'iscsi', check: requireAll('targetPortal', 'iqn') },
  { field: 'glusterfs', check: requireAll('endpoints', 'path') },
  { field: 'flocker', check: flocker },
  { field: 'persistentVolumeClaim', check: requireAll('claimName') },
  { field: 'rbd', check: requireAll('monitors', 'image') },
  { field: 'cinder', check: requireAll('volumeID') },
  { field: 'cephfs', forbiddenAs: 'cephFS', check: requireAll('monitors') },
  { field: 'quobyte', check: requireAll('registry', 'volume') },
  { field: 'downwardAPI', forbiddenAs: 'downwarAPI', check: downwardAPI },
  { field: 'fc', check: fc },
  { field: 'flexVolume', check: requireAll('driver') },
  { field: 'configMap', check: (s, p) => [...requireAll('name')(s, p), ...mode(s.defaultMode, child(p, 'defaultMode')), ...keyToPaths(s, p)] },
  { field: 'azureFile', check: requireAll('secretName', 'shareName') },
  { field: 'vsphereVolume', check: requireAll('volumePath') },
  { field: 'photonPersistentDisk', check: requireAll('pdID') },
  { field: 'portworxVolume', check: requireAll('volumeID') },
  { field: 'azureDisk', check: requireAll('diskName', 'diskURI') },
  { field: 'storageos', check: storageOS },
  { field: 'projected', check: projected },
  { field: 'scaleIO', check: requireAll('gateway', 'system', 'volumeName') },
  { field: 'csi', check: requireAll('driver') },
  { field: 'ephemeral', check: (s, p) => (asRecord(s.volumeClaimTemplate) ? [] : [required(child(p, 'volumeClaimTemplate'))]) },
  { field: 'image', check: () => [] },
];

export interface VolumesResult {
  /** Names of the volumes that validated cleanly: only these can be mounted. */
  names: Set<string>;
  errors: FieldError[];
}

/** ValidateVolumes: the pod's `volumes` at `path` (`…spec.volumes`). */
export function validateVolumes(volumes: unknown, path: string): VolumesResult {
  const names = new Set<string>();
  const errors: FieldError[] = [];
  asArray(volumes).forEach((item, i) => {
    const vol = asRecord(item) ?? {};
    const at = index(path, i);
    const namePath = child(at, 'name');
    const name = asString(vol.name);
    const errs = validateVolumeSource(vol, at);
    if (!name) errs.push(required(namePath));
    else errs.push(...invalidEach(namePath, name, isDNS1123Label(name)));
    if (names.has(name)) errs.push(duplicate(namePath, name));
    // Upstream registers a volume only when it has no error, so mounts of a bad volume are NotFound too.
    if (errs.length === 0) names.add(name);
    errors.push(...errs);
  });
  return { names, errors: withRule('volumes', errors) };
}

function validateVolumeSource(vol: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const kind of SOURCES) {
    const source = asRecord(vol[kind.field]);
    if (!source) continue;
    if (count > 0) {
      errs.push(forbidden(child(path, kind.forbiddenAs ?? kind.field), MORE_THAN_ONE));
      continue;
    }
    count++;
    errs.push(...kind.check(source, child(path, kind.childAs ?? kind.field)));
  }
  // Unreachable through kubectl: defaulting turns a source-less volume into emptyDir (§6).
  if (count === 0) errs.push(required(path, 'must specify a volume type'));
  return errs;
}

function emptyDir(s: Obj, path: string): FieldError[] {
  const limit = s.sizeLimit;
  const q = typeof limit === 'string' || typeof limit === 'number' ? parseQuantity(limit) : undefined;
  return q && q.value < 0 ? [forbidden(child(path, 'sizeLimit'), 'SizeLimit field must be a valid resource quantity')] : [];
}

function hostPath(s: Obj, path: string): FieldError[] {
  const p = asString(s.path);
  if (!p) return [required(child(path, 'path'))];
  const errs = noBacksteps(p, child(path, 'path'));
  const type = typeof s.type === 'string' ? s.type : undefined;
  if (type !== undefined && !HOST_PATH_TYPES.includes(type)) errs.push(notSupported(child(path, 'type'), type, HOST_PATH_TYPES));
  return errs;
}

function gitRepo(s: Obj, path: string): FieldError[] {
  return [...requireAll('repository')(s, path), ...localDescendingPath(asString(s.directory), child(path, 'directory'))];
}

function nfs(s: Obj, path: string): FieldError[] {
  const errs = requireAll('server', 'path')(s, path);
  const p = asString(s.path);
  if (!p.startsWith('/')) errs.push(invalid(child(path, 'path'), p, 'must be an absolute path'));
  return errs;
}

function flocker(s: Obj, path: string): FieldError[] {
  const name = asString(s.datasetName);
  const uuid = asString(s.datasetUUID);
  const errs: FieldError[] = [];
  if (!name && !uuid) errs.push(required(path, 'one of datasetName and datasetUUID is required'));
  if (name && uuid) errs.push(invalid(path, 'resource', 'datasetName and datasetUUID can not be specified simultaneously'));
  if (name.includes('/')) errs.push(invalid(child(path, 'datasetName'), name, "must not contain '/'"));
  return errs;
}

function fc(s: Obj, path: string): FieldError[] {
  const wwns = asArray(s.targetWWNs);
  const wwids = asArray(s.wwids);
  const errs: FieldError[] = [];
  if (wwns.length === 0 && wwids.length === 0)
    errs.push(required(child(path, 'targetWWNs'), 'must specify either targetWWNs or wwids, but not both'));
  if (wwns.length > 0 && wwids.length > 0)
    errs.push(invalid(child(path, 'targetWWNs'), s.targetWWNs, 'targetWWNs and wwids can not be specified simultaneously'));
  if (wwns.length > 0) {
    const lun = asInt(s.lun);
    if (s.lun == null) errs.push(required(child(path, 'lun'), 'lun is required if targetWWNs is specified'));
    else if (lun < 0 || lun > 255) errs.push(invalid(child(path, 'lun'), lun, 'must be between 0 and 255, inclusive'));
  }
  return errs;
}

function storageOS(s: Obj, path: string): FieldError[] {
  const name = asString(s.volumeName);
  if (!name) return [required(child(path, 'volumeName'))];
  return invalidEach(child(path, 'volumeName'), name, isDNS1123Label(name));
}

/** GCE PD and AWS EBS partitions (pdPartitionErrorMsg reads 1..255 although 0 passes). */
function partition(s: Obj, path: string): FieldError[] {
  const p = asInt(s.partition);
  return p < 0 || p > 255 ? [invalid(child(path, 'partition'), p, 'must be between 1 and 255, inclusive')] : [];
}

/** File modes are octal permission bits; YAML gives them as decimal numbers (0644 → 420). */
function mode(v: unknown, path: string): FieldError[] {
  return typeof v === 'number' && (v < 0 || v > 0o777) ? [invalid(path, v, FILE_MODE)] : [];
}

function keyToPaths(s: Obj, path: string): FieldError[] {
  return asArray(s.items).flatMap((item, i) => keyToPath(asRecord(item) ?? {}, index(child(path, 'items'), i)));
}

/** validateKeyToPath: a secret/configMap key projected to a relative file path. */
function keyToPath(kp: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!asString(kp.key)) errs.push(required(child(path, 'key')));
  const p = asString(kp.path);
  if (!p) errs.push(required(child(path, 'path')));
  errs.push(...localNonReservedPath(p, child(path, 'path')), ...mode(kp.mode, child(path, 'mode')));
  return errs;
}

function downwardAPI(s: Obj, path: string): FieldError[] {
  // Upstream reports each item's errors under `downwardAPI` itself, not `items[i]`.
  return [...mode(s.defaultMode, child(path, 'defaultMode')), ...asArray(s.items).flatMap((f) => downwardAPIFile(asRecord(f) ?? {}, path))];
}

/** validateDownwardAPIVolumeFile. */
function downwardAPIFile(file: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const p = asString(file.path);
  if (!p) errs.push(required(child(path, 'path')));
  errs.push(...localNonReservedPath(p, child(path, 'path')));
  const fieldRef = asRecord(file.fieldRef);
  const resourceFieldRef = asRecord(file.resourceFieldRef);
  if (fieldRef) {
    errs.push(...validateObjectFieldSelector(fieldRef, VOLUME_FIELD_PATHS, child(path, 'fieldRef')));
    if (resourceFieldRef) errs.push(invalid(path, 'resource', 'fieldRef and resourceFieldRef can not be specified simultaneously'));
  } else if (resourceFieldRef) {
    errs.push(...validateResourceFieldSelector(resourceFieldRef, child(path, 'resourceFieldRef'), true));
  } else {
    errs.push(required(path, 'one of fieldRef and resourceFieldRef is required'));
  }
  errs.push(...mode(file.mode, child(path, 'mode')));
  return errs;
}

/** validateProjectedVolumeSource / validateProjectionSources (secret, configMap, downwardAPI, token). */
function projected(s: Obj, path: string): FieldError[] {
  const errs = mode(s.defaultMode, child(path, 'defaultMode'));
  const seenPaths = new Set<string>();
  const claim = (p: string, value: unknown) => {
    if (!p) return;
    if (seenPaths.has(p)) errs.push(invalid(path, value, 'conflicting duplicate paths'));
    seenPaths.add(p);
  };
  asArray(s.sources).forEach((item, i) => {
    const source = asRecord(item) ?? {};
    const at = index(child(path, 'sources'), i);
    let kinds = 0;
    for (const kind of ['secret', 'configMap']) {
      const ref = asRecord(source[kind]);
      if (!ref) continue;
      kinds++;
      const refPath = child(at, kind);
      if (!asString(ref.name)) errs.push(required(child(refPath, 'name')));
      asArray(ref.items).forEach((kp, j) => {
        const k = asRecord(kp) ?? {};
        errs.push(...keyToPath(k, index(child(refPath, 'items'), j)));
        claim(asString(k.path), asString(ref.name));
      });
    }
    const down = asRecord(source.downwardAPI);
    if (down) {
      kinds++;
      for (const f of asArray(down.items)) {
        const file = asRecord(f) ?? {};
        errs.push(...downwardAPIFile(file, child(at, 'downwardAPI')));
        claim(asString(file.path), asString(file.path));
      }
    }
    const token = asRecord(source.serviceAccountToken);
    if (token) {
      kinds++;
      errs.push(...serviceAccountToken(token, child(at, 'serviceAccountToken'), path));
    }
    if (asRecord(source.clusterTrustBundle)) kinds++;
    if (kinds > 1) errs.push(forbidden(at, 'may not specify more than 1 volume type per source'));
  });
  return errs;
}

function serviceAccountToken(token: Obj, path: string, projectedPath: string): FieldError[] {
  const errs: FieldError[] = [];
  // Defaulted to 3600 (one hour) when absent.
  const expiration = token.expirationSeconds == null ? 3600 : asInt(token.expirationSeconds);
  if (expiration < 600) errs.push(invalid(child(path, 'expirationSeconds'), expiration, 'may not specify a duration less than 10 minutes'));
  if (expiration > 2 ** 32) errs.push(invalid(child(path, 'expirationSeconds'), expiration, 'may not specify a duration larger than 2^32 seconds'));
  // Upstream puts the token path's errors on the projected volume's `path`.
  const p = asString(token.path);
  if (!p) errs.push(required(child(projectedPath, 'path')));
  else errs.push(...localNonReservedPath(p, child(projectedPath, 'path')));
  return errs;
}

// --- paths ----------------------------------------------------------------

/** validatePathNoBacksteps: no `..` element (one error however many). */
function noBacksteps(p: string, path: string): FieldError[] {
  return p.replace(/\\/g, '/').split('/').includes('..') ? [invalid(path, p, "must not contain '..'")] : [];
}

/** validateLocalDescendingPath: relative and without `..`. */
function localDescendingPath(p: string, path: string): FieldError[] {
  const errs = p.startsWith('/') ? [invalid(path, p, 'must be a relative path')] : [];
  return [...errs, ...noBacksteps(p, path)];
}

/** ValidateLocalNonReservedPath: also may not start with `..` (e.g. `..data`, reserved by the atomic writer). */
function localNonReservedPath(p: string, path: string): FieldError[] {
  const errs = localDescendingPath(p, path);
  if (p.startsWith('..') && !p.startsWith('../')) errs.push(invalid(path, p, "must not start with '..'"));
  return errs;
}

// --- mounts ---------------------------------------------------------------

/** sets.List order of supported mount propagations. */
const PROPAGATIONS: readonly string[] = ['Bidirectional', 'HostToContainer', 'None'];

/**
 * ValidateVolumeMounts: `volumeMounts` of one container at `path`; `volumes` are
 * the names validateVolumes accepted; `privileged` is the container's securityContext.privileged.
 */
export function validateVolumeMounts(mounts: unknown, volumes: ReadonlySet<string>, path: string, privileged: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const mountPoints = new Set<string>();
  asArray(mounts).forEach((item, j) => {
    const m = asRecord(item) ?? {};
    const at = index(path, j);
    const name = asString(m.name);
    if (!name) errs.push(required(child(at, 'name')));
    if (!volumes.has(name)) errs.push(notFound(child(at, 'name'), name));
    const mountPath = asString(m.mountPath);
    if (!mountPath) errs.push(required(child(at, 'mountPath')));
    if (mountPoints.has(mountPath)) errs.push(invalid(child(at, 'mountPath'), mountPath, 'must be unique'));
    mountPoints.add(mountPath);
    // The subPath checks report at `volumeMounts.subPath`, without the index (upstream quirk).
    const subPath = asString(m.subPath);
    if (subPath) errs.push(...localDescendingPath(subPath, child(path, 'subPath')));
    const subPathExpr = asString(m.subPathExpr);
    if (subPathExpr) {
      if (subPath) errs.push(invalid(child(at, 'subPathExpr'), subPathExpr, 'subPathExpr and subPath are mutually exclusive'));
      errs.push(...localDescendingPath(subPathExpr, child(path, 'subPathExpr')));
    }
    if (typeof m.mountPropagation === 'string') errs.push(...propagation(m.mountPropagation, child(path, 'mountPropagation'), privileged));
  });
  return withRule('volumes', errs);
}

/** validateMountPropagation: Bidirectional needs a privileged container. */
function propagation(value: string, path: string, privileged: boolean): FieldError[] {
  if (!PROPAGATIONS.includes(value)) return [notSupported(path, value, PROPAGATIONS)];
  return value === 'Bidirectional' && !privileged ? [forbidden(path, 'Bidirectional mount propagation is available only to privileged containers')] : [];
}


// --- warnings ---------------------------------------------------------------

/** Deprecated and removed volume plugins (warnings.go); the path segment is upstream's spelling. */
const DEPRECATED_SOURCES: ReadonlyArray<[field: string, pathAs: string, text: string]> = [
  ['photonPersistentDisk', 'photonPersistentDisk', 'deprecated in v1.11, non-functional in v1.16+'],
  ['gitRepo', 'gitRepo', 'deprecated in v1.11'],
  ['scaleIO', 'scaleIO', 'deprecated in v1.16, non-functional in v1.22+'],
  ['flocker', 'flocker', 'deprecated in v1.22, non-functional in v1.25+'],
  ['storageos', 'storageOS', 'deprecated in v1.22, non-functional in v1.25+'],
  ['quobyte', 'quobyte', 'deprecated in v1.22, non-functional in v1.25+'],
  ['glusterfs', 'glusterfs', 'deprecated in v1.25, non-functional in v1.26+'],
  ['cephfs', 'cephfs', 'deprecated in v1.28, non-functional in v1.31+'],
  ['rbd', 'rbd', 'deprecated in v1.28, non-functional in v1.31+'],
];

/** The API server accepts these volumes but warns that the plugin is going or gone. */
export function volumeWarnings(volumes: unknown, path: string): FieldError[] {
  const warnings: FieldError[] = [];
  asArray(volumes).forEach((item, i) => {
    const vol = asRecord(item) ?? {};
    for (const [field, pathAs, text] of DEPRECATED_SOURCES)
      if (asRecord(vol[field])) warnings.push(apiWarning(child(index(path, i), pathAs), text));
  });
  return withRule('volumes', warnings);
}
