// Wiring only: the connection, the text documents, settings and the workspace,
// and which handler answers which request. Features live in handlers/ and
// services/.
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DidChangeConfigurationNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { DEFAULT_MINOR } from '../../runtime/src/api/field';
import { DEFAULT_SETTINGS, FILES_EXCLUDE_SECTION, pushedSection, readExcludes, readSettings, type Settings } from './config';
import { EditLog } from './documents/edits';
import { DiagnosticsHandler } from './handlers/diagnostics';
import { registerFeatures } from './handlers/features';
import { excluder } from './workspace/glob';
import { SETTINGS_SECTION } from './protocol';
import { findYamlFiles, isYamlPath, MAX_INDEXED_FILE_BYTES } from './workspace/scan';
import { Workspace } from './workspace/workspace';

export function startServer(connection: Connection): void {
  const edits = new EditLog();
  const documents = new TextDocuments(edits.documents);
  const workspace = new Workspace();
  let settings: Settings = DEFAULT_SETTINGS;
  let canPullConfiguration = false;
  let roots: string[] = [];
  const diagnostics = new DiagnosticsHandler(connection, documents, workspace, () => settings, DEFAULT_MINOR, edits);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canPullConfiguration = !!params.capabilities?.workspace?.configuration;
    roots = (params.workspaceFolders ?? []).flatMap((f) => localPath(f?.uri) ?? []);
    const root = localPath(params.rootUri);
    if (!roots.length && root) roots = [root];
    settings = readSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        ...registerFeatures(connection, workspace, (uri) => diagnostics.current(uri), DEFAULT_MINOR),
      },
      serverInfo: { name: 'kubelab' },
    };
  });

  connection.onInitialized(async () => {
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
      settings = await pullSettings();
    }
    diagnostics.start();
    await indexWorkspace();
    diagnostics.scheduleAll();
  });

  async function pullSettings(): Promise<Settings> {
    try {
      const [section] = await connection.workspace.getConfiguration([{ section: SETTINGS_SECTION }]);
      return readSettings(section);
    } catch {
      return settings;
    }
  }

  async function indexWorkspace(): Promise<void> {
    if (!roots.length || settings.maxFiles === 0) return;
    let exclude: unknown;
    if (canPullConfiguration) {
      try {
        [exclude] = await connection.workspace.getConfiguration([{ section: FILES_EXCLUDE_SECTION }]);
      } catch {
        exclude = undefined;
      }
    }
    const files = await findYamlFiles(roots, excluder(readExcludes(exclude)), settings.maxFiles);
    for (const f of files) await indexDiskFile(pathToFileURL(f).toString());
  }

  async function indexDiskFile(uri: string): Promise<boolean> {
    if (workspace.isOpen(uri)) return false;
    try {
      const text = await readFile(fileURLToPath(uri), 'utf8');
      return text.length <= MAX_INDEXED_FILE_BYTES ? workspace.setDisk(uri, text) : workspace.removeDisk(uri);
    } catch {
      return workspace.removeDisk(uri);
    }
  }

  connection.onDidChangeConfiguration(async (change) => {
    settings = canPullConfiguration ? await pullSettings() : readSettings(pushedSection(change.settings));
    diagnostics.scheduleAll();
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    let moved = false;
    for (const c of Array.isArray(changes) ? changes : []) {
      if (typeof c?.uri !== 'string' || !isYamlPath(c.uri) || !c.uri.startsWith('file:')) continue;
      moved = (c.type === FileChangeType.Deleted ? workspace.removeDisk(c.uri) : await indexDiskFile(c.uri)) || moved;
    }
    if (moved) diagnostics.scheduleAll();
  });

  documents.onDidChangeContent((e) => diagnostics.schedule(e.document.uri));
  documents.onDidClose(async (e) => {
    diagnostics.forget(e.document.uri);
    workspace.close(e.document.uri);
    if (e.document.uri.startsWith('file:')) await indexDiskFile(e.document.uri);
    diagnostics.scheduleAll();
  });

  documents.listen(connection);
  connection.listen();
}

/** The local path of a `file:` URI; undefined for other schemes and for paths this OS cannot name (`file://host/share`). */
function localPath(uri: unknown): string | undefined {
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
