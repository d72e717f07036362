// A minimal valid document of each kind, as completion snippets. Each passes the
// API server's validation with its placeholders' defaults (a unit test checks
// this) and already avoids the lint findings that make sense for it.
import { KINDS } from '../../../runtime/src/api/kinds';

const CONTAINER = ['- name: ${3:main}', '  image: ${4:nginx:1.27}'];

function indent(lines: string[], n: number): string[] {
  return lines.map((l) => ' '.repeat(n) + l);
}

function podSpec(n: number, restartPolicy?: string): string[] {
  return indent([...(restartPolicy ? [`restartPolicy: ${restartPolicy}`] : []), 'containers:', ...indent(CONTAINER, 2)], n);
}

function template(n: number, restartPolicy?: string): string[] {
  return indent(['template:', '  metadata:', '    labels:', '      app: ${2:app}', '  spec:', ...podSpec(4, restartPolicy)], n);
}

const BODIES: Record<string, string[]> = {
  Pod: ['spec:', ...podSpec(2)],
  ReplicationController: ['spec:', '  replicas: 1', '  selector:', '    app: ${2:app}', ...template(2)],
  ReplicaSet: ['spec:', '  replicas: 1', '  selector:', '    matchLabels:', '      app: ${2:app}', ...template(2)],
  DaemonSet: ['spec:', '  selector:', '    matchLabels:', '      app: ${2:app}', ...template(2)],
  Job: ['spec:', '  ttlSecondsAfterFinished: 600', ...template(2, 'OnFailure')],
  CronJob: ['spec:', '  schedule: "${5:*/5 * * * *}"', '  jobTemplate:', '    spec:', '      ttlSecondsAfterFinished: 600', ...template(6, 'OnFailure')],
  Service: ['spec:', '  selector:', '    app: ${2:app}', '  ports:', '    - port: ${3:80}', '      targetPort: ${4:8080}'],
  Namespace: [],
};

export interface DocumentSnippet {
  kind: string;
  apiVersion: string;
  /** LSP snippet syntax. */
  body: string;
}

export const DOCUMENT_SNIPPETS: readonly DocumentSnippet[] = KINDS.map((k) => ({
  kind: k.kind,
  apiVersion: k.apiVersion,
  body: [`apiVersion: ${k.apiVersion}`, `kind: ${k.kind}`, 'metadata:', '  name: ${1:name}', ...(BODIES[k.kind] ?? [])].join('\n') + '\n',
}));

/** The snippet with every placeholder replaced by its default text. */
export function expandSnippet(body: string): string {
  return body.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
}
