// Names the client and the server share. kubelab speaks only standard LSP;
// this file is where a custom request would be declared (STYLE §17).

/** Where every finding code is documented; `#<code>` is the rule's heading anchor. */
export const RULES_DOC_URL = 'https://github.com/kubelab/kubelab/blob/main/docs/rules.md';

/** Every diagnostic's `source`. */
export const DIAGNOSTIC_SOURCE = 'kubelab';

/** The settings section the server pulls with workspace/configuration. */
export const SETTINGS_SECTION = 'kubelab';
