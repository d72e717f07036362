// The workspace index: every indexed resource by file and by namespace, with
// inverted label indexes so "which pods does this selector match" and "which
// selectors match these labels" read only the candidates sharing a label pair.
// Updated per file, or per changed document of a file; `generation` moves only
// when something a lint rule depends on changed, so unrelated keystrokes leave
// cached workspace lint valid.
import { matches, type Selector } from '../../../runtime/src/api/selectors';
import type { WorkspaceQuery } from './query';
import { fingerprint, type IndexedResource } from './resources';

interface Namespace {
  all: Set<IndexedResource>;
  /** `key\u0000value` → resources whose pod labels carry that pair. */
  byLabel: Map<string, Set<IndexedResource>>;
  /** `key\u0000value` → resources whose selector has an `In` requirement on that pair (its first one)... */
  selectorsByLabel: Map<string, Set<IndexedResource>>;
  /** ...and the resources whose selector has none, which any labels may match. */
  selectorsUnkeyed: Set<IndexedResource>;
}

/** Documents of a file that changed, and whether a lint rule can see the difference. */
export interface FileChange {
  removed: readonly IndexedResource[];
  added: readonly IndexedResource[];
  changed: boolean;
}

export class WorkspaceIndex implements WorkspaceQuery {
  /** `fingerprint` is unknown after a patch, so the next whole-file set counts as a change. */
  private readonly files = new Map<string, { resources: IndexedResource[]; fingerprint?: string }>();
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

  /** Applies a change to a file already indexed: `resources` is its new full list. Returns whether the generation moved. */
  patchFile(uri: string, resources: IndexedResource[], change: FileChange): boolean {
    if (!this.files.has(uri)) return this.setFile(uri, resources);
    for (const r of change.removed) this.unlink(r);
    for (const r of change.added) this.link(r);
    this.files.set(uri, { resources });
    if (change.changed) this.generation++;
    return change.changed;
  }

  removeFile(uri: string): boolean {
    const old = this.files.get(uri);
    if (!old) return false;
    for (const r of old.resources) this.unlink(r);
    this.files.delete(uri);
    this.generation++;
    return true;
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
    for (const r of selectorCandidates(ns, labels)) if (r.selector && matches(r.selector, labels)) out.push(r);
    return out.sort(byOrigin);
  }

  private ns(name: string): Namespace {
    let ns = this.namespaces.get(name);
    if (!ns) this.namespaces.set(name, (ns = { all: new Set(), byLabel: new Map(), selectorsByLabel: new Map(), selectorsUnkeyed: new Set() }));
    return ns;
  }

  private link(r: IndexedResource): void {
    const ns = this.ns(r.namespace);
    ns.all.add(r);
    for (const key of labelKeys(r)) post(ns.byLabel, key, r);
    if (!r.selector) return;
    const keys = selectorKeys(r);
    if (!keys.length) ns.selectorsUnkeyed.add(r);
    for (const key of keys) post(ns.selectorsByLabel, key, r);
  }

  private unlink(r: IndexedResource): void {
    const ns = this.namespaces.get(r.namespace);
    if (!ns) return;
    ns.all.delete(r);
    ns.selectorsUnkeyed.delete(r);
    for (const key of labelKeys(r)) unpost(ns.byLabel, key, r);
    for (const key of selectorKeys(r)) unpost(ns.selectorsByLabel, key, r);
  }
}

function post(postings: Map<string, Set<IndexedResource>>, key: string, r: IndexedResource): void {
  let set = postings.get(key);
  if (!set) postings.set(key, (set = new Set()));
  set.add(r);
}

/** Empty postings go, so label values typed one character at a time leave nothing behind. */
function unpost(postings: Map<string, Set<IndexedResource>>, key: string, r: IndexedResource): void {
  const set = postings.get(key);
  if (set?.delete(r) && !set.size) postings.delete(key);
}

function labelKeys(r: IndexedResource): string[] {
  return Object.entries(r.podLabels ?? {}).map(([k, v]) => `${k}\u0000${v}`);
}

/**
 * The pairs a selector is posted under: those of its first `In` requirement. Labels
 * it matches must carry one of them, so the postings of the labels' own pairs find it.
 */
function selectorKeys(r: IndexedResource): string[] {
  const req = r.selector?.requirements.find((q) => q.operator === 'In');
  return req ? req.values.map((v) => `${req.key}\u0000${v}`) : [];
}

/** Every selector that can match `labels`: those posted under one of its pairs, and the unkeyed. */
function selectorCandidates(ns: Namespace, labels: Record<string, string>): Set<IndexedResource> {
  const out = new Set(ns.selectorsUnkeyed);
  for (const [k, v] of Object.entries(labels)) for (const r of ns.selectorsByLabel.get(`${k}\u0000${v}`) ?? []) out.add(r);
  return out;
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
