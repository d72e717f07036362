// The machine format: the findings array, stable field order, nothing on stderr.
import type { Report, ValidationRun } from './types';

export function formatJson(run: ValidationRun): Report {
  return { stdout: JSON.stringify(run.findings, null, 2) + '\n', stderr: '' };
}
