// What `kubelab validate` found, in the shape `--format json` prints: a position
// range (1-based lines and columns, end exclusive) in a file, plus the finding.

export type Severity = 'error' | 'warning' | 'info';

export interface ReportedFinding {
  /** Path relative to the working directory with `/` separators; `<stdin>` for `-`. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
  /** Field path from the object root (`spec.containers[0].image`); empty for whole-file problems. */
  path: string;
}

export interface ValidationRun {
  findings: ReportedFinding[];
  /** Files (and stdin) read. */
  files: number;
  /** Documents checked, empty ones included. */
  documents: number;
}

export interface Report {
  stdout: string;
  stderr: string;
}
