// Runs kubelab cluster commands in-process against a temporary state directory,
// capturing what kubectl users would see on stdout and stderr.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../runtime/src/cli/main';

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

export function workspace(files: Record<string, string> = {}) {
  const cwd = mkdtempSync(join(tmpdir(), 'kubelab-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(cwd, name), text);
  const run = async (line: string, stdin = ''): Promise<Ran> => {
    let stdout = '';
    let stderr = '';
    const code = await main(line.split(' ').filter(Boolean), {
      stdout: (s) => (stdout += s),
      stderr: (s) => (stderr += s),
      stdin: async () => stdin,
      cwd,
    });
    return { code, stdout, stderr };
  };
  return { cwd, run, write: (name: string, text: string) => writeFileSync(join(cwd, name), text) };
}
