// Where pod specs and their labels live in each kind, so rules and the index
// walk containers the same way. Paths follow apimachinery's field paths.
import { asStringMap, isRecord, type Obj } from '../../../runtime/src/api/values';

export interface PodSpecSite {
  /** `spec` for a Pod, `spec.template.spec` for controllers, deeper for CronJob. */
  specPath: string;
  spec: Obj;
  /** Where the pods' labels are written (`metadata.labels`, `spec.template.metadata.labels`). */
  labelsPath: string;
  labels: Record<string, string> | undefined;
}

const TEMPLATE_PATH: Record<string, string> = {
  Pod: '',
  ReplicationController: 'spec.template',
  ReplicaSet: 'spec.template',
  DaemonSet: 'spec.template',
  Job: 'spec.template',
  CronJob: 'spec.jobTemplate.spec.template',
};

export function get(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const seg of path.split('.')) {
    if (!seg) continue;
    if (!isRecord(cur)) return undefined;
    cur = cur[seg];
  }
  return cur;
}

function join(a: string, b: string): string {
  return a ? `${a}.${b}` : b;
}

export function podSpecSite(obj: Obj): PodSpecSite | undefined {
  const kind = obj.kind;
  if (typeof kind !== 'string' || !(kind in TEMPLATE_PATH)) return undefined;
  const base = TEMPLATE_PATH[kind];
  const spec = get(obj, join(base, 'spec'));
  if (!isRecord(spec)) return undefined;
  const labelsPath = join(base, 'metadata.labels');
  return { specPath: join(base, 'spec'), spec, labelsPath, labels: asStringMap(get(obj, labelsPath)) };
}

export interface ContainerSite {
  path: string;
  container: Obj;
}

/** Regular and init containers (ephemeral containers cannot be written in a manifest). */
export function containers(site: PodSpecSite, which: 'containers' | 'initContainers' = 'containers'): ContainerSite[] {
  const list = site.spec[which];
  if (!Array.isArray(list)) return [];
  return list.flatMap((c, i) => (isRecord(c) ? [{ path: `${site.specPath}.${which}[${i}]`, container: c }] : []));
}

export function namespaceOf(obj: Obj): string {
  const ns = get(obj, 'metadata.namespace');
  // Objects without a namespace land in the one kubectl's context names; we assume `default`.
  return typeof ns === 'string' && ns ? ns : 'default';
}

export function nameOf(obj: Obj): string {
  const n = get(obj, 'metadata.name');
  return typeof n === 'string' ? n : '';
}
