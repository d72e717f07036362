// `npm run bench:lsp`: latency from didChange to publishDiagnostics for a
// one-character edit, in a 1,000-line file of 30 documents and in a file of
// 10,000 documents. Goal: p50 <= 5 ms on the first.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node.js';

/** A ReplicaSet padded with labels to `lines` lines. */
function replicaSet(i, lines) {
  const head = [
    '---',
    'apiVersion: apps/v1',
    'kind: ReplicaSet',
    'metadata:',
    `  name: web-${i}`,
    '  labels:',
  ];
  const tail = [
    'spec:',
    '  replicas: 2',
    '  selector:',
    '    matchLabels:',
    `      app: web-${i}`,
    '  template:',
    '    metadata:',
    '      labels:',
    `        app: web-${i}`,
    '    spec:',
    '      containers:',
    '      - name: web',
    '        image: nginx:1.27',
    '        ports:',
    '        - containerPort: 8080',
  ];
  const pad = Math.max(0, lines - head.length - tail.length);
  return [...head, ...Array.from({ length: Math.max(1, pad) }, (_, k) => `    team${k}: t${i}`), ...tail].join('\n');
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function bench(label, text, edits) {
  const proc = spawn(process.execPath, ['dist/server.js', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const waiting = new Map();
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => waiting.get(p.version)?.(performance.now()));
  conn.listen();
  await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
  await conn.sendNotification(InitializedNotification.type, {});
  const uri = 'untitled:bench.yaml';
  const published = (version) => new Promise((resolve) => waiting.set(version, resolve));
  let done = published(1);
  await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  await done;
  // The edit: the last digit of the first image tag, toggled between 7 and 8.
  const offset = text.indexOf('nginx:1.27') + 'nginx:1.2'.length;
  const before = text.slice(0, offset);
  const position = { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 };
  const times = [];
  for (let v = 2; v < edits + 2; v++) {
    await sleep(30); // a typist's pace, outside the burst debounce
    done = published(v);
    const t0 = performance.now();
    await conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: v },
      contentChanges: [{ range: { start: position, end: { line: position.line, character: position.character + 1 } }, text: v % 2 ? '7' : '8' }],
    });
    times.push((await done) - t0);
  }
  conn.dispose();
  proc.kill();
  times.sort((a, b) => a - b);
  console.log(`${label}: p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms (${edits} edits)`);
}

const small = Array.from({ length: 30 }, (_, i) => replicaSet(i, 33)).join('\n') + '\n';
await bench(`1,000-line file, 30 documents (${small.split('\n').length} lines)`, small, 200);
const large = Array.from({ length: 10000 }, (_, i) => replicaSet(i, 21)).join('\n') + '\n';
await bench('10,000-document file', large, 30);
