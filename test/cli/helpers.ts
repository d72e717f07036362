// Shared by the CLI tests: run `kubelab …` in-process against a scratch directory.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../runtime/src/cli/main';
import { memoryIO } from '../../runtime/src/cli/io';
import type { ReportedFinding } from '../../runtime/src/cli/report';

export function scratch(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-cli-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

export async function kubelab(cwd: string, argv: string[], stdin = '') {
  const io = memoryIO(cwd, stdin);
  const code = await main(argv, io);
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}

export async function validateJson(cwd: string, ...paths: string[]) {
  const r = await kubelab(cwd, ['validate', '--format', 'json', ...paths]);
  return { ...r, findings: JSON.parse(r.stdout) as ReportedFinding[] };
}
