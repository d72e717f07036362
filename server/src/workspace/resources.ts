// What the workspace index remembers of one document: identity, the labels its
// pods carry, the selector it uses and the container ports it declares. Pure:
// built from a plain object plus a locator for the ranges navigation needs.
import { selectorFromLabelSelector, selectorFromMap, type Selector } from '../../../runtime/src/api/selectors';
import type { Range } from '../../../runtime/src/text/documents';
import { asStringMap, isRecord, type Obj } from '../../../runtime/src/api/values';
import { containers, get, nameOf, namespaceOf, podSpecSite } from '../lint/pods';

export interface DeclaredPort {
  name?: string;
  containerPort?: number;
}

/**
 * Which document a resource came from. Shared with the document's cache entry and
 * updated in place when an edit elsewhere moves the document, so ranges below stay
 * relative to `start` and need no rewriting.
 */
export interface DocOrigin {
  uri: string;
  /** Position of the document in its file. */
  index: number;
  /** File offset of the document's first character. */
  start: number;
}

export interface IndexedResource {
  origin: DocOrigin;
  kind: string;
  name: string;
  namespace: string;
  /** Offsets (relative to origin.start) of the document's name, or its start when unnamed. */
  nameRange: Range;
  /** Labels of the pods this object is or creates, with their range. */
  podLabels?: Record<string, string>;
  podLabelsPath?: string;
  podLabelsRange?: Range;
  /** The selector this object applies to pods (Service, RC, RS, DS, manual Job). */
  selector?: Selector;
  selectorPath?: string;
  selectorRange?: Range;
  /** Whether the selector picks pods another controller could own (not a Service). */
  controls: boolean;
  ports: DeclaredPort[];
}

type Locate = (path: string, prefer?: 'key' | 'value') => Range;

export function indexedResource(origin: DocOrigin, obj: Obj, locate: Locate): IndexedResource | undefined {
  if (typeof obj.kind !== 'string') return undefined;
  const r: IndexedResource = {
    origin,
    kind: obj.kind,
    name: nameOf(obj),
    namespace: namespaceOf(obj),
    nameRange: locate('metadata.name', 'value'),
    controls: false,
    ports: [],
  };
  const site = podSpecSite(obj);
  // A CronJob's pods are created by its Jobs, whose generated selectors own them.
  if (site && obj.kind !== 'CronJob') {
    r.podLabels = site.labels ?? {};
    r.podLabelsPath = site.labelsPath;
    r.podLabelsRange = locate(site.labelsPath, 'key');
    r.ports = containers(site).flatMap(({ container }) => declaredPorts(container));
  }
  const sel = selectorOf(obj);
  if (sel) {
    r.selector = sel.selector;
    r.selectorPath = 'spec.selector';
    r.selectorRange = locate('spec.selector', 'key');
    r.controls = obj.kind !== 'Service';
  }
  return r;
}

/** What lint rules depend on: equal fingerprints mean no rule's answer can change. */
export function fingerprint(r: IndexedResource | undefined): string {
  if (!r) return '';
  return JSON.stringify([r.kind, r.name, r.namespace, r.podLabels, r.selector, r.controls, r.ports]);
}

/** The last path segment of a file URI, for messages and hovers. */
export function fileNameOf(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

export function absolute(r: IndexedResource, range: Range): Range {
  return { start: range.start + r.origin.start, end: range.end + r.origin.start };
}

export function declaredPorts(container: Obj): DeclaredPort[] {
  const ports = container.ports;
  if (!Array.isArray(ports)) return [];
  return ports.filter(isRecord).map((p) => ({
    name: typeof p.name === 'string' ? p.name : undefined,
    containerPort: typeof p.containerPort === 'number' ? p.containerPort : undefined,
  }));
}

function selectorOf(obj: Obj): { selector: Selector } | undefined {
  const raw = get(obj, 'spec.selector');
  switch (obj.kind) {
    case 'Service': {
      const selector = serviceSelector(obj);
      return selector && { selector };
    }
    case 'ReplicationController': {
      // RC defaults an empty selector to the template labels (validation-rules §6).
      const m = asStringMap(raw);
      const labels = podSpecSite(obj)?.labels;
      const eff = m && Object.keys(m).length ? m : labels;
      return eff && Object.keys(eff).length ? { selector: selectorFromMap(eff) } : undefined;
    }
    case 'ReplicaSet':
    case 'DaemonSet':
      return labelSelector(raw);
    case 'Job':
      // Without manualSelector the selector is generated from the Job's uid and overlaps nothing (§9).
      return get(obj, 'spec.manualSelector') === true ? labelSelector(raw) : undefined;
    default:
      return undefined;
  }
}

/**
 * The pods a Service selects; undefined for a Service without a selector, whose
 * endpoints are managed by hand: it selects no pods on purpose.
 */
export function serviceSelector(service: Obj): Selector | undefined {
  const m = asStringMap(get(service, 'spec.selector'));
  return m && Object.keys(m).length ? selectorFromMap(m) : undefined;
}

function labelSelector(raw: unknown): { selector: Selector } | undefined {
  if (!isRecord(raw)) return undefined;
  const s = selectorFromLabelSelector(raw);
  return s ? { selector: s } : undefined;
}
