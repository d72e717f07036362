// The human format: one compiler-style line per finding (editors and terminals
// turn `file:line:col:` into links) and a summary on stderr, so piping stdout
// into grep keeps only findings.
import type { Report, ValidationRun, Severity } from './types';

export function formatText(run: ValidationRun): Report {
  const lines = run.findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} [${f.code}]\n`);
  return { stdout: lines.join(''), stderr: summary(run) + '\n' };
}

function summary(run: ValidationRun): string {
  const count = (s: Severity) => run.findings.filter((f) => f.severity === s).length;
  const parts = [plural(count('error'), 'error'), plural(count('warning'), 'warning')];
  const infos = count('info');
  if (infos) parts.push(plural(infos, 'info'));
  return `${parts.join(', ')} in ${plural(run.files, 'file')} (${plural(run.documents, 'document')})`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 || word === 'info' ? '' : 's'}`;
}
