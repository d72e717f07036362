// Odd input never reaches the connection as an error: every request answers
// (empty when there is nothing to say) and the server keeps publishing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentSymbolRequest,
  FileChangeType,
  HoverRequest,
  ReferencesRequest,
  WorkspaceSymbolRequest,
  type Diagnostic,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { TestClient } from './harness';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: a\n    image: nginx\n';

let client: TestClient;
before(async () => {
  client = new TestClient();
  await client.initialize();
});
after(() => client.shutdown());

/** Every position request of the server at `position`; resolves with their answers, rejects if one fails. */
async function askEverything(uri: string, position: Position, diagnostics: Diagnostic[] = []) {
  const textDocument = { uri };
  const c = client.connection;
  return Promise.all([
    c.sendRequest(HoverRequest.type, { textDocument, position }),
    c.sendRequest(CompletionRequest.type, { textDocument, position }),
    c.sendRequest(DefinitionRequest.type, { textDocument, position }),
    c.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } }),
    c.sendRequest(DocumentSymbolRequest.type, { textDocument }),
    c.sendRequest(CodeActionRequest.type, { textDocument, range: { start: position, end: position }, context: { diagnostics } }),
  ]);
}

/** Empty answers: LSP's null, or an empty list. */
const isEmpty = (r: unknown) => r === null || (Array.isArray(r) && r.length === 0);

let n = 0;
async function openAndPublish(text: string): Promise<string> {
  const uri = `untitled:odd-${n++}.yaml`;
  await client.open(uri, text);
  await client.diagnosticsFor(uri);
  return uri;
}

test('requests on a URI the server never saw answer empty', async () => {
  const answers = await askEverything('file:///nowhere/never-opened.yaml', { line: 3, character: 4 });
  assert.ok(answers.every(isEmpty), JSON.stringify(answers));
});

test('an empty file answers every request, past its end too', async () => {
  const uri = await openAndPublish('');
  for (const position of [{ line: 0, character: 0 }, { line: 50, character: 900 }]) {
    const [hover, , definition, references, symbols, actions] = await askEverything(uri, position);
    assert.ok([hover, definition, references, symbols, actions].every(isEmpty));
  }
});

for (const [name, text] of Object.entries({ scalar: 'just a string\n', number: '42\n', sequence: '- a\n- b\n', 'flow map': '{apiVersion: v1, kind: Pod, metadata: {name: x}}\n' })) {
  test(`a document that is a ${name} answers every request`, async () => {
    const uri = await openAndPublish(`${text}---\n${POD}`);
    await askEverything(uri, { line: 0, character: 2 });
  });
}

test('a position past the end of a line or of the file means that end, as LSP says', async () => {
  const uri = await openAndPublish(POD);
  const hover = (position: Position) => client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  // Line 3 is `  name: web`, 11 characters; the file ends on line 8, which is empty.
  const endOfName = await hover({ line: 3, character: 11 });
  assert.ok(endOfName, 'hover on metadata.name');
  assert.deepEqual(await hover({ line: 3, character: 500 }), endOfName);
  const complete = (position: Position) => client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
  assert.deepEqual(await complete({ line: 10_000, character: 10_000 }), await complete({ line: 8, character: 0 }));
});

test('code actions for diagnostics the client made up (odd data, path, code, range) answer a list', async () => {
  const uri = await openAndPublish(POD);
  const base = { range: { start: { line: 7, character: 4 }, end: { line: 7, character: 9 } }, message: 'x' };
  const odd = [
    { ...base, code: 'unknown-field', data: 5 },
    { ...base, code: 'unknown-field', data: { path: 7 } },
    { ...base, code: 'service', data: { path: ['spec'] } },
    { ...base, code: { nested: true }, data: null },
    { ...base, code: 'job', data: { path: 'spec.template.spec.restartPolicy' }, message: 42 },
    { ...base, range: { start: { line: 999, character: 999 }, end: { line: 999, character: 999 } }, code: 'image-latest-tag' },
  ] as unknown as Diagnostic[];
  const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: base.range, context: { diagnostics: odd } });
  assert.ok(Array.isArray(actions));
});

test('settings of the wrong types fall back to the defaults and diagnostics still arrive', async () => {
  const c = new TestClient({ settings: { validate: { enable: 'yes' }, lint: { rules: 5 }, workspaceIndex: { maxFiles: 'many' } } });
  await c.initialize({ initializationOptions: { settings: 'not an object' } });
  try {
    const uri = 'untitled:odd-settings.yaml';
    await c.open(uri, POD);
    const first = await c.diagnosticsFor(uri);
    assert.ok(first.some((d) => d.code === 'image-latest-tag'), 'defaults: validation on, lint rules at their severities');
    c.settings = ['a', 'list'];
    await c.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: 7 });
    const version = await c.replaceAll(uri, POD.replace('nginx', 'nginx:1.27'));
    const after = await c.diagnosticsFor(uri, version);
    assert.ok(!after.some((d) => d.code === 'image-latest-tag'));
    assert.ok(c.alive);
  } finally {
    await c.shutdown();
  }
});

test('files.exclude patterns that are no valid glob and a workspace folder that is no local path do not stop the server', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-odd-'));
  writeFileSync(join(dir, 'pod.yaml'), POD);
  const c = new TestClient({ workspaceFolder: dir, filesExclude: { '{unclosed': true, '[z-a]': true, '**/*.md': 'yes' } });
  try {
    await c.initialize({ workspaceFolders: [{ uri: 'file://server/share/repo', name: 'unc' }, { uri: pathToFileURL(dir).toString(), name: 'ws' }] });
    const uri = 'untitled:odd-exclude.yaml';
    await c.open(uri, POD);
    await c.diagnosticsFor(uri);
    assert.ok(c.alive);
  } finally {
    await c.shutdown();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a file deleted while indexed leaves the index, whichever event reports it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-odd-'));
  const file = join(dir, 'gone.yaml');
  writeFileSync(file, POD.replace('name: web', 'name: soon-gone'));
  const c = new TestClient({ workspaceFolder: dir });
  try {
    await c.initialize();
    const uri = 'untitled:odd-probe.yaml';
    await c.open(uri, POD);
    await c.diagnosticsFor(uri);
    const names = async () => ((await c.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'soon-gone' })) as { name: string }[]).map((s) => s.name);
    // The disk index is read after the first publish; a move of the index re-publishes the open file.
    while (!(await names()).length) await c.diagnostics(uri, () => true, true);
    assert.deepEqual(await names(), ['Pod/soon-gone']);
    rmSync(file);
    const republished = c.diagnostics(uri, () => true, true);
    // Reported as a change (the watcher raced the deletion), then as a deletion, then for a folder and a host URI.
    await c.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [
        { uri: pathToFileURL(file).toString(), type: FileChangeType.Changed },
        { uri: pathToFileURL(file).toString(), type: FileChangeType.Deleted },
        { uri: pathToFileURL(dir).toString() + '/folder.yaml', type: FileChangeType.Created },
        { uri: 'file://server/share/x.yaml', type: FileChangeType.Created },
      ],
    });
    await republished;
    assert.deepEqual(await names(), []);
    assert.ok(c.alive);
  } finally {
    await c.shutdown();
    rmSync(dir, { recursive: true, force: true });
  }
});
