// Bundles the three entry points with esbuild. Every dependency is bundled, so
// dist/ runs without node_modules (the packaged extension ships only dist/).
import { build } from 'esbuild';
import { chmodSync, existsSync } from 'node:fs';

const entries = [
  { in: 'runtime/src/cli/main.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node' },
  { in: 'server/src/main.ts', out: 'dist/server.js' },
  { in: 'client/src/extension.ts', out: 'dist/extension.js', external: ['vscode'] },
];

const watch = process.argv.includes('--watch');
for (const e of entries) {
  if (!existsSync(e.in)) continue;
  await build({
    entryPoints: [e.in],
    outfile: e.out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    external: e.external ?? [],
    banner: e.banner ? { js: e.banner } : undefined,
    logLevel: 'warning',
    minify: false,
  });
  if (e.banner) chmodSync(e.out, 0o755);
}
if (!watch) console.log(`built ${entries.filter((e) => existsSync(e.in)).map((e) => e.out).join(', ')}`);
