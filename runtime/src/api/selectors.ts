// Label selectors, one model for all three spellings Kubernetes uses:
// ReplicationController/Service map selectors (labels.SelectorFromSet),
// meta/v1 LabelSelector objects (LabelSelectorAsSelector) and kubectl's
// `-l` text (labels.Parse). Semantics follow apimachinery pkg/labels/selector.go.

import { invalid, renderFieldError, type FieldError } from './field';
import { isQualifiedName, isValidLabelValue } from './formats';
import { isRecord } from './values';

export interface Requirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
  /** Sorted; one value for Gt/Lt, none for Exists/DoesNotExist. */
  values: string[];
  /** Written as `key=value` / `key!=value` (map selectors, matchLabels, `=`, `==`, `!=`) rather than a set. */
  equality?: boolean;
}

export interface Selector {
  /** ANDed, sorted by key. None = matches everything. */
  requirements: Requirement[];
  /** A null LabelSelector: matches nothing (labels.Nothing()). */
  nothing?: boolean;
}

const byKey = (a: Requirement, b: Requirement) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const sortedValues = (values: readonly string[]) => [...values].sort();

/** SelectorFromSet: every key must equal its value; an absent or empty map selects everything. */
export function selectorFromMap(m: Record<string, string> | undefined | null): Selector {
  const requirements = Object.entries(m ?? {}).map(([key, v]): Requirement => ({ key, operator: 'In', values: [v], equality: true }));
  return { requirements: requirements.sort(byKey) };
}

const LABEL_SELECTOR_OPERATORS: Readonly<Record<string, Requirement['operator']>> = {
  In: 'In',
  NotIn: 'NotIn',
  Exists: 'Exists',
  DoesNotExist: 'DoesNotExist',
};

/**
 * LabelSelectorAsSelector: null matches nothing, `{}` everything. Undefined when
 * the selector cannot be converted (unknown operator, invalid key or value, an
 * In/NotIn without values, Exists with values, or a shape that would not decode).
 */
export function selectorFromLabelSelector(ls: unknown): Selector | undefined {
  if (ls === null || ls === undefined) return { requirements: [], nothing: true };
  if (!isRecord(ls)) return undefined;
  const requirements: Requirement[] = [];
  const { matchLabels, matchExpressions } = ls;
  if (matchLabels !== undefined && matchLabels !== null) {
    if (!isRecord(matchLabels)) return undefined;
    for (const [key, value] of Object.entries(matchLabels)) {
      if (typeof value !== 'string') return undefined;
      const r: Requirement = { key, operator: 'In', values: [value], equality: true };
      if (requirementErrors(r).length > 0) return undefined;
      requirements.push(r);
    }
  }
  if (matchExpressions !== undefined && matchExpressions !== null) {
    if (!Array.isArray(matchExpressions)) return undefined;
    for (const expr of matchExpressions) {
      const r = expressionRequirement(expr);
      if (!r || requirementErrors(r).length > 0) return undefined;
      requirements.push(r);
    }
  }
  return { requirements: requirements.sort(byKey) };
}

function expressionRequirement(expr: unknown): Requirement | undefined {
  if (!isRecord(expr)) return undefined;
  const { key, operator, values } = expr;
  if (typeof key !== 'string' || typeof operator !== 'string') return undefined;
  const op = Object.hasOwn(LABEL_SELECTOR_OPERATORS, operator) ? LABEL_SELECTOR_OPERATORS[operator] : undefined;
  if (!op) return undefined;
  if (values !== undefined && values !== null && !(Array.isArray(values) && values.every((v) => typeof v === 'string'))) return undefined;
  return { key, operator: op, values: sortedValues((values as string[] | null | undefined) ?? []) };
}

/**
 * NewRequirement's checks, as field errors whose paths are relative to the
 * requirement (`key`, `values[i][key]`), the way the parser reports them.
 */
function requirementErrors(r: Requirement): FieldError[] {
  const errs: FieldError[] = [];
  const keyMsgs = isQualifiedName(r.key);
  if (keyMsgs.length > 0) errs.push(invalid('key', r.key, keyMsgs.join('; ')));
  const n = r.values.length;
  switch (r.operator) {
    case 'In':
    case 'NotIn':
      if (r.equality && n !== 1) errs.push(invalid('values', r.values, 'exact-match compatibility requires one single value'));
      else if (n === 0) errs.push(invalid('values', r.values, "for 'in', 'notin' operators, values set can't be empty"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (n !== 0) errs.push(invalid('values', r.values, 'values set must be empty for exists and does not exist'));
      break;
    case 'Gt':
    case 'Lt':
      if (n !== 1) errs.push(invalid('values', r.values, "for 'Gt', 'Lt' operators, exactly one value is required"));
      r.values.forEach((v, i) => {
        if (parseInt64(v) === undefined) errs.push(invalid(`values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"));
      });
      break;
  }
  r.values.forEach((v, i) => {
    const msgs = isValidLabelValue(v);
    if (msgs.length > 0) errs.push(invalid(`values[${i}][${r.key}]`, v, msgs.join('; ')));
  });
  return errs;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** strconv.ParseInt(s, 10, 64). */
function parseInt64(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n < INT64_MIN || n > INT64_MAX ? undefined : n;
}

// --- kubectl syntax (labels.Parse) -------------------------------------------

type TokenKind = 'end' | 'identifier' | 'in' | 'notin' | '(' | ')' | ',' | '!' | '=' | '==' | '!=' | '>' | '<';

interface Token {
  kind: TokenKind;
  text: string;
}

const SYMBOLS = new Set(['(', ')', ',', '!', '=', '==', '!=', '>', '<']);
const isSpecial = (c: string) => '=!(),><'.includes(c);
const isBlank = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';

/** The Lexer: longest-match operator symbols, identifiers up to a blank or symbol. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  for (;;) {
    while (pos < text.length && isBlank(text[pos])) pos++;
    if (pos >= text.length) break;
    const start = pos;
    if (isSpecial(text[pos])) {
      // Every single symbol is a token, so only a two-character match can extend it.
      pos += SYMBOLS.has(text.slice(pos, pos + 2)) ? 2 : 1;
      const sym = text.slice(start, pos) as TokenKind;
      tokens.push({ kind: sym, text: sym });
      continue;
    }
    while (pos < text.length && !isSpecial(text[pos]) && !isBlank(text[pos])) pos++;
    const word = text.slice(start, pos);
    tokens.push({ kind: word === 'in' || word === 'notin' ? word : 'identifier', text: word });
  }
  tokens.push({ kind: 'end', text: '' });
  return tokens;
}

/** A parse failure; the parser returns it rather than throwing. */
interface Failure {
  error: string;
}

const fail = (error: string): Failure => ({ error });
const failed = (v: unknown): v is Failure => typeof v === 'object' && v !== null && 'error' in v;

/** The recursive-descent Parser of labels.Parse; error texts are upstream's. */
class Parser {
  private position = 0;
  constructor(private readonly tokens: Token[]) {}

  /** Where values are expected, `in` and `notin` are ordinary words (ParserContext Values). */
  private peek(asValue = true): Token {
    return this.asContext(this.tokens[this.position], asValue);
  }

  private next(asValue = true): Token {
    return this.asContext(this.tokens[this.position++], asValue);
  }

  private asContext(t: Token, asValue: boolean): Token {
    return asValue && (t.kind === 'in' || t.kind === 'notin') ? { kind: 'identifier', text: t.text } : t;
  }

  parse(): Requirement[] | Failure {
    const requirements: Requirement[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'end') return requirements;
      if (t.kind !== 'identifier' && t.kind !== '!') return fail(`found '${t.text}', expected: !, identifier, or 'end of string'`);
      const r = this.requirement();
      if (failed(r)) return fail(`unable to parse requirement: ${r.error}`);
      requirements.push(r);
      const sep = this.next();
      if (sep.kind === 'end') return requirements;
      if (sep.kind !== ',') return fail(`found '${sep.text}', expected: ',' or 'end of string'`);
      const after = this.peek();
      if (after.kind !== 'identifier' && after.kind !== '!') return fail(`found '${after.text}', expected: identifier after ','`);
    }
  }

  private requirement(): Requirement | Failure {
    let t = this.next();
    const negated = t.kind === '!';
    if (negated) t = this.next();
    if (t.kind !== 'identifier') return fail(`found '${t.text}', expected: identifier`);
    const key = t.text;
    const keyMsgs = isQualifiedName(key);
    // The parser checks the key with a nil field path, which Go prints as <nil>.
    if (keyMsgs.length > 0) return fail(renderFieldError(invalid('<nil>', key, keyMsgs.join('; '))));
    const following = this.peek().kind;
    if (negated) return validated({ key, operator: 'DoesNotExist', values: [] });
    if (following === 'end' || following === ',') return validated({ key, operator: 'Exists', values: [] });
    const op = this.next(false);
    switch (op.kind) {
      case 'in':
      case 'notin': {
        const values = this.valueSet();
        return failed(values) ? values : validated({ key, operator: op.kind === 'in' ? 'In' : 'NotIn', values });
      }
      case '=':
      case '==':
      case '!=': {
        const value = this.exactValue();
        return failed(value) ? value : validated({ key, operator: op.kind === '!=' ? 'NotIn' : 'In', values: [value], equality: true });
      }
      case '>':
      case '<': {
        const value = this.exactValue();
        return failed(value) ? value : validated({ key, operator: op.kind === '>' ? 'Gt' : 'Lt', values: [value] });
      }
      default:
        // Upstream's text, including its missing quote before notin.
        return fail(`found '${op.text}', expected: '=', '!=', '==', 'in', notin'`);
    }
  }

  /** parseValues + parseIdentifiersList: `(a,b)`, with empty members meaning "". */
  private valueSet(): string[] | Failure {
    const open = this.next();
    if (open.kind !== '(') return fail(`found '${open.text}' expected: '('`);
    const first = this.peek();
    if (first.kind === ')') {
      this.next();
      return [''];
    }
    if (first.kind !== 'identifier' && first.kind !== ',') return fail(`found '${first.text}', expected: ',', ')' or identifier`);
    const values = new Set<string>();
    for (;;) {
      const t = this.next();
      if (t.kind === 'identifier') {
        values.add(t.text);
        const after = this.peek();
        if (after.kind === ')') break;
        if (after.kind !== ',') return fail(`found '${after.text}', expected: ',' or ')'`);
      } else if (t.kind === ',') {
        if (values.size === 0) values.add('');
        const after = this.peek();
        if (after.kind === ')') {
          values.add('');
          break;
        }
        if (after.kind === ',') {
          this.next();
          values.add('');
        }
      } else {
        return fail(`found '${t.text}', expected: ',', or identifier`);
      }
    }
    this.next();
    return sortedValues([...values]);
  }

  /** parseExactValue: a missing value is the empty string. */
  private exactValue(): string | Failure {
    const t = this.peek();
    if (t.kind === 'end' || t.kind === ',') return '';
    this.next();
    if (t.kind !== 'identifier') return fail(`found '${t.text}', expected: identifier`);
    return t.text;
  }
}

/** NewRequirement's verdict: its errors aggregated as utilerrors.NewAggregate prints them. */
function validated(r: Requirement): Requirement | Failure {
  const unique = [...new Set(requirementErrors(r).map((e) => renderFieldError(e)))];
  if (unique.length === 1) return fail(unique[0]);
  if (unique.length > 1) return fail(`[${unique.join(', ')}]`);
  return r;
}

/** labels.Parse: kubectl's `-l` syntax. Errors carry upstream's text (kubectl prefixes `error: `). */
export function parseSelector(text: string): { selector: Selector } | { error: string } {
  const result = new Parser(tokenize(text)).parse();
  if (failed(result)) return result;
  return { selector: { requirements: result.sort(byKey) } };
}

// --- matching ------------------------------------------------------------------

/** Requirement.Matches; NotIn (and `!=`) also match objects without the key. */
function requirementMatches(r: Requirement, labels: Record<string, string> | undefined): boolean {
  const has = labels !== undefined && Object.hasOwn(labels, r.key);
  switch (r.operator) {
    case 'In':
      return has && r.values.includes(labels[r.key]);
    case 'NotIn':
      return !has || !r.values.includes(labels[r.key]);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      if (!has || r.values.length !== 1) return false;
      const actual = parseInt64(labels[r.key]);
      const bound = parseInt64(r.values[0]);
      if (actual === undefined || bound === undefined) return false;
      return r.operator === 'Gt' ? actual > bound : actual < bound;
    }
  }
}

export function matches(sel: Selector, labels: Record<string, string> | undefined): boolean {
  if (sel.nothing) return false;
  for (const r of sel.requirements) if (!requirementMatches(r, labels)) return false;
  return true;
}

/** Selector.String(): `app=kubia,env in (dev,prod),!gpu`; empty for everything and for nothing. */
export function formatSelector(sel: Selector): string {
  if (sel.nothing) return '';
  return sel.requirements.map(formatRequirement).join(',');
}

function formatRequirement(r: Requirement): string {
  const values = r.values.join(',');
  switch (r.operator) {
    case 'In':
      return r.equality ? `${r.key}=${values}` : `${r.key} in (${values})`;
    case 'NotIn':
      return r.equality ? `${r.key}!=${values}` : `${r.key} notin (${values})`;
    case 'Exists':
      return r.key;
    case 'DoesNotExist':
      return `!${r.key}`;
    case 'Gt':
      return `${r.key}>${values}`;
    case 'Lt':
      return `${r.key}<${values}`;
  }
}

// --- overlap ---------------------------------------------------------------------

/**
 * Whether some label set matches both selectors, i.e. two controllers could
 * fight over the same pods. Keys are independent, so each key's combined
 * requirements must be satisfiable on their own.
 */
export function selectorsOverlap(a: Selector, b: Selector): boolean {
  if (a.nothing || b.nothing) return false;
  const perKey = new Map<string, Requirement[]>();
  for (const r of [...a.requirements, ...b.requirements]) {
    const list = perKey.get(r.key);
    if (list) list.push(r);
    else perKey.set(r.key, [r]);
  }
  for (const reqs of perKey.values()) if (!satisfiable(reqs)) return false;
  return true;
}

function satisfiable(reqs: readonly Requirement[]): boolean {
  // An absent key satisfies exactly NotIn and DoesNotExist.
  if (reqs.every((r) => r.operator === 'NotIn' || r.operator === 'DoesNotExist')) return true;
  if (reqs.some((r) => r.operator === 'DoesNotExist')) return false;
  const excluded = new Set(reqs.filter((r) => r.operator === 'NotIn').flatMap((r) => r.values));
  let low: bigint | undefined;
  let high: bigint | undefined;
  let candidates: string[] | undefined;
  for (const r of reqs) {
    if (r.operator === 'In') candidates = candidates ? candidates.filter((v) => r.values.includes(v)) : [...r.values];
    if (r.operator === 'Gt' || r.operator === 'Lt') {
      const bound = parseInt64(r.values[0] ?? '');
      if (bound === undefined) return false;
      if (r.operator === 'Gt') low = low === undefined || bound > low ? bound : low;
      else high = high === undefined || bound < high ? bound : high;
    }
  }
  const bounded = low !== undefined || high !== undefined;
  const inBounds = (n: bigint) => (low === undefined || n > low) && (high === undefined || n < high);
  if (candidates) {
    return candidates.some((v) => {
      if (excluded.has(v)) return false;
      if (!bounded) return true;
      const n = parseInt64(v);
      return n !== undefined && inBounds(n);
    });
  }
  // Unbounded: infinitely many values, finitely many excluded.
  if (!bounded) return true;
  // Label values cannot start with '-', so only n >= 0 qualifies; zero-padded
  // spellings ("07") escape any finite NotIn list.
  const from = low === undefined || low < 0n ? 0n : low + 1n;
  const to = high === undefined ? INT64_MAX : high - 1n;
  return from <= to;
}
