// CronJob schedules as the API server and the CronJob controller read them:
// robfig/cron v3 ParseStandard (parser.go) for validation, with its exact
// error texts (validation-rules §10), k8s validateTimeZone, and the next run
// time computed with croner in UTC or the IANA zone.

import { Cron } from 'croner';

// --- Go text helpers ------------------------------------------------------------

/** strconv.Quote for the characters a whitespace-split cron field can hold. */
function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\\u00([0-9a-f]{2})/g, '\\x$1');
}

/** package time's quote(): non-ASCII and control bytes as \xNN. */
function timeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || code >= 0x80) for (const b of Buffer.from(ch, 'utf8')) out += `\\x${b.toString(16).padStart(2, '0')}`;
    else out += ch === '"' || ch === '\\' ? `\\${ch}` : ch;
  }
  return out + '"';
}

type Result<T> = { ok: T } | { error: string };

const INT64_MAX = 2n ** 63n - 1n;

/** strconv.Atoi on a 64-bit platform. */
function atoi(s: string): Result<bigint> {
  if (!/^[+-]?[0-9]+$/.test(s)) return { error: `strconv.Atoi: parsing ${goQuote(s)}: invalid syntax` };
  const n = BigInt(s);
  if (n > INT64_MAX || n < -INT64_MAX - 1n) return { error: `strconv.Atoi: parsing ${goQuote(s)}: value out of range` };
  return { ok: n };
}

const DURATION_UNITS: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1000n,
  'µs': 1000n,
  'μs': 1000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

/** time.ParseDuration, in nanoseconds: `[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+`. */
function parseDuration(orig: string): Result<bigint> {
  const invalid = { error: `time: invalid duration ${timeQuote(orig)}` };
  let s = orig;
  let negative = false;
  if (s[0] === '-' || s[0] === '+') {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return { ok: 0n };
  if (s === '') return invalid;
  let total = 0n;
  while (s !== '') {
    const m = /^([0-9]*)(?:\.([0-9]*))?/.exec(s)!;
    const [whole, intPart, fracPart] = m;
    if (intPart === '' && !fracPart) return invalid;
    s = s.slice(whole.length);
    const unitLength = s.search(/[0-9.]/);
    const unit = unitLength === -1 ? s : s.slice(0, unitLength);
    if (unit === '') return { error: `time: missing unit in duration ${timeQuote(orig)}` };
    s = s.slice(unit.length);
    if (!Object.hasOwn(DURATION_UNITS, unit)) return { error: `time: unknown unit ${timeQuote(unit)} in duration ${timeQuote(orig)}` };
    const scale = DURATION_UNITS[unit];
    let v = BigInt(intPart || '0') * scale;
    if (fracPart) v += BigInt(Math.trunc(Number(`0.${fracPart}`) * Number(scale)));
    total += v;
    if (total > 2n ** 63n) return invalid;
  }
  if (!negative && total > INT64_MAX) return invalid;
  return { ok: negative ? -total : total };
}

// --- robfig/cron v3 parser ------------------------------------------------------

interface Bounds {
  min: bigint;
  max: bigint;
  names?: Readonly<Record<string, number>>;
}

const MONTH_NAMES = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DAY_NAMES = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

// ParseStandard's fields, in order: minute, hour, day of month, month, day of week.
const FIELD_BOUNDS: readonly Bounds[] = [
  { min: 0n, max: 59n },
  { min: 0n, max: 23n },
  { min: 1n, max: 31n },
  { min: 1n, max: 12n, names: MONTH_NAMES },
  { min: 0n, max: 6n, names: DAY_NAMES },
];

/** The values a field allows; `star` is robfig's starBit (`*` or `?` with step 1). */
interface Field {
  values: number[];
  star: boolean;
}

type Schedule =
  | { kind: 'spec'; fields: Field[]; zone: string }
  | { kind: 'every'; delayMs: number };

const DESCRIPTORS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

function mustParseInt(expr: string): Result<bigint> {
  const n = atoi(expr);
  if ('error' in n) return { error: `failed to parse int from ${expr}: ${n.error}` };
  if (n.ok < 0n) return { error: `negative number (${n.ok}) not allowed: ${expr}` };
  return n;
}

function parseIntOrName(expr: string, names: Bounds['names']): Result<bigint> {
  const lower = expr.toLowerCase();
  if (names && Object.hasOwn(names, lower)) return { ok: BigInt(names[lower]) };
  return mustParseInt(expr);
}

/** getRange: `*`, `?`, `a`, `a-b`, each optionally `/step`; `a/step` means `a-max/step`. */
function getRange(expr: string, r: Bounds): Result<Field> {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  let start: bigint;
  let end: bigint;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = r.min;
    end = r.max;
    star = true;
  } else {
    const low = parseIntOrName(lowAndHigh[0], r.names);
    if ('error' in low) return low;
    start = end = low.ok;
    if (lowAndHigh.length === 2) {
      const high = parseIntOrName(lowAndHigh[1], r.names);
      if ('error' in high) return high;
      end = high.ok;
    } else if (lowAndHigh.length > 2) {
      return { error: `too many hyphens: ${expr}` };
    }
  }
  let step = 1n;
  if (rangeAndStep.length === 2) {
    const parsed = mustParseInt(rangeAndStep[1]);
    if ('error' in parsed) return parsed;
    step = parsed.ok;
    if (lowAndHigh.length === 1) end = r.max;
    if (step > 1n) star = false;
  } else if (rangeAndStep.length > 2) {
    return { error: `too many slashes: ${expr}` };
  }
  if (start < r.min) return { error: `beginning of range (${start}) below minimum (${r.min}): ${expr}` };
  if (end > r.max) return { error: `end of range (${end}) above maximum (${r.max}): ${expr}` };
  if (start > end) return { error: `beginning of range (${start}) beyond end of range (${end}): ${expr}` };
  if (step === 0n) return { error: `step of range should be a positive number: ${expr}` };
  const values: number[] = [];
  for (let v = start; v <= end; v += step) values.push(Number(v));
  return { ok: { values, star } };
}

/** getField: comma-separated ranges (empty pieces are dropped, as strings.FieldsFunc does). */
function getField(field: string, r: Bounds): Result<Field> {
  const values = new Set<number>();
  let star = false;
  for (const expr of field.split(',').filter((p) => p !== '')) {
    const range = getRange(expr, r);
    if ('error' in range) return range;
    range.ok.values.forEach((v) => values.add(v));
    star ||= range.ok.star;
  }
  return { ok: { values: [...values].sort((a, b) => a - b), star } };
}

/** Parser.Parse with ParseStandard's options (five fields, descriptors, optional TZ= prefix). */
function parseSchedule(input: string): Result<Schedule> {
  if (input.length === 0) return { error: 'empty spec string' };
  let spec = input;
  let zone = 'UTC';
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const space = spec.indexOf(' ');
    // Go slices spec[eq+1:-1] here and panics; the API server reports the panic.
    if (space === -1) return { error: 'invalid schedule format: runtime error: slice bounds out of range [:-1]' };
    const name = spec.slice(spec.indexOf('=') + 1, space);
    const loc = loadLocation(name);
    if ('error' in loc) return { error: `provided bad location ${name}: ${loc.error}` };
    zone = loc.ok;
    spec = spec.slice(space).trim();
  }
  if (spec.startsWith('@')) return parseDescriptor(spec, zone);
  const parts = spec.split(/\s+/).filter((p) => p !== '');
  if (parts.length !== FIELD_BOUNDS.length)
    return { error: `expected exactly ${FIELD_BOUNDS.length} fields, found ${parts.length}: [${parts.join(' ')}]` };
  const fields: Field[] = [];
  for (const [i, part] of parts.entries()) {
    const f = getField(part, FIELD_BOUNDS[i]);
    if ('error' in f) return f;
    fields.push(f.ok);
  }
  return { ok: { kind: 'spec', fields, zone } };
}

const EVERY = '@every ';

function parseDescriptor(descriptor: string, zone: string): Result<Schedule> {
  if (Object.hasOwn(DESCRIPTORS, descriptor)) return parseSchedule(`TZ=${zone} ${DESCRIPTORS[descriptor]}`);
  if (descriptor.startsWith(EVERY)) {
    const d = parseDuration(descriptor.slice(EVERY.length));
    if ('error' in d) return { error: `failed to parse duration ${descriptor}: ${d.error}` };
    // cron.Every: at least one second, truncated to whole seconds.
    const seconds = d.ok < 1_000_000_000n ? 1n : d.ok / 1_000_000_000n;
    return { ok: { kind: 'every', delayMs: Number(seconds) * 1000 } };
  }
  return { error: `unrecognized descriptor: ${descriptor}` };
}

// --- time zones -------------------------------------------------------------------

const IANA_ZONES = new Set(Intl.supportedValuesOf('timeZone'));
const IANA_ZONES_LOWER = new Map([...IANA_ZONES].map((z) => [z.toLowerCase(), z]));

/**
 * Whether Go's tzdata (case-sensitive file names) knows the zone. ICU knows the
 * same names, links included, but matches case-insensitively, so a name that
 * differs only in case from a canonical zone, or a part not starting with an
 * upper-case letter, is not one Go would load.
 */
function isKnownZone(name: string): boolean {
  if (IANA_ZONES.has(name)) return true;
  const canonical = IANA_ZONES_LOWER.get(name.toLowerCase());
  if (canonical !== undefined && canonical !== name) return false;
  if (!/^[A-Za-z0-9._+\-/]+$/.test(name) || !name.split('/').every((p) => /^[A-Z]/.test(p))) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * time.LoadLocation, returning the zone to compute in. `Local` is the
 * controller manager's zone, which the simulator takes as UTC (runtime-semantics §5).
 */
function loadLocation(name: string): Result<string> {
  if (name === '' || name === 'UTC' || name === 'Local') return { ok: 'UTC' };
  if (name.includes('..') || name.startsWith('/') || name.startsWith('\\')) return { error: 'time: invalid location name' };
  return isKnownZone(name) ? { ok: name } : { error: `unknown time zone ${name}` };
}

// --- public API -------------------------------------------------------------------

/** The detail of Invalid `spec.schedule` when robfig's ParseStandard rejects the schedule; undefined = valid. */
export function validateSchedule(schedule: string): string | undefined {
  const parsed = parseSchedule(schedule);
  return 'error' in parsed ? parsed.error : undefined;
}

export const SCHEDULE_TZ_MESSAGE = 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead';

/**
 * validateScheduleFormat's second, independent check on create: any `TZ` in the
 * schedule is rejected, in addition to (not instead of) a parse error, so both
 * can be reported for one schedule.
 */
export function scheduleTimeZoneError(schedule: string): string | undefined {
  return schedule.includes('TZ') ? SCHEDULE_TZ_MESSAGE : undefined;
}

const VALID_ZONE_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

/**
 * Every detail k8s validateTimeZone raises for a set timeZone, in order
 * (`local` gets two: it is not explicit, and Go cannot load it).
 */
export function timeZoneErrors(tz: string): string[] {
  if (tz.length === 0) return ['timeZone must be nil or non-empty string'];
  const badPart = tz.split('/').some((p) => p === '.' || p === '..' || p.startsWith('-') || !VALID_ZONE_PART.test(p));
  if (badPart) return [`unknown time zone ${tz}`];
  const errs: string[] = [];
  if (tz.toLowerCase() === 'local') errs.push('timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones');
  const loc = loadLocation(tz);
  if ('error' in loc) errs.push(loc.error);
  return errs;
}

/** The first of timeZoneErrors; undefined = valid. */
export function validateTimeZone(tz: string): string | undefined {
  return timeZoneErrors(tz)[0];
}

// robfig's Next gives up when no time matches within five years.
const YEAR_LIMIT = 5;

/**
 * The first scheduled time strictly after `afterMs`, as the CronJob controller
 * computes it (formatSchedule + Schedule.Next): `timeZone` prefixes the schedule
 * as `TZ=<zone>` unless the schedule names a zone itself; an unknown zone means
 * no runs. `@every d` counts from `afterMs` truncated to the second (robfig's
 * ConstantDelaySchedule), so callers pass the last schedule time, or the
 * creation time before the first run. Day of month and day of week are ORed
 * when both are restricted and ANDed when either is `*` (robfig dayMatches),
 * which croner's legacyMode matches given explicit lists for non-star fields.
 */
export function nextScheduleAfter(schedule: string, timeZone: string | undefined, afterMs: number): number | undefined {
  let spec = schedule;
  if (!schedule.includes('TZ') && timeZone !== undefined) {
    if ('error' in loadLocation(timeZone)) return undefined;
    spec = `TZ=${timeZone} ${schedule}`;
  }
  const parsed = parseSchedule(spec);
  if ('error' in parsed) return undefined;
  const s = parsed.ok;
  if (s.kind === 'every') return Math.floor(afterMs / 1000) * 1000 + s.delayMs;
  if (s.fields.some((f) => f.values.length === 0)) return undefined;
  const pattern = ['0', ...s.fields.map((f) => (f.star ? '*' : f.values.join(',')))].join(' ');
  const after = new Date(afterMs);
  const stopAt = new Date(after);
  stopAt.setUTCFullYear(after.getUTCFullYear() + YEAR_LIMIT + 1, 0, 1);
  const next = new Cron(pattern, { timezone: s.zone, legacyMode: true, paused: true, stopAt }).nextRun(after);
  return next ? next.getTime() : undefined;
}
