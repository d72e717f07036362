// String format checks of apimachinery's util/validation (validation-rules §3).
// Each returns the list of failure messages, empty when the value is valid,
// exactly as the Go functions do; callers wrap each message in field.Invalid.

const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN = `${DNS1123_LABEL}(\\.${DNS1123_LABEL})*`;
const DNS1035_LABEL = '[a-z]([-a-z0-9]*[a-z0-9])?';
const QUALIFIED_NAME = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QUALIFIED_NAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE = `(${QUALIFIED_NAME})?`;
const ENV_VAR_NAME = '[-._a-zA-Z][-._a-zA-Z0-9]*';
const CONFIG_KEY = '[-._a-zA-Z0-9]+';
const PERCENT = '[0-9]+%';
const HTTP_HEADER_NAME = '[-A-Za-z0-9]+';

const full = (re: string) => new RegExp(`^(?:${re})$`);
const reDNS1123Label = full(DNS1123_LABEL);
const reDNS1123Subdomain = full(DNS1123_SUBDOMAIN);
const reDNS1035Label = full(DNS1035_LABEL);
const reQualifiedName = full(QUALIFIED_NAME);
const reLabelValue = full(LABEL_VALUE);
const reEnvVarName = full(ENV_VAR_NAME);
const reConfigKey = full(CONFIG_KEY);
const rePercent = full(PERCENT);
const reHTTPHeaderName = full(HTTP_HEADER_NAME);

export const DNS1123_LABEL_MAX = 63;
export const DNS1123_SUBDOMAIN_MAX = 253;
export const DNS1035_LABEL_MAX = 63;
export const LABEL_VALUE_MAX = 63;
export const QUALIFIED_NAME_MAX = 63;

/** Upstream's RegexError: note the two spaces before each `or`. */
export function regexError(msg: string, re: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${re}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}'`).join(',  or ')}, regex used for validation is '${re}')`;
}

export function maxLenError(n: number): string {
  return `must be no more than ${n} characters`;
}

/** Length in bytes, as Go's len() counts a string. */
export function byteLength(s: string): number {
  // Names and labels are nearly always ASCII, where the length is the answer: scanning a short string costs less than the native call.
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return Buffer.byteLength(s, 'utf8');
  return s.length;
}

export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1123_LABEL_MAX) errs.push(maxLenError(DNS1123_LABEL_MAX));
  if (!reDNS1123Label.test(value)) {
    if (reDNS1123Subdomain.test(value)) errs.push('must not contain dots');
    else
      errs.push(
        regexError(
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
          DNS1123_LABEL,
          'my-name',
          '123-abc',
        ),
      );
  }
  return errs;
}

export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1123_SUBDOMAIN_MAX) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX));
  if (!reDNS1123Subdomain.test(value))
    errs.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
        DNS1123_SUBDOMAIN,
        'example.com',
      ),
    );
  return errs;
}

export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1035_LABEL_MAX) errs.push(maxLenError(DNS1035_LABEL_MAX));
  if (!reDNS1035Label.test(value))
    errs.push(
      regexError(
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
        DNS1035_LABEL,
        'my-name',
        'abc-123',
      ),
    );
  return errs;
}

/** IsQualifiedName: label keys, annotation keys, finalizers. */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0];
  } else if (parts.length === 2) {
    const [prefix, n] = parts;
    name = n;
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else for (const m of isDNS1123Subdomain(prefix)) errs.push(`prefix part ${m}`);
  } else {
    return [
      `a qualified name ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME, 'MyName', 'my.name', '123-abc')}` +
        " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (byteLength(name) > QUALIFIED_NAME_MAX) errs.push(`name part ${maxLenError(QUALIFIED_NAME_MAX)}`);
  if (name.length > 0 && !reQualifiedName.test(name))
    errs.push(
      `name part ${regexError(
        QUALIFIED_NAME_MSG,
        QUALIFIED_NAME,
        'MyName',
        'my.name',
        '123-abc',
      )}`,
    );
  return errs;
}

export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > LABEL_VALUE_MAX) errs.push(maxLenError(LABEL_VALUE_MAX));
  if (!reLabelValue.test(value))
    errs.push(
      regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        LABEL_VALUE,
        'MyValue',
        'my_value',
        '12345',
      ),
    );
  return errs;
}

/** IsValidPortName (IANA_SVC_NAME): every failing check is reported separately. */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (byteLength(port) > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

export function isValidPortNum(port: number): string[] {
  return port >= 1 && port <= 65535 ? [] : ['must be between 1 and 65535, inclusive'];
}

/**
 * Environment variable names. RelaxedEnvironmentVariableValidation is beta and on by
 * default in 1.32–1.33 (GA 1.34): any printable ASCII character except '='.
 */
export function isEnvVarName(value: string, minor = 33): string[] {
  if (minor >= 32) {
    return /^[\x20-\x3c\x3e-\x7e]+$/.test(value)
      ? []
      : ["a valid environment variable name must consist only of printable ASCII characters other than '='"];
  }
  const errs: string[] = [];
  if (!reEnvVarName.test(value))
    errs.push(
      regexError(
        "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
        ENV_VAR_NAME,
        'my.env-name',
        'MY_ENV.NAME',
        'MyEnvName1',
      ),
    );
  errs.push(...hasNoDotPrefix(value));
  return errs;
}

function hasNoDotPrefix(value: string): string[] {
  if (value === '.') return ["must not be '.'"];
  if (value === '..') return ["must not be '..'"];
  if (value.startsWith('..')) return ["must not start with '..'"];
  return [];
}

export function isConfigMapKey(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1123_SUBDOMAIN_MAX) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX));
  if (!reConfigKey.test(value))
    errs.push(
      regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", CONFIG_KEY, 'key.name', 'KEY_NAME', 'key-name'),
    );
  errs.push(...hasNoDotPrefix(value));
  return errs;
}

export function isValidPercent(value: string): string[] {
  return rePercent.test(value)
    ? []
    : [regexError("a valid percent string must be a numeric string followed by an ending '%'", PERCENT, '1%', '93%')];
}

export function isHTTPHeaderName(value: string): string[] {
  return reHTTPHeaderName.test(value)
    ? []
    : [regexError("a valid HTTP header must consist of alphanumeric characters or '-'", HTTP_HEADER_NAME, 'X-Header-Name')];
}

const reIPv4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** A parseable IPv4 or IPv6 address; messages of apimachinery IsValidIP. */
export function isValidIP(value: string): string[] {
  if (reIPv4.test(value) || isIPv6(value)) return [];
  return ['must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'];
}

export function isIPv4(value: string): boolean {
  return reIPv4.test(value);
}

export function isIPv6(value: string): boolean {
  if (!value.includes(':')) return false;
  let s = value;
  const lastColon = s.lastIndexOf(':');
  const tail = s.slice(lastColon + 1);
  let groupsNeeded = 8;
  if (tail.includes('.')) {
    if (!reIPv4.test(tail)) return false;
    s = s.slice(0, lastColon + 1) + '0:0';
    groupsNeeded = 8;
  }
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const hexOk = (g: string) => /^[0-9a-fA-F]{1,4}$/.test(g);
  if (halves.length === 2) {
    const a = groups(halves[0]);
    const b = groups(halves[1]);
    return a.every(hexOk) && b.every(hexOk) && a.length + b.length < groupsNeeded;
  }
  const all = groups(s);
  return all.length === groupsNeeded && all.every(hexOk);
}
