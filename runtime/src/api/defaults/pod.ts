// PodSpec defaulting (pkg/apis/core/v1/defaults.go, validation-rules §6): the
// values the API server fills in before validation, for Pods and for every pod
// template. The Pod-only part (SetDefaults_Pod) is applied by `defaultPod`.
import { asArray, asRecord, isRecord, type Obj } from '../values';
import { ensureRecord, setDefault, setIfZero } from './setters';

const FILE_MODE_0644 = 0o644;

/** SetDefaults_PodSpec plus the generated defaulters of everything a PodSpec holds. */
function defaultPodSpec(spec: Obj): void {
  setIfZero(spec, 'dnsPolicy', 'ClusterFirst');
  setIfZero(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'securityContext', {});
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setIfZero(spec, 'schedulerName', 'default-scheduler');
  for (const c of containersOf(spec)) defaultContainer(c);
  for (const v of asArray(spec.volumes)) if (isRecord(v)) defaultVolume(v);
}

/** SetDefaults_Pod: what only a bare Pod gets (templates keep these unset). */
export function defaultPod(pod: Obj): void {
  const spec = ensureRecord(pod, 'spec');
  defaultPodSpec(spec);
  setDefault(spec, 'enableServiceLinks', true);
  for (const c of containersOf(spec)) {
    copyLimitsToRequests(c);
    if (spec.hostNetwork === true) defaultHostNetworkPorts(c);
  }
}

function containersOf(spec: Obj): Obj[] {
  return [...asArray(spec.initContainers), ...asArray(spec.containers)].filter(isRecord);
}

function defaultContainer(c: Obj): void {
  setIfZero(c, 'imagePullPolicy', pullPolicyFor(c.image));
  setIfZero(c, 'terminationMessagePath', '/dev/termination-log');
  setIfZero(c, 'terminationMessagePolicy', 'File');
  for (const p of asArray(c.ports)) if (isRecord(p)) setIfZero(p, 'protocol', 'TCP');
  for (const e of asArray(c.env)) {
    const fieldRef = asRecord(asRecord(asRecord(e)?.valueFrom)?.fieldRef);
    if (fieldRef) setIfZero(fieldRef, 'apiVersion', 'v1');
  }
  for (const name of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const probe = asRecord(c[name]);
    if (probe) defaultProbe(probe);
  }
  const lifecycle = asRecord(c.lifecycle);
  for (const hook of ['postStart', 'preStop']) {
    const httpGet = asRecord(asRecord(lifecycle?.[hook])?.httpGet);
    if (httpGet) defaultHTTPGet(httpGet);
  }
}

/**
 * SetDefaults_Container: `Always` when the tag is `latest` or there is neither
 * tag nor digest (parsers.ParseImageName then reports tag `latest`); an empty
 * image does not parse and falls through to IfNotPresent.
 */
export function pullPolicyFor(image: unknown): 'Always' | 'IfNotPresent' {
  if (typeof image !== 'string' || image === '') return 'IfNotPresent';
  if (image.includes('@')) return 'IfNotPresent';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  const tag = colon < 0 ? 'latest' : image.slice(colon + 1);
  return tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/** SetDefaults_Probe: only zero values are replaced, so a written 0 never reaches validation. */
function defaultProbe(probe: Obj): void {
  setIfZero(probe, 'timeoutSeconds', 1);
  setIfZero(probe, 'periodSeconds', 10);
  setIfZero(probe, 'successThreshold', 1);
  setIfZero(probe, 'failureThreshold', 3);
  const httpGet = asRecord(probe.httpGet);
  if (httpGet) defaultHTTPGet(httpGet);
}

function defaultHTTPGet(h: Obj): void {
  setIfZero(h, 'path', '/');
  setIfZero(h, 'scheme', 'HTTP');
}

/** Volume sources with a defaulted file mode (SetDefaults_*VolumeSource). */
const MODE_SOURCES = ['secret', 'configMap', 'downwardAPI', 'projected'];

/** SetDefaults_Volume: a volume naming no source is an emptyDir. */
function defaultVolume(v: Obj): void {
  if (Object.keys(v).every((k) => k === 'name')) v.emptyDir = {};
  for (const source of MODE_SOURCES) {
    const s = asRecord(v[source]);
    if (s) setDefault(s, 'defaultMode', FILE_MODE_0644);
  }
  const hostPath = asRecord(v.hostPath);
  if (hostPath) setDefault(hostPath, 'type', '');
}

/** SetDefaults_Pod: a limit without a request becomes the request too. */
function copyLimitsToRequests(c: Obj): void {
  const resources = asRecord(c.resources);
  const limits = asRecord(resources?.limits);
  if (!resources || !limits || Object.keys(limits).length === 0) return;
  const requests = ensureRecord(resources, 'requests');
  for (const [name, q] of Object.entries(limits)) if (!(name in requests)) requests[name] = q;
}

/** defaultHostNetworkPorts: with hostNetwork the host port is the container port. */
function defaultHostNetworkPorts(c: Obj): void {
  for (const p of asArray(c.ports)) {
    if (isRecord(p) && !p.hostPort) p.hostPort = p.containerPort;
  }
}

/**
 * Defaults `owner.template.spec`. apps/v1 and batch/v1 hold the template by
 * value, so the generated defaulters run on an empty one when it is missing
 * (`materialize`); the core/v1 ReplicationController holds a pointer and an
 * absent template stays absent (validation then reports it as Required).
 */
export function defaultTemplateOf(owner: Obj, materialize: boolean): Obj | undefined {
  if (!materialize && !isRecord(owner.template)) return undefined;
  const template = ensureRecord(owner, 'template');
  defaultPodSpec(ensureRecord(template, 'spec'));
  return template;
}
