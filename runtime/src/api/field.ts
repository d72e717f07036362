// Field errors as apimachinery's field.Error models them (validation/field/errors.go):
// a path from the object root, a type, the offending value and a detail text.
// Every check in runtime/api returns these; the editor, the CLI and the simulated
// API server all render them with the functions below, so the texts never drift.

export type ErrorType = 'Required' | 'Invalid' | 'NotSupported' | 'Duplicate' | 'Forbidden' | 'TooLong' | 'NotFound';

export interface FieldError {
  /** e.g. `spec.template.spec.containers[0].image`, map keys as `metadata.labels[app]`. */
  path: string;
  type: ErrorType;
  value?: unknown;
  detail?: string;
  /** NotSupported: the allowed values, rendered quoted. */
  supported?: readonly string[];
  /** TooLong: the limit in bytes. */
  maxLength?: number;
  /** The API server only warns (e.g. duplicate port definition); the object is still accepted. */
  warning?: boolean;
  /** Pre-rendered bad value where the upstream rendering is a Go struct we cannot derive. */
  rendered?: string;
  /** field.OmitValueType: the type is printed without a value (`Invalid value: <detail>`). */
  omitValue?: boolean;
  /** The rule family that raised it (`pod-spec`, `job`, ...): the finding's stable code. */
  rule?: string;
}

/** Marks every error of a family's result with the family id (kept if already set). */
export function withRule(rule: string, errs: FieldError[]): FieldError[] {
  for (const e of errs) e.rule ??= rule;
  return errs;
}

// --- paths -----------------------------------------------------------------

export function child(parent: string, name: string): string {
  return parent ? `${parent}.${name}` : name;
}

export function index(parent: string, i: number): string {
  return `${parent}[${i}]`;
}

export function key(parent: string, k: string): string {
  return `${parent}[${k}]`;
}

// --- constructors (names follow field.Required, field.Invalid, ...) ----------

export function required(path: string, detail?: string): FieldError {
  return { path, type: 'Required', detail };
}

export function invalid(path: string, value: unknown, detail?: string): FieldError {
  return { path, type: 'Invalid', value, detail };
}

export function notSupported(path: string, value: unknown, supported: readonly string[]): FieldError {
  return { path, type: 'NotSupported', value, supported };
}

export function duplicate(path: string, value: unknown): FieldError {
  return { path, type: 'Duplicate', value };
}

export function forbidden(path: string, detail?: string): FieldError {
  return { path, type: 'Forbidden', detail };
}

export function tooLong(path: string, value: unknown, maxLength: number): FieldError {
  return { path, type: 'TooLong', value, maxLength };
}

export function notFound(path: string, value: unknown): FieldError {
  return { path, type: 'NotFound', value };
}

/**
 * One field.Invalid per message of a format check (formats.ts), as upstream's
 * `for _, msg := range validation.IsX(v) { allErrs = append(allErrs, field.Invalid(path, v, msg)) }`.
 */
export function invalidEach(path: string, value: unknown, messages: readonly string[]): FieldError[] {
  return messages.map((m) => invalid(path, value, m));
}

/** field.Invalid with field.OmitValueType{}. */
export function invalidOmitValue(path: string, detail: string): FieldError {
  return { path, type: 'Invalid', detail, omitValue: true };
}

/**
 * An API-server warning (pkg/api/pod/warnings.go and friends): the object is accepted
 * and kubectl prints `Warning: <path>: <text>`. Kept as a FieldError so warnings travel
 * with errors through every renderer.
 */
export function apiWarning(path: string, text: string): FieldError {
  return { path, type: 'Invalid', detail: text, warning: true };
}

// --- rendering ---------------------------------------------------------------

/** Kubernetes minor version whose wording is used; 33 is the product's target. */
export interface RenderOptions {
  minor?: number;
}

export const DEFAULT_MINOR = 33;

/** `<path>: <Type>[: <bad value>][: <detail>]`, as err.Error() prints it. */
export function renderFieldError(e: FieldError, opts: RenderOptions = {}): string {
  const minor = opts.minor ?? DEFAULT_MINOR;
  const body = e.warning ? (e.detail ?? '') : renderBody(e, minor);
  return e.path ? `${e.path}: ${body}` : body;
}

function renderBody(e: FieldError, minor: number): string {
  const v = () => e.rendered ?? renderValue(e.value, minor);
  const withDetail = (head: string) => (e.detail ? `${head}: ${e.detail}` : head);
  switch (e.type) {
    case 'Required':
      return withDetail('Required value');
    case 'Invalid':
      return withDetail(e.omitValue ? 'Invalid value' : `Invalid value: ${v()}`);
    case 'NotSupported': {
      const list = (e.supported ?? []).map((s) => JSON.stringify(s)).join(', ');
      return `Unsupported value: ${v()}` + (list ? `: supported values: ${list}` : '');
    }
    case 'Duplicate':
      return `Duplicate value: ${v()}`;
    case 'Forbidden':
      return withDetail('Forbidden');
    case 'TooLong':
      return minor >= 32
        ? `Too long: may not be more than ${e.maxLength} bytes`
        : `Too long: must have at most ${e.maxLength} bytes`;
    case 'NotFound':
      return `Not found: ${v()}`;
  }
}

/**
 * Bad values print as Go prints them: strings %q, numbers and booleans bare.
 * Maps and slices use Go syntax up to 1.33 (`map[string]string{"app":"kubia"}`)
 * and JSON from 1.34 on (validation-rules §2).
 */
export function renderValue(value: unknown, minor: number = DEFAULT_MINOR): string {
  if (value === undefined || value === null) return minor >= 34 ? 'null' : '<nil>';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (minor >= 34) return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.every((x) => typeof x === 'string')) return `[]string{${value.map((x) => JSON.stringify(x)).join(', ')}}`;
    return JSON.stringify(value);
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.every(([, x]) => typeof x === 'string')) {
      // Go's fmt sorts map keys when printing.
      const body = entries
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, x]) => `${JSON.stringify(k)}:${JSON.stringify(x)}`)
        .join(', ');
      return `map[string]string{${body}}`;
    }
  }
  return JSON.stringify(value);
}

/**
 * kubectl's text for a 422 Invalid response (api/errors.NewInvalid + kubectl checkErr):
 * one cause on the same line, several as a bulleted list, duplicates removed.
 */
export function renderInvalidObject(kind: string, name: string, errors: readonly FieldError[], opts: RenderOptions = {}): string {
  const lines = [...new Set(errors.filter((e) => !e.warning).map((e) => renderFieldError(e, opts)))];
  const head = `The ${kind} "${name}" is invalid: `;
  if (lines.length === 1) return head + lines[0];
  return head + '\n' + lines.map((l) => `* ${l}`).join('\n');
}
