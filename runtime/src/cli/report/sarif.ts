// SARIF 2.1.0 (OASIS), the format code-scanning services ingest. One run, one
// rule per finding code that occurs, paths relative to the working directory
// (resolved through the SRCROOT base), columns counted in UTF-16 code units as
// the positions are.
import { pathToFileURL } from 'node:url';
import type { Report, ValidationRun, Severity, ReportedFinding } from './types';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** One line per stable finding code (docs/DEVELOPING.md), shown by SARIF viewers. */
const RULE_TEXT: Record<string, string> = {
  'yaml-syntax': 'The YAML does not parse.',
  'yaml-too-deep': 'The YAML nests too deeply to be a manifest.',
  'yaml-alias-limit': 'YAML aliases expand beyond the limit (alias bomb).',
  'binary-file': 'The file is binary, not YAML.',
  'file-too-large': 'The file exceeds the size limit.',
  'invalid-utf8': 'The file is not valid UTF-8.',
  'not-an-object': 'A document is not a mapping.',
  'missing-kind': 'A document has no apiVersion or kind.',
  'removed-api-version': 'The apiVersion is no longer served.',
  'unknown-kind': 'A kind that differs from a served one only in case.',
  'unreadable-file': 'The file could not be read.',
  'unknown-field': 'A field the API does not know (strict field validation).',
  'type-mismatch': 'A value of the wrong type.',
  'invalid-quantity': 'A malformed resource quantity.',
  metadata: 'Object metadata validation.',
  'label-selector': 'Label selector validation.',
  'pod-spec': 'Pod spec validation.',
  containers: 'Container validation.',
  ports: 'Container port validation.',
  env: 'Environment variable validation.',
  resources: 'Resource requirements validation.',
  volumes: 'Volume and mount validation.',
  probes: 'Probe and lifecycle handler validation.',
  'replication-controller': 'ReplicationController validation.',
  'replica-set': 'ReplicaSet validation.',
  'daemon-set': 'DaemonSet validation.',
  job: 'Job validation.',
  'cron-job': 'CronJob validation.',
  service: 'Service validation.',
  namespace: 'Namespace validation.',
};

export function formatSarif(run: ValidationRun, cwd: string): Report {
  const ruleIds = [...new Set(run.findings.map((f) => f.code))].sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kubelab',
            rules: ruleIds.map((id) => ({ id, shortDescription: { text: RULE_TEXT[id] ?? id } })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: directoryUri(cwd) } },
        columnKind: 'utf16CodeUnits',
        results: run.findings.map((f) => result(f, ruleIndex.get(f.code)!)),
      },
    ],
  };
  return { stdout: JSON.stringify(log, null, 2) + '\n', stderr: '' };
}

function result(f: ReportedFinding, ruleIndex: number) {
  return {
    ruleId: f.code,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: relativeUri(f.file), uriBaseId: 'SRCROOT' },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
        ...(f.path ? { logicalLocations: [{ fullyQualifiedName: f.path, kind: 'member' }] } : {}),
      },
    ],
  };
}

function relativeUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : href + '/';
}
