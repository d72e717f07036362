// The terminal as a parameter: commands write through a CliIO, so tests run them
// in-process with captured output and the real process wiring lives in one place.
import { MAX_INPUT_BYTES } from '../text/input';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** The whole of standard input as text. */
  stdin: () => Promise<string>;
  /** Directory that relative paths are resolved against and reported relative to. */
  cwd: string;
}

export function processIO(): CliIO {
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    stdin: readStdin,
    cwd: process.cwd(),
  };
}

/**
 * Reading stops once the input is past the size cap (`yes | kubelab validate -`
 * would otherwise fill memory); what was read is still over the cap, so the
 * validator refuses it as too large.
 */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(bytes);
    total += bytes.byteLength;
    if (total > MAX_INPUT_BYTES) break;
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** An in-memory terminal for tests and embedding: what was written, and a fixed stdin. */
export function memoryIO(cwd: string, stdinText = ''): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (s) => void out.push(s),
    stderr: (s) => void err.push(s),
    stdin: async () => stdinText,
    cwd,
  };
}
