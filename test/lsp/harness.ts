// Drives the built server (`node dist/server.js --stdio`) with a real LSP client
// connection. Diagnostics are awaited as events, never with fixed sleeps.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type InitializeParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const SERVER = resolve('dist/server.js');

export interface ClientOptions {
  /** The `kubelab` settings section the client answers workspace/configuration with. */
  settings?: unknown;
  /** What the client answers for `files.exclude` (default: the `excluded` folder). */
  filesExclude?: unknown;
  workspaceFolder?: string;
}

export class TestClient {
  readonly connection: ProtocolConnection;
  private readonly proc: ChildProcess;
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: { uri: string; pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  private readonly versions = new Map<string, number>();
  settings: unknown;
  private readonly filesExclude: unknown;
  stderr = '';

  constructor(opts: ClientOptions = {}) {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} missing: run node scripts/build.mjs`);
    this.settings = opts.settings ?? {};
    this.filesExclude = 'filesExclude' in opts ? opts.filesExclude : { '**/excluded/**': true };
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => (this.stderr += String(d)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.latest.set(p.uri, p);
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.pred(p)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((i) => (i.section === 'kubelab' ? this.settings : i.section === 'files.exclude' ? this.filesExclude : null)),
    );
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.listen();
    this.workspaceFolder = opts.workspaceFolder;
  }

  private readonly workspaceFolder?: string;

  /** `overrides` replace fields of the initialize params (to send odd ones). */
  async initialize(overrides: Partial<InitializeParams> = {}) {
    const folder = this.workspaceFolder;
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folder ? pathToFileURL(folder).toString() : null,
      workspaceFolders: folder ? [{ uri: pathToFileURL(folder).toString(), name: 'ws' }] : null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { versionSupport: true }, completion: { completionItem: { snippetSupport: true } } },
      },
      ...overrides,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** Resolves with the next publish for `uri` satisfying `pred` (or the latest one, if it already does and `fresh` is false). */
  diagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true, fresh = false): Promise<PublishDiagnosticsParams> {
    const last = this.latest.get(uri);
    if (!fresh && last && pred(last)) return Promise.resolve(last);
    return new Promise((resolve) => this.waiters.push({ uri, pred, resolve }));
  }

  /** Diagnostics for exactly the given document version. */
  diagnosticsFor(uri: string, version = this.versions.get(uri)!): Promise<Diagnostic[]> {
    return this.diagnostics(uri, (p) => p.version === version).then((p) => p.diagnostics);
  }

  async open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  }

  /** An incremental edit: replaces `range` with `text`. Returns the new version. */
  async edit(uri: string, range: Range, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  async replaceAll(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  get alive(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  async shutdown(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } finally {
      this.connection.dispose();
      this.proc.kill();
    }
  }
}

/** Position of the n-th (0-based) occurrence of `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, nth = 0, delta = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`${needle} not found`);
  return asDocument(text).positionAt(at + delta);
}

/** The text a range covers. */
export function textAt(text: string, range: Range): string {
  return asDocument(text).getText(range);
}

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: { range: Range; newText: string }[]): string {
  return TextDocument.applyEdits(asDocument(text), edits);
}

/** Positions as an editor computes them: the LSP text document of vscode-languageserver-textdocument. */
function asDocument(text: string): TextDocument {
  return TextDocument.create('untitled:expected.yaml', 'yaml', 0, text);
}
