// A reading (never an execution) of the commands seed manifests use:
// `sleep N`, `exit N`, `true`, `false`, `echo …`, and `sh -c "<script>"`
// made of those, joined by `;`, `&&`, `||` or newlines. Loops (`while true`),
// `sleep infinity` and `tail -f` run forever. Anything else is taken to
// succeed instantly, so an unknown step never changes the outcome.

import type { TimedLog } from './types';

export interface CommandReading {
  /** undefined = runs until killed. */
  exit?: { afterSeconds: number; code: number };
  logs: TimedLog[];
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash']);
const FOREVER = /^(while\s+(true|:)\b|sleep\s+inf(inity)?\b|tail\s+-f\b)/;

/** Whole argv (command + args). */
export function readCommand(argv: readonly string[]): CommandReading {
  const program = argv[0]?.split('/').pop() ?? '';
  if (SHELLS.has(program)) {
    const c = argv.indexOf('-c');
    // A shell without -c and no terminal reads EOF and exits 0.
    return c >= 0 && argv[c + 1] !== undefined ? readScript(argv[c + 1]) : { exit: { afterSeconds: 0, code: 0 }, logs: [] };
  }
  return readScript(argv.map(quoteIfNeeded).join(' '));
}

function quoteIfNeeded(arg: string): string {
  return /[\s;&|]/.test(arg) ? `'${arg.replace(/'/g, `'\\''`)}'` : arg;
}

interface Step {
  text: string;
  /** The operator joining this step to the previous one. */
  join: ';' | '&&' | '||';
}

/** Splits on `;`, newlines, `&&` and `||` outside quotes. */
function splitSteps(script: string): Step[] {
  const steps: Step[] = [];
  let cur = '';
  let quote: string | undefined;
  let join: Step['join'] = ';';
  const flush = (next: Step['join']) => {
    if (cur.trim()) steps.push({ text: cur.trim(), join });
    cur = '';
    join = next;
  };
  for (let i = 0; i < script.length; i++) {
    const ch = script[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      cur += ch;
    } else if (ch === ';' || ch === '\n') flush(';');
    else if ((ch === '&' || ch === '|') && script[i + 1] === ch) {
      flush(ch === '&' ? '&&' : '||');
      i++;
    } else cur += ch;
  }
  flush(';');
  return steps;
}

function unquote(s: string): string {
  return s.replace(/'([^']*)'|"([^"]*)"/g, (_, a, b) => a ?? b);
}

/** `sleep 5`, `sleep 1.5`, `sleep 2m` (busybox accepts s/m/h/d suffixes). */
function sleepSeconds(arg: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2]] ?? 1;
  return Number(m[1]) * unit;
}

function readScript(script: string): CommandReading {
  const logs: TimedLog[] = [];
  let t = 0;
  let status = 0;
  for (const step of splitSteps(script)) {
    if ((step.join === '&&' && status !== 0) || (step.join === '||' && status === 0)) continue;
    if (FOREVER.test(step.text)) return { logs };
    const [word, ...rest] = step.text.split(/\s+/);
    switch (word) {
      case 'sleep':
        t += sleepSeconds(rest[0] ?? '') ?? 0;
        status = 0;
        break;
      case 'echo':
        logs.push({ atSeconds: t, text: unquote(rest.join(' ')) });
        status = 0;
        break;
      case 'exit':
        // `exit` alone keeps the last status; codes wrap at 256 as in any shell.
        return { exit: { afterSeconds: t, code: rest[0] === undefined ? status : Number.parseInt(rest[0], 10) & 255 }, logs };
      case 'false':
        status = 1;
        break;
      default:
        status = 0;
    }
  }
  return { exit: { afterSeconds: t, code: status }, logs };
}

const PROGRAMS = new Set([...SHELLS, 'sleep', 'echo', 'exit', 'true', 'false', 'tail']);

/** Whether argv starts with a program this reading understands (used when the image is unknown). */
export function isReadableProgram(argv: readonly string[]): boolean {
  return PROGRAMS.has(argv[0]?.split('/').pop() ?? '');
}
