// Command-line parsing in the way kubectl users expect from cobra/pflag: options
// anywhere among the arguments, `--name value`, `--name=value`, short aliases as
// `-n ns`, `-nns` or `-n=ns`, clustered short booleans (`-ab`), `--` ends options
// and a lone `-` is an argument (stdin). Problems are returned, never thrown.

export type FlagType = 'string' | 'boolean' | 'string[]';

export interface FlagSpec {
  /** One-letter short form, without the dash. */
  alias?: string;
  type: FlagType;
}

export interface ArgsSpec {
  flags: Record<string, FlagSpec>;
}

export type FlagValue = string | boolean | string[];

export interface ParsedArgs {
  positional: string[];
  flags: Record<string, FlagValue>;
  errors: string[];
}

export function parseArgs(argv: string[], spec: ArgsSpec): ParsedArgs {
  const out: ParsedArgs = { positional: [], flags: {}, errors: [] };
  const byAlias = new Map<string, string>();
  for (const [name, f] of Object.entries(spec.flags)) if (f.alias) byAlias.set(f.alias, name);

  const set = (name: string, value: string | boolean) => {
    const type = spec.flags[name].type;
    if (type === 'string[]') out.flags[name] = [...((out.flags[name] as string[] | undefined) ?? []), String(value)];
    else out.flags[name] = value;
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      out.positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      const inline = eq < 0 ? undefined : arg.slice(eq + 1);
      const f = spec.flags[name];
      if (!f) {
        out.errors.push(`unknown flag: --${name}`);
      } else if (f.type === 'boolean') {
        const b = inline === undefined ? true : parseBoolean(inline);
        if (b === undefined) out.errors.push(`invalid argument "${inline}" for "--${name}" flag: expected true or false`);
        else set(name, b);
      } else if (inline !== undefined) {
        set(name, inline);
      } else if (i + 1 < argv.length) {
        set(name, argv[++i]);
      } else {
        out.errors.push(`flag needs an argument: --${name}`);
      }
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      i = parseShort(argv, i, spec, byAlias, set, out.errors);
      continue;
    }
    out.positional.push(arg);
  }
  return out;
}

/** `-abc`, `-nvalue`, `-n value`, `-n=value`; returns the index of the last argv entry consumed. */
function parseShort(
  argv: string[],
  i: number,
  spec: ArgsSpec,
  byAlias: Map<string, string>,
  set: (name: string, value: string | boolean) => void,
  errors: string[],
): number {
  const arg = argv[i];
  for (let j = 1; j < arg.length; j++) {
    const letter = arg[j];
    const name = byAlias.get(letter);
    if (!name) {
      errors.push(`unknown shorthand flag: '${letter}' in ${arg}`);
      return i;
    }
    if (spec.flags[name].type === 'boolean') {
      set(name, true);
      continue;
    }
    const rest = arg.slice(j + 1);
    if (rest.length > 0) {
      set(name, rest.startsWith('=') ? rest.slice(1) : rest);
      return i;
    }
    if (i + 1 < argv.length) {
      set(name, argv[i + 1]);
      return i + 1;
    }
    errors.push(`flag needs an argument: '${letter}' in -${letter}`);
    return i;
  }
  return i;
}

function parseBoolean(s: string): boolean | undefined {
  if (/^(true|t|1)$/i.test(s)) return true;
  if (/^(false|f|0)$/i.test(s)) return false;
  return undefined;
}
