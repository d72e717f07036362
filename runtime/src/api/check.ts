// The static pipeline: "would `kubectl create` accept this document?" without
// a cluster. Each stage mirrors a stage of the real path (validation-rules §1):
// kubectl's kind/apiVersion check, the REST mapping, strict decoding, defaulting,
// PrepareForCreate and validation. The editor and the CLI both call checkObject.
import { DEFAULT_MINOR, renderFieldError, type FieldError } from './field';
import { decode, type DecodeError } from './decode';
import { defaultForCreate } from './defaults';
import { resolveKind, suggestKind } from './kinds';
import { isRecord } from './values';
import { validateObject } from './validation';

export interface Finding {
  /** Field path from the object root (`spec.template.spec.containers[0].image`); '' for the whole document. */
  path: string;
  severity: 'error' | 'warning' | 'info';
  /** Stable rule id (docs/DEVELOPING.md "Finding codes"). */
  code: string;
  message: string;
  /** Which part of the path's node to point at: the key (missing or unknown fields) or the value. */
  anchor: 'key' | 'value';
}

export interface CheckOptions {
  /** Kubernetes minor version whose wording is used (default 33). */
  minor?: number;
}

/** A uid for static checks only: Job validation compares the generated labels with it. */
export const PLACEHOLDER_UID = '00000000-0000-0000-0000-000000000000';

/** kubectl shows the whole object; a long manifest would swamp the message. */
const MISSING_KIND_EXCERPT = 80;

/** A mapping that means to be a Kubernetes object (compose files and CI workflows are not). */
export function isKubernetesLike(value: unknown): boolean {
  return isRecord(value) && (value.apiVersion !== undefined || value.kind !== undefined);
}

export function checkObject(value: unknown, opts: CheckOptions = {}): Finding[] {
  const minor = opts.minor ?? DEFAULT_MINOR;
  if (value === null || value === undefined) return []; // an empty document; kubectl skips it
  if (!isRecord(value)) {
    const what = Array.isArray(value) ? 'a list' : 'a scalar';
    return [{ path: '', severity: 'error', code: 'not-an-object', message: `document is ${what}, not a Kubernetes object`, anchor: 'value' }];
  }
  if (!isKubernetesLike(value)) return [];
  const missing = missingTypeField(value);
  if (missing) return [missing];
  if (value.kind === 'List' && Array.isArray(value.items)) return checkListItems(value.items, opts);
  const resolution = resolveKind(value.apiVersion, value.kind);
  if (resolution.type === 'removed') {
    return [{ path: 'apiVersion', severity: 'error', code: 'removed-api-version', message: resolution.message, anchor: 'value' }];
  }
  if (resolution.type === 'unknown') return unknownKind(value.apiVersion, value.kind);
  const decodeErrors = decode(resolution.info, value);
  const findings = decodeErrors.map(decodeFinding);
  // A type error stops the server at decoding; unknown fields alone do not stop us,
  // so the rest of the document keeps its diagnostics while the user types.
  if (decodeErrors.some((e) => e.code !== 'unknown-field')) return findings;
  const prepared = defaultForCreate(value, { uid: PLACEHOLDER_UID });
  return dedupe([...findings, ...validateObject(prepared, { minor }).map((e) => fieldFinding(e, minor))]);
}

/**
 * kubectl expands a `kind: List` (any apiVersion) and creates each item on its own
 * (cli-runtime visitor); the item findings keep paths from the document root.
 */
function checkListItems(items: unknown[], opts: CheckOptions): Finding[] {
  return items.flatMap((item, i) =>
    checkObject(item, opts).map((f) => ({ ...f, path: f.path ? `items[${i}].${f.path}` : `items[${i}]` })),
  );
}

/** kubectl's decoder checks kind before apiVersion (runtime.NewMissingKindErr / NewMissingVersionErr). */
function missingTypeField(value: Record<string, unknown>): Finding | undefined {
  const field = !nonEmptyString(value.kind) ? 'kind' : !nonEmptyString(value.apiVersion) ? 'apiVersion' : undefined;
  if (!field) return undefined;
  return { path: field, severity: 'error', code: 'missing-kind', message: missingTypeMessage(value, field), anchor: 'key' };
}

/** kubectl's client-side decode error (validation-rules §1), quoting the object's JSON (cut at `maxChars`). */
export function missingTypeMessage(value: Record<string, unknown>, field: 'kind' | 'apiVersion', maxChars = MISSING_KIND_EXCERPT): string {
  const label = field === 'kind' ? 'Kind' : 'apiVersion';
  const json = JSON.stringify(value) ?? '';
  const excerpt = json.length > maxChars ? `${json.slice(0, maxChars)}...` : json;
  return `Object '${label}' is missing in '${excerpt}'`;
}

function nonEmptyString(v: unknown): boolean {
  return typeof v === 'string' && v !== '';
}

/** Only a case slip on one of our kinds is reported; other kinds are not ours to judge. */
function unknownKind(apiVersion: unknown, kind: unknown): Finding[] {
  const suggestion = suggestKind(apiVersion, kind);
  if (!suggestion) return [];
  const message = `no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)}; did you mean ${JSON.stringify(suggestion)}?`;
  return [{ path: 'kind', severity: 'error', code: 'unknown-kind', message, anchor: 'value' }];
}

function decodeFinding(e: DecodeError): Finding {
  return { path: e.path, severity: 'error', code: e.code, message: e.message, anchor: e.code === 'unknown-field' ? 'key' : 'value' };
}

function fieldFinding(e: FieldError, minor: number): Finding {
  return {
    path: e.path,
    severity: e.warning ? 'warning' : 'error',
    code: e.rule ?? 'metadata',
    // API warnings print as kubectl shows them after `Warning: `.
    message: renderFieldError(e, { minor }),
    // A Required field is absent: point at the key of its closest existing parent.
    anchor: e.type === 'Required' ? 'key' : 'value',
  };
}

/** The same cause raised twice (e.g. both job-name labels too long) is one finding, as kubectl shows it. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const id = `${f.severity} ${f.path} ${f.message}`;
    return seen.has(id) ? false : (seen.add(id), true);
  });
}
