// Diagnostics timing: each change is analysed after a short debounce that
// collapses bursts, stale work is dropped by version, and a change that moves the
// workspace index re-publishes the other open files (their cross-file lint may
// have changed). Analysis is incremental (analysis/file.ts, from the edits the
// EditLog recorded), so is the conversion to LSP (diagnosticCache.ts), and a file
// has at most one publish being written: changes meanwhile wait for it and are
// then published once, so a file rewritten without pause queues nothing.
import type { Connection, PublishDiagnosticsParams, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeFile, type AnalyzedFile } from '../analysis/file';
import type { Settings } from '../config';
import type { EditLog } from '../documents/edits';
import type { Workspace } from '../workspace/workspace';
import { DiagnosticCache } from './diagnosticCache';
import { errorText } from './errors';

/** Larger files are not analysed at all: parsing them would stall every request behind them. */
const MAX_ANALYZED_CHARS = 5 * 1024 * 1024;
/** A change this soon after the previous one is part of a burst... */
const BURST_MS = 20;
/** ...and waits this long for the burst to end, */
const BURST_DELAY_MS = 40;
/** but never longer than this in total, so a file rewritten without pause still gets results. */
const MAX_WAIT_MS = 300;

interface Pending {
  cancel: () => void;
  since: number;
}

export class DiagnosticsHandler {
  private readonly pending = new Map<string, Pending>();
  private readonly lastChange = new Map<string, number>();
  private readonly tooLarge = new Set<string>();
  private readonly cache = new DiagnosticCache();
  /** Files whose last publish is still being written... */
  private readonly writing = new Set<string>();
  /** ...and those of them that changed meanwhile. */
  private readonly stale = new Set<string>();
  /** Until the client's settings are known nothing is published, so no result is shown with the wrong ones. */
  private started = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly workspace: Workspace,
    private readonly settings: () => Settings,
    private readonly minor: number,
    private readonly edits: EditLog,
  ) {}

  /** Called once settings are loaded; publishes every file opened meanwhile. */
  start(): void {
    this.started = true;
    this.scheduleAll();
  }

  schedule(uri: string): void {
    if (!this.started) return;
    const now = performance.now();
    const last = this.lastChange.get(uri);
    this.lastChange.set(uri, now);
    const old = this.pending.get(uri);
    const since = old?.since ?? now;
    old?.cancel();
    const burst = last !== undefined && now - last < BURST_MS;
    const delay = burst ? Math.max(0, Math.min(BURST_DELAY_MS, since + MAX_WAIT_MS - now)) : 0;
    const run = () => this.runGuarded(uri);
    this.pending.set(uri, { cancel: delay ? later(run, delay) : afterReceived(run), since });
  }

  /** Re-publishes every open file, e.g. after a settings change. */
  scheduleAll(except?: string): void {
    for (const d of this.documents.all()) if (d.uri !== except) this.schedule(d.uri);
  }

  forget(uri: string): void {
    this.pending.get(uri)?.cancel();
    this.pending.delete(uri);
    this.lastChange.delete(uri);
    this.tooLarge.delete(uri);
    this.stale.delete(uri);
    this.edits.forget(uri);
    void this.publish({ uri, diagnostics: [] });
  }

  /**
   * The analysis of the document's current version, made now if the debounced run
   * has not happened yet (a request must not answer from stale text).
   */
  current(uri: string): AnalyzedFile | undefined {
    return this.analyze(uri)?.file;
  }

  private analyze(uri: string): { file: AnalyzedFile; moved: boolean } | undefined {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const previous = this.workspace.openFile(uri);
    // Nothing changed since the last analysis (e.g. a re-publish after an index move).
    if (previous?.version === doc.version) return { file: previous, moved: false };
    const text = doc.getText();
    if (text.length > MAX_ANALYZED_CHARS) return undefined;
    const file = analyzeFile(previous, doc.version, text, { uri, minor: this.minor }, this.edits.take(uri));
    return { file, moved: this.workspace.setOpen(file) };
  }

  /**
   * The timer callback is the adapter boundary (STYLE §3): a bug the analysis of
   * one file runs into would otherwise be an uncaught exception that ends the server.
   */
  private runGuarded(uri: string): void {
    try {
      this.run(uri);
    } catch (e) {
      this.connection.console.error(`kubelab: analysing ${uri} failed: ${errorText(e)}`);
    }
  }

  private run(uri: string): void {
    this.pending.delete(uri);
    const doc = this.documents.get(uri);
    if (!doc) return;
    if (this.writing.has(uri)) {
      this.stale.add(uri);
      return;
    }
    if (doc.getText().length > MAX_ANALYZED_CHARS) return this.skipLarge(uri, doc.version, doc.getText().length);
    this.tooLarge.delete(uri);
    const { file, moved } = this.analyze(uri)!;
    const diagnostics = this.cache.forFile(file, this.workspace.index, this.settings());
    this.writing.add(uri);
    void this.publish({ uri, version: doc.version, diagnostics }).then(() => this.written(uri));
    if (moved) this.scheduleAll(uri);
  }

  private written(uri: string): void {
    this.writing.delete(uri);
    if (this.stale.delete(uri)) this.runGuarded(uri);
  }

  private skipLarge(uri: string, version: number, size: number): void {
    if (!this.tooLarge.has(uri)) this.connection.console.warn(`kubelab: ${uri} has ${size} characters; files above ${MAX_ANALYZED_CHARS} are not analysed`);
    this.tooLarge.add(uri);
    this.workspace.close(uri);
    void this.publish({ uri, version, diagnostics: [] });
  }

  /**
   * Sends one publish. Sending fails only once the connection is closed or its
   * stream broken, when there is nobody left to tell; an unhandled rejection then
   * would end the process mid-shutdown.
   */
  private publish(params: PublishDiagnosticsParams): Promise<void> {
    return this.connection.sendDiagnostics(params).catch(() => undefined);
  }
}

/** Runs `fn` after `ms`; returns what cancels it. */
function later(fn: () => void, ms: number): () => void {
  const timer = setTimeout(fn, ms);
  return () => clearTimeout(timer);
}

/**
 * Runs `fn` as soon as the changes already received have been applied, without
 * the millisecond a zero timeout costs (node clamps it to 1 ms, most of a
 * keystroke's budget). vscode-jsonrpc decodes the messages of one chunk an
 * immediate apart and handles each in a further immediate, so waiting two lets
 * the next change of the same chunk arrive and cancel this run, as the timeout
 * did (test/lsp/debounce.test.ts).
 */
function afterReceived(fn: () => void): () => void {
  let handle = setImmediate(() => {
    handle = setImmediate(fn);
  });
  return () => clearImmediate(handle);
}
