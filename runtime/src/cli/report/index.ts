// The output formats of `kubelab validate`, by name.
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatText } from './text';
import type { Report, ValidationRun } from './types';

export type FormatName = 'text' | 'json' | 'sarif';

export const FORMATS: Record<FormatName, (run: ValidationRun, cwd: string) => Report> = {
  text: (run) => formatText(run),
  json: (run) => formatJson(run),
  sarif: formatSarif,
};

export function isFormatName(s: string): s is FormatName {
  return Object.hasOwn(FORMATS, s);
}

export type { Report, ReportedFinding, Severity, ValidationRun } from './types';
