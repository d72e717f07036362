// One cluster command's life: parse the line, lock and open the state
// directory (default `.kubelab/` in the working directory), run, commit what
// changed, unlock, and only then print — so every success line the user sees
// is durable, and two commands never interleave their writes.

import { isAbsolute, join } from 'node:path';
import { parseArgs, type ArgsSpec, type FlagSpec, type ParsedArgs } from '../args';
import type { CliIO } from '../io';
import { openCluster } from '../../cluster/persistence';
import { acquireLock } from '../../cluster/persistence/lock';
import type { Cluster } from '../../cluster/cluster';

const DEFAULT_STATE_DIR = '.kubelab';

/** Flags every cluster command accepts. */
const COMMON_FLAGS: Record<string, FlagSpec> = {
  state: { type: 'string' },
  seed: { type: 'string' },
  nodes: { type: 'string' },
  namespace: { alias: 'n', type: 'string' },
};

/** What a command produced; nothing reaches the terminal until the state is saved. */
class Output {
  readonly out: string[] = [];
  readonly err: string[] = [];
  /** Set by any command that wrote to the cluster. */
  changed = false;
  line(s: string) {
    this.out.push(s);
  }
  error(s: string) {
    this.err.push(s);
  }
  warn(s: string) {
    this.err.push(`Warning: ${s}`);
  }
}

export interface Session {
  cluster: Cluster;
  args: ParsedArgs;
  out: Output;
  io: CliIO;
  /** `-n`, else `default`. */
  namespace: string;
  flag(name: string): string | undefined;
  bool(name: string): boolean;
  list(name: string): string[];
}

export type CommandBody = (s: Session) => number | Promise<number>;

function stateDir(args: ParsedArgs, io: CliIO): string {
  const dir = typeof args.flags.state === 'string' ? args.flags.state : DEFAULT_STATE_DIR;
  return isAbsolute(dir) ? dir : join(io.cwd, dir);
}

/** Restore, run, commit: everything that needs the directory's lock. */
async function runLocked(dir: string, args: ParsedArgs, io: CliIO, body: CommandBody, out: Output): Promise<number> {
  const nodes = typeof args.flags.nodes === 'string' ? Number(args.flags.nodes) : undefined;
  const opened = openCluster(dir, { seed: args.flags.seed as string | undefined, nodes: Number.isInteger(nodes) ? nodes : undefined });
  if (!opened.ok) {
    out.error(`error: ${opened.message}`);
    return 1;
  }
  const { cluster, notes, save } = opened.value;
  for (const n of notes) out.warn(n);
  const session: Session = {
    cluster, args, out, io,
    namespace: typeof args.flags.namespace === 'string' ? args.flags.namespace : 'default',
    flag: (n) => (typeof args.flags[n] === 'string' ? (args.flags[n] as string) : undefined),
    bool: (n) => args.flags[n] === true,
    list: (n) => {
      const v = args.flags[n];
      return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
    },
  };
  try {
    const code = await body(session);
    cluster.tick();
    if (out.changed || notes.length > 0) save();
    return code;
  } finally {
    cluster.stop();
  }
}

export function clusterCommand(flags: ArgsSpec['flags'], body: CommandBody): (argv: string[], io: CliIO) => Promise<number> {
  return async (argv, io) => {
    const args = parseArgs(argv, { flags: { ...COMMON_FLAGS, ...flags } });
    if (args.errors.length) {
      io.stderr(`error: ${args.errors[0]}\n`);
      return 1;
    }
    const dir = stateDir(args, io);
    const lock = await acquireLock(dir);
    if (!lock.ok) {
      io.stderr(`error: ${lock.message}\n`);
      return 1;
    }
    const out = new Output();
    for (const n of lock.notes) out.warn(n);
    let code: number;
    try {
      code = await runLocked(dir, args, io, body, out);
    } finally {
      lock.release();
    }
    if (out.err.length) io.stderr(out.err.map((l) => l + '\n').join(''));
    if (out.out.length) io.stdout(out.out.map((l) => l + '\n').join(''));
    return code;
  };
}
