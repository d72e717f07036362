import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  HoverRequest,
  ReferencesRequest,
  WorkspaceSymbolRequest,
  type CompletionItem,
  type DocumentSymbol,
  type Location,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { TestClient, positionOf, textAt } from './harness';

const RS = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: kubia
spec:
  replicas: 3
  selector:
    matchLabels:
      app: kubia
  template:
    metadata:
      labels:
        app: kubia
    spec:
      containers:
      - name: kubia
        image: luksa/kubia:1.0
        ports:
        - name: http
          containerPort: 8080
`;

const EXCLUDED_POD = `apiVersion: v1
kind: Pod
metadata:
  name: hidden
  labels:
    app: ghost
spec:
  containers:
  - name: a
    image: nginx:1.27
`;

let dir: string;
let client: TestClient;
const uriOf = (name: string) => pathToFileURL(join(dir, name)).toString();

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kubelab-lsp-'));
  writeFileSync(join(dir, 'rs.yaml'), RS);
  mkdirSync(join(dir, 'excluded'));
  writeFileSync(join(dir, 'excluded', 'pod.yaml'), EXCLUDED_POD);
  client = new TestClient({ workspaceFolder: dir });
  await client.initialize();
});
after(async () => {
  await client.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

const SVC = `apiVersion: v1
kind: Service
metadata:
  name: kubia
spec:
  selector:
    app: kubia
  ports:
  - name: web
    port: 80
    targetPort: http
  - name: metrics
    port: 9090
    targetPort: metrics
---
apiVersion: v1
kind: Service
metadata:
  name: ghost
spec:
  selector:
    app: ghost
  ports:
  - port: 80
`;

test('cross-file lint uses the workspace index and respects files.exclude', async () => {
  const uri = uriOf('svc.yaml');
  writeFileSync(join(dir, 'svc.yaml'), SVC);
  await client.open(uri, SVC);
  // The index is read after settings: wait for the publish that knows rs.yaml.
  const p = await client.diagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'service-target-port-unknown'));
  const target = p.diagnostics.filter((d) => d.code === 'service-target-port-unknown');
  assert.deepEqual(target.map((d) => textAt(SVC, d.range)), ['metrics']);
  const nothing = p.diagnostics.filter((d) => d.code === 'service-selects-nothing');
  // The ghost pod lives under an excluded folder, so the second Service selects nothing.
  assert.equal(nothing.length, 1);
  assert.ok(nothing[0].range.start.line > 15);
});

test('hover explains a field like kubectl explain, with its default', async () => {
  const uri = uriOf('rs.yaml');
  await client.open(uri, RS);
  await client.diagnosticsFor(uri);
  const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(RS, 'replicas', 0, 2) });
  const text = (hover!.contents as MarkupContent).value;
  assert.match(text, /\*\*replicas\*\* `<integer>`/);
  assert.match(text, /Replicas is the number of desired pods/);
  // validation-rules §6: ReplicaSet replicas defaults to 1.
  assert.match(text, /Default: `1`/);
  assert.equal(textAt(RS, hover!.range!), 'replicas');
});

test('hover on a selector lists what it matches across files', async () => {
  const uri = uriOf('svc.yaml');
  const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(SVC, 'app: kubia', 0, 1) });
  const text = (hover!.contents as MarkupContent).value;
  assert.match(text, /Selects pods of 1 in namespace `default`/);
  assert.match(text, /ReplicaSet\/kubia \(rs\.yaml\)/);
});

test('definition goes from a Service selector to the template labels in another file; references come back', async () => {
  const svc = uriOf('svc.yaml');
  const defs = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: svc }, position: positionOf(SVC, 'app: kubia', 0, 1) })) as Location[];
  const rsUri = uriOf('rs.yaml');
  assert.deepEqual(defs.map((l) => l.uri), [rsUri]);
  assert.equal(textAt(RS, defs[0].range), 'labels');
  assert.equal(defs[0].range.start.line, 11);
  const refs = (await client.connection.sendRequest(ReferencesRequest.type, {
    textDocument: { uri: rsUri },
    position: positionOf(RS, 'app: kubia', 1, 1),
    context: { includeDeclaration: false },
  })) as Location[];
  // The ReplicaSet's own selector and the Service's select these labels.
  assert.deepEqual(refs.map((l) => l.uri).sort(), [rsUri, svc].sort());
  assert.ok(refs.every((l) => l.range.start.line === (l.uri === svc ? 5 : 6)));
});

test('document symbols: Kind/name per document with spec sections and containers', async () => {
  const uri = uriOf('rs.yaml');
  const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
  assert.deepEqual(symbols.map((s) => s.name), ['ReplicaSet/kubia']);
  assert.deepEqual(symbols[0].children!.map((c) => c.name), ['replicas', 'selector', 'template']);
  assert.deepEqual(symbols[0].children![2].children!.map((c) => c.name), ['container kubia']);
  const svc = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uriOf('svc.yaml') } })) as DocumentSymbol[];
  assert.deepEqual(svc.map((s) => s.name), ['Service/kubia', 'Service/ghost']);
});

test('workspace symbols find resources across files', async () => {
  const found = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'kubia' });
  const names = (found as { name: string; location: Location }[]).map((s) => `${s.name} ${s.location.uri.split('/').pop()}`).sort();
  assert.deepEqual(names, ['ReplicaSet/kubia rs.yaml', 'Service/kubia svc.yaml']);
});

async function complete(uri: string, text: string, needle: string, delta: number): Promise<CompletionItem[]> {
  await client.replaceAll(uri, text);
  const r = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionOf(text, needle, 0, delta) });
  return (Array.isArray(r) ? r : r!.items) as CompletionItem[];
}

test('completion offers valid keys with required ones first, enum values and kinds', async () => {
  const uri = 'untitled:complete.yaml';
  await client.open(uri, '');
  const keys = await complete(uri, 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    ima\n', 'ima', 3);
  const image = keys.find((i) => i.label === 'image');
  assert.ok(image);
  assert.match(String((image.documentation as MarkupContent).value), /Container image name/);
  assert.ok(!keys.some((i) => i.label === 'name'), 'present keys are not offered again');
  const properties = keys.filter((i) => i.kind === 10);
  assert.ok(properties.length > 1 && properties.every((i) => i.sortText!.startsWith('1')), 'the only required key (name) is present');

  const spec = await complete(uri, 'apiVersion: v1\nkind: Pod\nspec:\n  \n', 'spec:\n  ', 8);
  const first = [...spec].sort((a, b) => a.sortText!.localeCompare(b.sortText!))[0];
  assert.equal(first.label, 'containers', 'required key first');

  const policies = await complete(uri, 'apiVersion: v1\nkind: Pod\nspec:\n  restartPolicy: \n', 'restartPolicy: ', 15);
  assert.deepEqual(policies.map((i) => i.label).sort(), ['Always', 'Never', 'OnFailure']);

  const kinds = await complete(uri, 'apiVersion: apps/v1\nkind: \n', 'kind: ', 6);
  assert.deepEqual(kinds.map((i) => i.label).sort(), ['DaemonSet', 'ReplicaSet']);

  const empty = await complete(uri, '\n', '\n', 0);
  assert.ok(empty.some((i) => i.label === 'ReplicaSet (apps/v1)' && i.insertTextFormat === 2), 'a snippet per kind');
  assert.ok(empty.some((i) => i.label === 'apiVersion: batch/v1, kind: CronJob'));
});

test('completion of labels draws on the selectors that must match them', async () => {
  const uri = 'untitled:labels.yaml';
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    \nspec:\n  containers:\n  - name: a\n    image: nginx:1.27\n';
  await client.open(uri, text);
  const r = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionOf(text, 'labels:\n    ', 0, 12) });
  const labels = ((Array.isArray(r) ? r : r!.items) as CompletionItem[]).map((i) => i.label);
  assert.ok(labels.includes('app: kubia'), `got ${labels.join(', ')}`);
});
