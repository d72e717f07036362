// The workspace index: every indexed resource by file and by namespace, with an
// inverted label index so "which pods does this selector match" reads only the
// candidates sharing one of its labels. Updated per file; `generation` moves only
// when something a lint rule depends on changed, so unrelated keystrokes leave
// cached workspace lint valid.
import { matches, type Selector } from '../../../runtime/src/api/selectors';
import type { WorkspaceQuery } from './query';
import { fingerprint, type IndexedResource } from './resources';

interface Namespace {
  all: Set<IndexedResource>;
  /** `key\u0000value` → resources whose pod labels carry that pair. */
  byLabel: Map<string, Set<IndexedResource>>;
  withSelector: Set<IndexedResource>;
}

export class WorkspaceIndex implements WorkspaceQuery {
  private readonly files = new Map<string, { resources: IndexedResource[]; fingerprint: string }>();
  private readonly namespaces = new Map<string, Namespace>();
  generation = 0;

  /** Replaces what a file contributes. Returns whether the generation moved. */
  setFile(uri: string, resources: IndexedResource[], print = resources.map(fingerprint).join('\n')): boolean {
    const old = this.files.get(uri);
    if (old) for (const r of old.resources) this.unlink(r);
    for (const r of resources) this.link(r);
    this.files.set(uri, { resources, fingerprint: print });
    if (old?.fingerprint === print) return false;
    this.generation++;
    return true;
  }

  removeFile(uri: string): boolean {
    const old = this.files.get(uri);
    if (!old) return false;
    for (const r of old.resources) this.unlink(r);
    this.files.delete(uri);
    this.generation++;
    return true;
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  get fileCount(): number {
    return this.files.size;
  }

  *resources(): Iterable<IndexedResource> {
    for (const f of this.files.values()) yield* f.resources;
  }

  podsMatching(namespace: string, selector: Selector): IndexedResource[] {
    const ns = this.namespaces.get(namespace);
    if (!ns || selector.nothing) return [];
    const out: IndexedResource[] = [];
    for (const r of candidates(ns, selector)) if (r.podLabels && matches(selector, r.podLabels)) out.push(r);
    return out.sort(byOrigin);
  }

  selectorsMatching(namespace: string, labels: Record<string, string>): IndexedResource[] {
    const ns = this.namespaces.get(namespace);
    if (!ns) return [];
    const out: IndexedResource[] = [];
    for (const r of ns.withSelector) if (r.selector && matches(r.selector, labels)) out.push(r);
    return out.sort(byOrigin);
  }

  private ns(name: string): Namespace {
    let ns = this.namespaces.get(name);
    if (!ns) this.namespaces.set(name, (ns = { all: new Set(), byLabel: new Map(), withSelector: new Set() }));
    return ns;
  }

  private link(r: IndexedResource): void {
    const ns = this.ns(r.namespace);
    ns.all.add(r);
    if (r.selector) ns.withSelector.add(r);
    for (const [k, v] of Object.entries(r.podLabels ?? {})) {
      const key = `${k}\u0000${v}`;
      let set = ns.byLabel.get(key);
      if (!set) ns.byLabel.set(key, (set = new Set()));
      set.add(r);
    }
  }

  private unlink(r: IndexedResource): void {
    const ns = this.namespaces.get(r.namespace);
    if (!ns) return;
    ns.all.delete(r);
    ns.withSelector.delete(r);
    for (const [k, v] of Object.entries(r.podLabels ?? {})) ns.byLabel.get(`${k}\u0000${v}`)?.delete(r);
  }
}

/** The smallest set that must hold every match: the postings of the most selective `In` requirement. */
function candidates(ns: Namespace, selector: Selector): Iterable<IndexedResource> {
  let best: IndexedResource[] | undefined;
  for (const req of selector.requirements) {
    if (req.operator !== 'In') continue;
    const union = req.values.flatMap((v) => [...(ns.byLabel.get(`${req.key}\u0000${v}`) ?? [])]);
    if (!best || union.length < best.length) best = union;
  }
  return best ?? ns.all;
}

function byOrigin(a: IndexedResource, b: IndexedResource): number {
  return a.origin.uri < b.origin.uri ? -1 : a.origin.uri > b.origin.uri ? 1 : a.origin.index - b.origin.index;
}
