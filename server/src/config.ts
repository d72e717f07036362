// The server's settings, typed, with their defaults and descriptions in one
// table that package.json's `contributes.configuration` mirrors (a unit test
// keeps the two equal). Raw values arrive from workspace/configuration.
import { isRecord } from '../../runtime/src/api/values';
import type { Issue, Severity } from './issues';
import { lintRule, LINT_RULES } from './lint/registry';
import { SETTINGS_SECTION } from './protocol';

export type RuleSetting = 'off' | Severity;

export interface Settings {
  validateEnable: boolean;
  lintRules: Record<string, RuleSetting>;
  maxFiles: number;
}

const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'error', 'warning', 'information', 'hint'];

/** package.json `contributes.configuration.properties`, keyed by full setting name. */
export const SETTINGS_SCHEMA = {
  'kubelab.validate.enable': {
    type: 'boolean',
    default: true,
    description: 'Report YAML, API-server and lint diagnostics for Kubernetes manifests.',
  },
  'kubelab.lint.rules': {
    type: 'object',
    default: {},
    description: 'Per lint rule: "off" or a severity ("error", "warning", "information", "hint"). Rule ids are documented in docs/rules.md.',
    properties: Object.fromEntries(
      LINT_RULES.map((r) => [r.id, { type: 'string', enum: [...RULE_SETTINGS], description: r.summary.replace(/`/g, '') }]),
    ),
    additionalProperties: false,
  },
  'kubelab.workspaceIndex.maxFiles': {
    type: 'number',
    default: 5000,
    minimum: 0,
    description: 'Most YAML files of the workspace folders read into the index used by cross-file lint, hover and navigation.',
  },
} as const;

export const DEFAULT_SETTINGS: Settings = {
  validateEnable: SETTINGS_SCHEMA['kubelab.validate.enable'].default,
  lintRules: {},
  maxFiles: SETTINGS_SCHEMA['kubelab.workspaceIndex.maxFiles'].default,
};

/** The VS Code setting whose globs the workspace index leaves out, as `files.exclude` does for the explorer. */
export const FILES_EXCLUDE_SECTION = 'files.exclude';

/** Reads the `kubelab` section; anything malformed falls back to its default. */
export function readSettings(raw: unknown): Settings {
  const section = isRecord(raw) ? raw : {};
  const validate = isRecord(section.validate) ? section.validate : {};
  const lint = isRecord(section.lint) ? section.lint : {};
  const index = isRecord(section.workspaceIndex) ? section.workspaceIndex : {};
  const lintRules: Record<string, RuleSetting> = {};
  for (const [id, v] of Object.entries(isRecord(lint.rules) ? lint.rules : {}))
    if (lintRule(id) && RULE_SETTINGS.includes(v as RuleSetting)) lintRules[id] = v as RuleSetting;
  return {
    validateEnable: typeof validate.enable === 'boolean' ? validate.enable : DEFAULT_SETTINGS.validateEnable,
    lintRules,
    maxFiles: typeof index.maxFiles === 'number' && index.maxFiles >= 0 ? Math.floor(index.maxFiles) : DEFAULT_SETTINGS.maxFiles,
  };
}

/** Reads `files.exclude`: glob → whether it is on. Entries that are not `true` are off. */
export function readExcludes(raw: unknown): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  if (isRecord(raw)) for (const [glob, on] of Object.entries(raw)) out[glob] = on === true;
  return out;
}

/** The pushed `kubelab` section of a workspace/didChangeConfiguration (clients without pull send it this way). */
export function pushedSection(settings: unknown): unknown {
  return isRecord(settings) ? settings[SETTINGS_SECTION] : undefined;
}

/** The severity an issue is shown with, or undefined when its rule is switched off. */
export function shownSeverity(settings: Settings, issue: Issue): Severity | undefined {
  const s = settings.lintRules[issue.code];
  if (!s) return issue.severity;
  return s === 'off' ? undefined : s;
}
