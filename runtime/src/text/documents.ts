// YAML text → one ManifestDocument per `---` document, each with its plain
// value and a way to find the text range of any field path. The CLI and the
// language server both start here; nothing in this module knows about LSP.
import { parseAllDocuments, isMap, isSeq, isScalar, isPair, isAlias, type Document, type DocumentOptions, type Node, type Pair, type ParseOptions, type SchemaOptions } from 'yaml';
import { parsePath } from './path';
import { findDepthBreach } from './depth';

/** Half-open character offsets into the file text. */
export interface Range {
  start: number;
  end: number;
}

export interface SyntaxProblem {
  code: string;
  message: string;
  range: Range;
}

export interface ManifestDocument {
  /** 0-based position of the document in the file. */
  index: number;
  range: Range;
  /** The document as plain data (undefined when it could not be built). */
  value: unknown;
  syntaxErrors: SyntaxProblem[];
  /**
   * The range of the node at `path` (`spec.containers[0].image`, map keys as
   * `metadata.labels[app]`). `key` prefers the key of the last segment, `value`
   * its value. A path that does not exist in the text (a defaulted field)
   * resolves to the deepest existing ancestor's key.
   */
  locate(path: string, prefer?: 'key' | 'value'): Range;
  /** Whether the path exists in the text as written. */
  has(path: string): boolean;
}

/**
 * Limits that keep hostile input bounded; each breach is one clear finding.
 * maxDepth stays well below the ~800 levels at which the yaml package's recursive
 * composer exhausts node's default stack; real manifests nest a few dozen deep.
 */
export const LIMITS = {
  maxAliasCount: 1000,
  maxDepth: 256,
};

/**
 * kubectl reads manifests with sigs.k8s.io/yaml, i.e. go-yaml v2: YAML 1.1 scalars
 * (`yes`/`on` are booleans, `0644` is octal 420, `<<` merges) but no sexagesimal
 * numbers or timestamps (they stay strings), and duplicate keys silently keep the
 * last value (validation-rules §1, §13).
 */
const PARSE_OPTIONS = {
  version: '1.1',
  uniqueKeys: false,
  prettyErrors: false,
  customTags: (tags) => tags.filter((t) => typeof t === 'string' || (t.format !== 'TIME' && t.tag !== 'tag:yaml.org,2002:timestamp')),
} satisfies ParseOptions & DocumentOptions & SchemaOptions;

export function parseDocuments(text: string): ManifestDocument[] {
  const whole = { start: 0, end: text.length };
  const breach = findDepthBreach(text, LIMITS.maxDepth);
  if (breach) return [brokenDocument(0, whole, 'yaml-too-deep', tooDeepMessage(), breach.offset)];
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, PARSE_OPTIONS) as Document.Parsed[];
  } catch (e) {
    return [brokenDocument(0, whole, 'yaml-syntax', `YAML could not be parsed: ${errorText(e)}`)];
  }
  if (!Array.isArray(docs)) docs = [docs as unknown as Document.Parsed];
  return docs.map((doc, i) => toManifest(doc, i, text.length));
}

function tooDeepMessage(): string {
  return `YAML nesting is deeper than ${LIMITS.maxDepth} levels; not validated`;
}

function aliasLimitMessage(): string {
  return `YAML aliases expand to more than ${LIMITS.maxAliasCount} nodes (an alias bomb?); not validated`;
}

function toManifest(doc: Document.Parsed, index: number, textLength: number): ManifestDocument {
  const range: Range = { start: doc.range?.[0] ?? 0, end: doc.range?.[2] ?? textLength };
  const syntaxErrors = syntaxProblems(doc);
  let value: unknown;
  if (syntaxErrors.length === 0) {
    const depth = nodeDepth(doc.contents);
    if (depth > LIMITS.maxDepth) {
      syntaxErrors.push({ code: 'yaml-too-deep', message: tooDeepMessage(), range: { start: range.start, end: range.start + 1 } });
    } else {
      try {
        value = doc.toJS({ maxAliasCount: LIMITS.maxAliasCount });
      } catch (e) {
        const aliasBomb = /Excessive alias count/.test(errorText(e));
        syntaxErrors.push({
          code: aliasBomb ? 'yaml-alias-limit' : 'yaml-syntax',
          message: aliasBomb ? aliasLimitMessage() : firstLine(errorText(e)),
          range: { start: range.start, end: range.start + 1 },
        });
      }
    }
  }
  const root = doc.contents as Node | null;
  return {
    index,
    range,
    value,
    syntaxErrors,
    locate: (path, prefer = 'value') => locate(root, path, prefer) ?? { start: range.start, end: range.start },
    has: (path) => find(root, parsePath(path)).missing === 0,
  };
}

/**
 * The parser's errors as problems. A stack overflow inside the parser shows up as one
 * RESOURCE_EXHAUSTION error per level; that is one problem, not thousands.
 */
function syntaxProblems(doc: Document.Parsed): SyntaxProblem[] {
  const exhausted = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION');
  if (exhausted) return [{ code: 'yaml-too-deep', message: tooDeepMessage(), range: { start: exhausted.pos[0], end: exhausted.pos[0] + 1 } }];
  return doc.errors.map((e) => ({
    code: 'yaml-syntax',
    message: firstLine(e.message),
    range: { start: e.pos[0], end: Math.max(e.pos[1], e.pos[0] + 1) },
  }));
}

function brokenDocument(index: number, range: Range, code: string, message: string, at = range.start): ManifestDocument {
  return {
    index,
    range,
    value: undefined,
    syntaxErrors: [{ code, message, range: { start: at, end: at + 1 } }],
    locate: () => ({ start: range.start, end: range.start }),
    has: () => false,
  };
}

interface Found {
  node: Node | null;
  pair?: Pair;
  /** How many trailing segments were not found. */
  missing: number;
}

function find(root: Node | null, segments: readonly (string | number)[]): Found {
  let node: Node | null = root;
  let pair: Pair | undefined;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const next = step(node, seg);
    if (!next) return { node, pair, missing: segments.length - i };
    node = next.node;
    pair = next.pair;
  }
  return { node, pair, missing: 0 };
}

function step(node: Node | null, seg: string | number): { node: Node | null; pair?: Pair } | undefined {
  if (isAlias(node)) return undefined;
  if (isMap(node)) {
    for (const item of node.items) {
      if (isPair(item) && isScalar(item.key) && String(item.key.value) === String(seg)) {
        return { node: (item.value as Node | null) ?? null, pair: item };
      }
    }
    return undefined;
  }
  if (isSeq(node) && typeof seg === 'number') {
    const item = node.items[seg] as Node | undefined;
    return item === undefined ? undefined : { node: item ?? null };
  }
  return undefined;
}

function locate(root: Node | null, path: string, prefer: 'key' | 'value'): Range | undefined {
  const f = find(root, parsePath(path));
  const keyRange = f.pair && isScalar(f.pair.key) ? nodeRange(f.pair.key as Node) : undefined;
  if (f.missing > 0) return keyRange ?? (f.node ? headRange(f.node) : undefined);
  if (prefer === 'key' && keyRange) return keyRange;
  const value = f.node ? nodeRange(f.node) : undefined;
  return value ?? keyRange;
}

function nodeRange(n: Node): Range | undefined {
  const r = n.range;
  if (!r) return undefined;
  return { start: r[0], end: r[1] };
}

/** A collection's range can span many lines; its first line is enough to point at. */
function headRange(n: Node): Range | undefined {
  const r = nodeRange(n);
  if (!r) return undefined;
  return { start: r.start, end: Math.min(r.end, r.start + 1) };
}

function nodeDepth(root: unknown): number {
  // Iterative, so a hostile 10,000-deep document cannot overflow the stack here.
  let max = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    if (d > max) max = d;
    if (max > LIMITS.maxDepth) return max;
    if (isMap(n) || isSeq(n)) {
      for (const item of n.items) {
        if (isPair(item)) {
          stack.push([item.value, d + 1]);
        } else stack.push([item, d + 1]);
      }
    }
  }
  return max;
}

function firstLine(s: string): string {
  const i = s.indexOf('\n');
  return (i < 0 ? s : s.slice(0, i)).replace(/:$/, '');
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
