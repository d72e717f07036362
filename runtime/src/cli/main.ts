// The `kubelab` command: one table from sub-command name to handler. `validate`
// lives here; the simulated-cluster commands come from cluster.ts. Exceptions are
// bugs: they are reported in one line (exit 3), never as a stack trace.
import { clusterCommands } from './cluster';
import { processIO, type CliIO } from './io';
import { runValidate } from './validate';

export type Command = (argv: string[], io: CliIO) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  validate: runValidate,
  ...clusterCommands,
};

const INTERNAL_ERROR_EXIT = 3;

function usage(): string {
  return `Usage: kubelab <command> [arguments]\n\nCommands:\n${Object.keys(COMMANDS)
    .map((c) => `  ${c}`)
    .join('\n')}\n\nRun 'kubelab <command> --help' for a command's options.\n`;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(usage());
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(`error: unknown command "${name}" for "kubelab"\n\n${usage()}`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    io.stderr(`kubelab: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return INTERNAL_ERROR_EXIT;
  }
}

// Run only as the program (dist/cli.js), not when a test imports this module.
if (typeof require !== 'undefined' && require.main === module) {
  main(process.argv.slice(2), processIO()).then((code) => {
    process.exitCode = code;
  });
}
