// Kubernetes resource quantities (apimachinery pkg/api/resource/quantity.go):
// parsing as ParseQuantity does, the canonical text String() prints, and
// exact comparison. Values are held internally as a BigInt count of
// nano-units, the finest precision a Quantity keeps.

/** The text of apimachinery's ErrFormatWrong; decode reports it for malformed quantities. */
export const QUANTITY_PATTERN = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';

export interface Quantity {
  /** In base units (cores, bytes); a float, so exact only up to 2^53. */
  value: number;
  /** What String() prints: the input when it was already canonical, else the canonical form. */
  text: string;
}

type Format = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

interface Exact {
  nanos: bigint;
  format: Format;
}

const NANO = 1_000_000_000n;
const MILLI_IN_NANOS = 1_000_000n;
// Quantities are capped at the largest int64 in base units (maxAllowed).
const MAX_NANOS = (2n ** 63n - 1n) * NANO;

const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_BY_EXPONENT = new Map(Object.entries(DECIMAL_SUFFIXES).map(([s, e]) => [e, s]));
const BINARY_BY_EXPONENT = new Map(Object.entries(BINARY_SUFFIXES).map(([s, e]) => [e, s]));
const SUFFIX_CHARS = 'eEinumkKMGTP';

interface Pieces {
  negative: boolean;
  /** Integer digits without leading zeros ("0" when none). */
  num: string;
  /** Fraction digits. */
  denom: string;
  suffix: string;
}

/** parseQuantityString: sign, digits, optional fraction, suffix letters, optional signed digits. */
function splitQuantity(s: string): Pieces | undefined {
  let pos = 0;
  let negative = false;
  if (s[0] === '-' || s[0] === '+') {
    negative = s[0] === '-';
    pos = 1;
  }
  while (s[pos] === '0') pos++;
  if (pos >= s.length) return { negative, num: '0', denom: '', suffix: '' };
  const numStart = pos;
  while (isDigit(s[pos])) pos++;
  const num = s.slice(numStart, pos) || '0';
  let denom = '';
  if (s[pos] === '.') {
    const start = ++pos;
    while (isDigit(s[pos])) pos++;
    denom = s.slice(start, pos);
  }
  const suffixStart = pos;
  while (pos < s.length && SUFFIX_CHARS.includes(s[pos])) pos++;
  if (s[pos] === '-' || s[pos] === '+') pos++;
  while (isDigit(s[pos])) pos++;
  if (pos < s.length) return undefined;
  return { negative, num, denom, suffix: s.slice(suffixStart) };
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** quantitySuffixer.interpret: base and exponent of a suffix, or undefined for ErrSuffix. */
function interpretSuffix(suffix: string): { base: 10 | 2; exponent: number; format: Format } | undefined {
  if (suffix in DECIMAL_SUFFIXES) return { base: 10, exponent: DECIMAL_SUFFIXES[suffix], format: 'DecimalSI' };
  if (suffix in BINARY_SUFFIXES) return { base: 2, exponent: BINARY_SUFFIXES[suffix], format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?[0-9]+$/.test(suffix.slice(1))) {
    const exponent = Number(suffix.slice(1));
    // strconv.ParseInt(..., 10, 32) rejects exponents beyond int32.
    if (Math.abs(exponent) > 2 ** 31 - 1) return undefined;
    return { base: 10, exponent, format: 'DecimalExponent' };
  }
  return undefined;
}

function parseExact(text: string): { exact: Exact; keepsText: boolean } | undefined {
  if (text.length === 0) return undefined;
  const pieces = splitQuantity(text);
  if (!pieces) return undefined;
  const suffix = interpretSuffix(pieces.suffix);
  if (!suffix) return undefined;
  const fast = fastPath(pieces, suffix.base, suffix.exponent);
  const digits = BigInt(pieces.num + pieces.denom);
  let magnitude = scaleToNanos(digits, pieces.denom.length, suffix.base, suffix.exponent);
  // Only the inf.Dec slow path caps at maxAllowed; the int64 fast path keeps any scale.
  if (!fast && magnitude > MAX_NANOS) magnitude = MAX_NANOS;
  let format = suffix.format;
  // ParseQuantity: a binary quantity below one is shown in decimal.
  if (format === 'BinarySI' && magnitude < NANO && magnitude > 0n) format = 'DecimalSI';
  const exact = { nanos: pieces.negative ? -magnitude : magnitude, format };
  return { exact, keepsText: fast && keepsInputText(pieces, suffix.base, suffix.exponent) };
}

// Beyond this many decimal digits of nanos a value is only "enormous"; exact
// arithmetic on exponents up to int32 would be unbounded.
const HUGE_NANOS = 10n ** 60n;

/** digits × 10^-fractionDigits × base^exponent, in nanos, rounded up (away from zero) as ParseQuantity does. */
function scaleToNanos(digits: bigint, fractionDigits: number, base: 10 | 2, exponent: number): bigint {
  if (digits === 0n) return 0n;
  let pow10 = 9 - fractionDigits + (base === 10 ? exponent : 0);
  const pow2 = base === 2 ? exponent : 0;
  if (pow10 + String(digits).length > 60) return HUGE_NANOS;
  let value = digits * 2n ** BigInt(pow2);
  if (pow10 >= 0) return value * 10n ** BigInt(pow10);
  pow10 = -pow10;
  // Far below one nano: rounds up to exactly one.
  if (pow10 > String(value).length + 1) return 1n;
  const divisor = 10n ** BigInt(pow10);
  const whole = value / divisor;
  value = whole * divisor === value ? whole : whole + 1n;
  return value;
}

/** Whether ParseQuantity takes its int64 fast path (exact, uncapped, possibly keeping the input text). */
function fastPath(p: Pieces, base: 10 | 2, exponent: number): boolean {
  if (base === 2) {
    if (exponent < 0 || p.denom.length > 0) return false;
    const precision = 15 - p.num.length - Math.trunc((exponent * 3) / 10) - 1;
    return precision >= 0 && BigInt(p.num) * 2n ** BigInt(exponent) <= 2n ** 63n - 1n;
  }
  // At most 18 digits always fit an int64, so the multiplication cannot overflow.
  return p.num.length + p.denom.length <= 18 && exponent - p.denom.length >= -9;
}

/**
 * On the fast path ParseQuantity keeps the caller's string when it is already
 * canonical, and String() then prints it unchanged (so `+1k` stays `+1k`).
 */
function keepsInputText(p: Pieces, base: 10 | 2, exponent: number): boolean {
  const shifted = p.num + p.denom;
  if (base === 2) return exponent % 10 === 0 && (BigInt(shifted) & 7n) !== 0n;
  return (exponent - p.denom.length) % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
}

/** CanonicalizeBytes: the shortest exact form in the quantity's format family. */
function canonicalText(q: Exact): string {
  if (q.nanos === 0n) return '0';
  const negative = q.nanos < 0n;
  const magnitude = negative ? -q.nanos : q.nanos;
  const sign = negative ? '-' : '';
  if (q.format === 'BinarySI' && magnitude >= 1024n * NANO && magnitude % NANO === 0n) {
    let amount = magnitude / NANO;
    let exponent = 0;
    while (amount % 1024n === 0n && exponent < 60) {
      amount /= 1024n;
      exponent += 10;
    }
    return sign + String(amount) + BINARY_BY_EXPONENT.get(exponent);
  }
  let amount = magnitude;
  let exponent = -9;
  while (amount % 10n === 0n) {
    amount /= 10n;
    exponent++;
  }
  // The exponent is brought down to a multiple of three (AsCanonicalBytes).
  const extra = ((exponent % 3) + 3) % 3;
  amount *= 10n ** BigInt(extra);
  exponent -= extra;
  if (q.format === 'DecimalExponent') return sign + String(amount) + (exponent === 0 ? '' : `e${exponent}`);
  return sign + String(amount) + DECIMAL_BY_EXPONENT.get(exponent);
}

function toQuantity(exact: Exact, text: string): Quantity {
  const whole = exact.nanos / NANO;
  const frac = exact.nanos - whole * NANO;
  return { value: Number(whole) + Number(frac) / 1e9, text };
}

/**
 * ParseQuantity. Numbers are read through their decimal text and surrounding
 * whitespace is ignored, as Quantity's UnmarshalJSON does. Undefined = malformed
 * (the API server's "quantities must match the regular expression ..." decode error).
 */
export function parseQuantity(v: string | number): Quantity | undefined {
  const text = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : v.trim();
  const parsed = parseExact(text);
  if (!parsed) return undefined;
  return toQuantity(parsed.exact, parsed.keepsText ? text : canonicalText(parsed.exact));
}

/** The exact value of a quantity produced by parseQuantity (its text always re-parses). */
function exactOf(q: Quantity): Exact {
  const parsed = parseExact(q.text);
  if (parsed) return parsed.exact;
  return { nanos: Number.isFinite(q.value) ? BigInt(Math.round(q.value * 1e9)) : 0n, format: 'DecimalSI' };
}

/** Negative, zero or positive as a < b, a = b, a > b (Quantity.Cmp), exact at nano precision. */
export function compareQuantity(a: Quantity, b: Quantity): number {
  const x = exactOf(a).nanos;
  const y = exactOf(b).nanos;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * RoundUp(resource.Milli): core/v1 SetDefaults_ResourceList rounds every
 * requests/limits value up to milli precision (validation-rules §6: `0.0001` → `1m`).
 * Already-milli quantities keep their text, as RoundUp leaves them untouched.
 */
export function roundUpToMilli(q: Quantity): Quantity {
  const exact = exactOf(q);
  const rest = exact.nanos % MILLI_IN_NANOS;
  if (rest === 0n) return q;
  const step = exact.nanos > 0n ? MILLI_IN_NANOS - rest : -rest;
  const rounded = { nanos: exact.nanos + step, format: exact.format };
  return toQuantity(rounded, canonicalText(rounded));
}

/** MilliValue(): the value in thousandths, rounded up; upstream's "must be an integer" checks test it modulo 1000. */
export function milliValue(q: Quantity): number {
  const nanos = exactOf(q).nanos;
  const milli = nanos / MILLI_IN_NANOS;
  return Number(nanos > milli * MILLI_IN_NANOS ? milli + 1n : milli);
}
