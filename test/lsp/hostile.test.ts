import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { TestClient } from './harness';

let client: TestClient;
before(async () => {
  client = new TestClient();
  await client.initialize();
});
after(() => client.shutdown());

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27\n';

/** The server still answers: a small valid document gets its diagnostics. */
async function stillServing(tag: string) {
  const uri = `untitled:alive-${tag}.yaml`;
  await client.open(uri, POD);
  const diags = await client.diagnosticsFor(uri);
  assert.ok(diags.every((d) => d.severity !== 1));
  assert.ok(client.alive);
}

test('a 50 MB file is skipped without stalling the server', async () => {
  const uri = 'untitled:huge.yaml';
  const text = POD + '# padding\n'.repeat(5 * 1024 * 1024);
  await client.open(uri, text);
  assert.deepEqual(await client.diagnosticsFor(uri), []);
  assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 4, character: 1 } }), null);
  await stillServing('huge');
});

test('an alias bomb neither hangs nor crashes the server', async () => {
  const uri = 'untitled:bomb.yaml';
  const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
  await client.open(uri, `apiVersion: v1\nkind: Pod\n${levels.join('\n')}\n`);
  const diags = await client.diagnosticsFor(uri);
  // Either the alias limit stops it or the expanded keys are unknown Pod fields; never a hang.
  assert.ok(diags.length > 0 && diags.every((d) => String(d.code).startsWith('yaml-') || d.code === 'unknown-field'), diags.map((d) => d.code).join());
  await stillServing('bomb');
});

test('10,000-deep nesting is reported, not a crash', async () => {
  const uri = 'untitled:deep.yaml';
  await client.open(uri, `apiVersion: v1\nkind: Pod\nspec: ${'['.repeat(10000)}${']'.repeat(10000)}\n`);
  const diags = await client.diagnosticsFor(uri);
  assert.equal(diags.length, 1);
  assert.match(String(diags[0].code), /^yaml-/);
  await stillServing('deep');
});

test('a file rewritten 1,000 times a second ends with the last version published', async () => {
  const uri = 'untitled:churn.yaml';
  await client.open(uri, POD);
  await client.diagnosticsFor(uri);
  let last = 0;
  const untagged = (i: number) => i % 2 === 1;
  const start = performance.now();
  for (let i = 0; i < 1000; i++) {
    last = await client.replaceAll(uri, POD.replace('nginx:1.27', untagged(i) ? 'nginx' : 'nginx:1.27'));
    // Pace at about one rewrite per millisecond.
    while (performance.now() - start < i) await new Promise((r) => setImmediate(r));
  }
  const final = await client.diagnosticsFor(uri, last);
  assert.equal(final.some((d) => d.code === 'image-latest-tag'), untagged(999));
  await stillServing('churn');
});
