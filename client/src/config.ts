// The client's typed view of what it needs to start the server: which files
// it serves and which settings section it forwards (rust-analyzer's config.ts).
import type { DocumentSelector } from 'vscode-languageclient/node';
import { SETTINGS_SECTION } from '../../server/src/protocol';

/** YAML files on disk and untitled YAML buffers. */
export const DOCUMENT_SELECTOR: DocumentSelector = [
  { language: 'yaml', scheme: 'file' },
  { language: 'yaml', scheme: 'untitled' },
];

/** Files whose creation, change or deletion the server's workspace index hears about. */
export const WATCHED_FILES = '**/*.{yaml,yml}';

export { SETTINGS_SECTION };

/** The bundled server, next to dist/extension.js. */
export const SERVER_MODULE = 'dist/server.js';
