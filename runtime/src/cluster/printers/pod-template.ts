// The container and volume blocks of `kubectl describe` and the Pod Template
// block every workload prints (describe.go describeContainers, describeVolumes,
// DescribePodTemplate). A pod passes its container statuses and gets State,
// Ready and Restart Count; a template has none. Inside a template kubectl
// prefixes the section titles with two spaces and the item names with one.

import { describeProbe, readProbe } from '../kubelet/probes';
import { rfc1123z, type DescribeLines } from './describe-writer';

/** Where a block is written: directly in a pod, or inside `Pod Template:`. */
interface Place {
  /** `''` in a pod, `'  '` in a template (describeContainers' `space`). */
  space: string;
  /** Resolves `fieldRef` env values against the pod (EnvValueRetriever); absent for templates. */
  pod?: any;
}

const portList = (c: any, field: 'containerPort' | 'hostPort') => (c.ports ?? []).map((p: any) => `${p[field] ?? 0}/${p.protocol ?? 'TCP'}`).join(', ');

/** `Port:`/`Ports:` and `Host Port:`/`Host Ports:` — plural exactly when the list has a comma. */
function portLines(l: DescribeLines, c: any): void {
  for (const [single, field] of [['Port', 'containerPort'], ['Host Port', 'hostPort']] as const) {
    const text = portList(c, field);
    if (text.includes(',')) l.add(2, `${single}s:`, text);
    else l.add(2, `${single}:`, text || '<none>');
  }
}

function multilineArgs(l: DescribeLines, title: string, args: readonly string[] | undefined): void {
  if (!args?.length) return;
  l.add(2, `${title}:`);
  for (const a of args) for (const s of String(a).split('\n')) l.add(3, s);
}

function stateLines(l: DescribeLines, title: string, s: any): void {
  if (s?.running) {
    l.add(2, `${title}:`, 'Running');
    l.add(3, 'Started:', rfc1123z(s.running.startedAt));
  } else if (s?.waiting) {
    l.add(2, `${title}:`, 'Waiting');
    if (s.waiting.reason) l.add(3, 'Reason:', s.waiting.reason);
  } else if (s?.terminated) {
    const t = s.terminated;
    l.add(2, `${title}:`, 'Terminated');
    if (t.reason) l.add(3, 'Reason:', t.reason);
    if (t.message) l.add(3, 'Message:', t.message);
    l.add(3, 'Exit Code:', String(t.exitCode ?? 0));
    if (t.signal > 0) l.add(3, 'Signal:', String(t.signal));
    l.add(3, 'Started:', rfc1123z(t.startedAt));
    l.add(3, 'Finished:', rfc1123z(t.finishedAt));
  } else l.add(2, `${title}:`, 'Waiting');
}

/** describeResources: Limits then Requests, resource names sorted. */
function resourceLines(l: DescribeLines, resources: any): void {
  for (const [title, list] of [['Limits', resources?.limits], ['Requests', resources?.requests]] as const) {
    const entries = Object.entries<unknown>(list ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
    if (entries.length) l.add(2, `${title}:`);
    for (const [name, q] of entries) l.add(3, `${name}:`, String(q));
  }
}

/** The pod fields a downward-API env var may name (validation-rules: fieldRef paths). */
function podField(pod: any, path: string): string {
  const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (m) return String(pod.metadata?.[m[1]]?.[m[2]] ?? '');
  const value = path.split('.').reduce<any>((o, k) => o?.[k], pod);
  return value === undefined || value === null ? '' : String(value);
}

/** describeContainerEnvVars: literal values line by line, references spelled as kubectl does. */
function envLines(l: DescribeLines, c: any, place: Place): void {
  const env: any[] = c.env ?? [];
  if (!env.length) return l.add(2, 'Environment:', '<none>');
  l.add(2, 'Environment:');
  for (const e of env) {
    const from = e.valueFrom;
    if (!from) {
      String(e.value ?? '').split('\n').forEach((s, i) => l.add(3, i === 0 ? `${e.name}:` : '', s));
    } else if (from.fieldRef) {
      const value = place.pod ? podField(place.pod, from.fieldRef.fieldPath) : '';
      l.add(3, `${e.name}:`, `${value} (${from.fieldRef.apiVersion ?? 'v1'}:${from.fieldRef.fieldPath})`);
    } else if (from.resourceFieldRef) {
      // ExtractContainerResourceValue without divisor scaling; an unset limit means the node's allocatable.
      const resource: string = from.resourceFieldRef.resource;
      const [kind, name] = resource.split('.');
      let value = String(c.resources?.[kind]?.[name] ?? '0');
      if (value === '0' && kind === 'limits' && (name === 'cpu' || name === 'memory')) value = 'node allocatable';
      l.add(3, `${e.name}:`, `${value} (${resource})`);
    } else if (from.secretKeyRef) {
      l.add(3, `${e.name}:`, `<set to the key '${from.secretKeyRef.key}' in secret '${from.secretKeyRef.name}'>`, `Optional: ${from.secretKeyRef.optional === true}`);
    } else if (from.configMapKeyRef) {
      l.add(3, `${e.name}:`, `<set to the key '${from.configMapKeyRef.key}' of config map '${from.configMapKeyRef.name}'>`, `Optional: ${from.configMapKeyRef.optional === true}`);
    }
  }
}

/** describeContainerEnvFrom: `name  ConfigMap  Optional: false`. */
function envFromLines(l: DescribeLines, c: any): void {
  const sources: any[] = c.envFrom ?? [];
  if (!sources.length) return;
  l.add(2, 'Environment Variables from:');
  for (const s of sources) {
    const ref = s.configMapRef ?? s.secretRef ?? {};
    const from = s.configMapRef ? 'ConfigMap' : s.secretRef ? 'Secret' : '';
    l.add(3, ref.name ?? '', s.prefix ? `${from} with prefix '${s.prefix}'` : from, `Optional: ${ref.optional === true}`);
  }
}

/** describeContainerVolumes: mounts sorted by path, `(ro|rw[,path="sub"])`. */
function mountLines(l: DescribeLines, c: any): void {
  const mounts: any[] = [...(c.volumeMounts ?? [])].sort((a, b) => String(a.mountPath).localeCompare(String(b.mountPath)));
  if (!mounts.length) return l.add(2, 'Mounts:', '<none>');
  l.add(2, 'Mounts:');
  for (const m of mounts) l.add(3, `${m.mountPath} from ${m.name} (${[m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path="${m.subPath}"`] : [])].join(',')})`);
}

/** describeContainers: one block per container; `statuses` only for a pod. */
export function containersSection(l: DescribeLines, title: string, specs: readonly any[], statuses: readonly any[] | undefined, place: Place): void {
  l.add(0, `${place.space}${title}:${specs.length ? '' : ' <none>'}`);
  for (const c of specs) {
    const st = statuses?.find((s) => s.name === c.name);
    l.add(1, `${place.space ? ' ' : ''}${c.name}:`);
    if (st) l.add(2, 'Container ID:', st.containerID ?? '');
    l.add(2, 'Image:', c.image ?? '');
    if (st) l.add(2, 'Image ID:', st.imageID ?? '');
    portLines(l, c);
    if (c.securityContext?.seccompProfile) l.add(2, 'SeccompProfile:', c.securityContext.seccompProfile.type ?? '');
    multilineArgs(l, 'Command', c.command);
    multilineArgs(l, 'Args', c.args);
    if (st) {
      stateLines(l, 'State', st.state);
      if (st.lastState?.terminated) stateLines(l, 'Last State', st.lastState);
      l.add(2, 'Ready:', st.ready ? 'True' : 'False');
      l.add(2, 'Restart Count:', String(st.restartCount ?? 0));
    }
    resourceLines(l, c.resources);
    for (const kind of ['Liveness', 'Readiness', 'Startup']) {
      const probe = readProbe(c[`${kind.toLowerCase()}Probe`], c.ports);
      if (probe) l.add(2, `${kind}:`, describeProbe(probe));
    }
    envFromLines(l, c);
    envLines(l, c, place);
    mountLines(l, c);
  }
}

/** The volume sources describe.go prints field by field: a title, then `[label, field]` rows (Go's %v of each). */
const VOLUME_SOURCES: Readonly<Record<string, { title: string; rows: [string, (s: any) => string][] }>> = {
  hostPath: { title: 'HostPath (bare host directory volume)', rows: [['Path', (s) => s.path ?? ''], ['HostPathType', (s) => s.type ?? '']] },
  emptyDir: { title: "EmptyDir (a temporary directory that shares a pod's lifetime)", rows: [['Medium', (s) => s.medium ?? ''], ['SizeLimit', (s) => s.sizeLimit ?? '<unset>']] },
  gitRepo: { title: 'GitRepo (a volume that is pulled from git when the pod is created)', rows: [['Repository', (s) => s.repository ?? ''], ['Revision', (s) => s.revision ?? '']] },
  secret: { title: 'Secret (a volume populated by a Secret)', rows: [['SecretName', (s) => s.secretName ?? ''], ['Optional', (s) => String(s.optional === true)]] },
  configMap: { title: 'ConfigMap (a volume populated by a ConfigMap)', rows: [['Name', (s) => s.name ?? ''], ['Optional', (s) => String(s.optional === true)]] },
  persistentVolumeClaim: {
    title: 'PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)',
    rows: [['ClaimName', (s) => s.claimName ?? ''], ['ReadOnly', (s) => String(s.readOnly === true)]],
  },
};

/** describeVolumes: `<none>`, or each volume's name and source; sources kubelab does not print show `<unknown>` as kubectl's default case does. */
export function volumesSection(l: DescribeLines, volumes: readonly any[], place: Place): void {
  if (!volumes.length) return l.add(0, `${place.space}Volumes:`, '<none>');
  l.add(0, `${place.space}Volumes:`);
  for (const v of volumes) {
    l.add(1, `${place.space ? ' ' : ''}${v.name}:`);
    const key = Object.keys(VOLUME_SOURCES).find((k) => v[k] !== undefined);
    if (!key) {
      l.add(1, '<unknown>');
      continue;
    }
    const { title, rows } = VOLUME_SOURCES[key];
    l.add(2, 'Type:', title);
    for (const [label, read] of rows) l.add(2, `${label}:`, read(v[key] ?? {}));
  }
}

/** DescribePodTemplate: the template's labels, containers, volumes, node selector and tolerations. */
export function podTemplateSection(l: DescribeLines, template: any): void {
  l.add(0, 'Pod Template:');
  if (!template) return l.add(1, '<unset>');
  const spec = template.spec ?? {};
  const place: Place = { space: '  ' };
  l.labels(1, 'Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length) l.annotations(1, 'Annotations', template.metadata.annotations);
  if (spec.serviceAccountName) l.add(1, 'Service Account:', spec.serviceAccountName);
  if (spec.initContainers?.length) containersSection(l, 'Init Containers', spec.initContainers, undefined, place);
  containersSection(l, 'Containers', spec.containers ?? [], undefined, place);
  volumesSection(l, spec.volumes ?? [], place);
  if (spec.priorityClassName) l.add(1, 'Priority Class Name:', spec.priorityClassName);
  l.labels(1, 'Node-Selectors', spec.nodeSelector);
  l.tolerations(1, 'Tolerations', spec.tolerations ?? []);
}
