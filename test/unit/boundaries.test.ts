// The architecture's import rules, checked rather than hoped for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

function sources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);

test('runtime imports neither vscode nor the language server', () => {
  for (const f of sources('runtime/src'))
    for (const spec of importsOf(f)) assert.ok(!/^vscode($|-languageserver|-languageclient)/.test(spec), `${f} imports ${spec}`);
});

test('server never imports vscode', () => {
  for (const f of sources('server/src')) for (const spec of importsOf(f)) assert.notEqual(spec, 'vscode', `${f} imports vscode`);
});

test('runtime never imports server or client code', () => {
  for (const f of sources('runtime/src'))
    for (const spec of importsOf(f)) assert.ok(!/(^|\/)(server|client)\/src/.test(spec), `${f} imports ${spec}`);
});
