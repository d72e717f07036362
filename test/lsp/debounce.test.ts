// The first change after a pause is analysed at once (no timer hop), yet changes
// that reach the server together are still published once, for the last version:
// handlers/diagnostics.ts `afterReceived`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { SERVER, positionOf } from './harness';

const POD = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: kubia', 'spec:', '  containers:', '  - name: kubia', '    image: luksa/kubia:1.0', ''].join('\n');

/** One JSON-RPC frame as the base protocol writes it. */
function frame(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

test('changes written in one chunk are published once, for the last version', async () => {
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const published: PublishDiagnosticsParams[] = [];
  const waiters = new Map<number, () => void>();
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    if (p.version !== undefined) waiters.get(p.version)?.();
  });
  const publishOf = (version: number) => new Promise<void>((resolve) => waiters.set(version, resolve));
  conn.listen();
  try {
    await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
    await conn.sendNotification(InitializedNotification.type, {});
    const uri = 'untitled:together.yaml';
    const opened = publishOf(1);
    await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: POD } });
    await opened;
    const at = positionOf(POD, 'kubia:1.0', 0, 'kubia:1.'.length);
    const range = { start: at, end: { line: at.line, character: at.character + 1 } };
    const change = (version: number, text: string) => ({
      jsonrpc: '2.0',
      method: DidChangeTextDocumentNotification.method,
      params: { textDocument: { uri, version }, contentChanges: [{ range, text }] },
    });
    const last = publishOf(4);
    proc.stdin.write(Buffer.concat([frame(change(2, '1')), frame(change(3, '2')), frame(change(4, '3'))]));
    await last;
    assert.deepEqual(
      published.map((p) => p.version),
      [1, 4],
    );
  } finally {
    conn.dispose();
    proc.kill();
  }
});
