// Benches measure the code as it ships: bundled by esbuild (like dist/), not
// through a loader that transforms each module (tsx adds a name-keeping call
// per function, which shows up in the profile of a hot path).
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Bundles `source` (TypeScript, resolved from the repository root) and returns
 * its exports. With BENCH_BUNDLE_DIR set the bundle is kept there, so a
 * `--cpu-prof` profile's line numbers can be read against it.
 */
export async function loadBundled(source) {
  const keep = process.env.BENCH_BUNDLE_DIR;
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'kubelab-bench-'));
  const out = join(dir, 'bench.cjs');
  try {
    await build({
      stdin: { contents: source, resolveDir: process.cwd(), loader: 'ts' },
      bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'error',
    });
    return createRequire(import.meta.url)(out);
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}
