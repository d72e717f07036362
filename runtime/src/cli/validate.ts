// `kubelab validate [paths…|-] [--format text|json|sarif] [--kubernetes-version 1.33]`:
// every document of every manifest file through the static pipeline (check.ts),
// each finding placed on the text it is about. Exit 1 when anything is an error,
// 0 otherwise, 2 on a usage error.
//
// Documents that are mappings with neither apiVersion nor kind are errors here
// (kubectl refuses them: `Object 'Kind' is missing in '…'`) wherever they are
// found, directory walks included; the editor, unlike the CLI, stays silent on
// such YAML because it cannot know the file was meant as a manifest.
import { relative, sep } from 'node:path';
import { checkObject, isKubernetesLike, missingTypeMessage } from '../api/check';
import { DEFAULT_MINOR } from '../api/field';
import { isRecord } from '../api/values';
import { parseDocuments, type ManifestDocument, type Range } from '../text/documents';
import { checkText, decodeInput } from '../text/input';
import { LineIndex } from '../text/path';
import { parseArgs, type ArgsSpec } from './args';
import { collectInputs, readInputFile, STDIN_NAME, type ReadProblem } from './inputs';
import type { CliIO } from './io';
import { FORMATS, isFormatName, type FormatName, type ReportedFinding, type ValidationRun } from './report';

export interface ValidateOptions {
  minor: number;
}

export interface FileResult {
  findings: ReportedFinding[];
  documents: number;
}

/** Kubernetes minors whose API-server wording kubelab can reproduce (field.ts). */
export const SUPPORTED_MINORS = { min: 27, max: 36 };

const ARGS: ArgsSpec = {
  flags: {
    format: { alias: 'o', type: 'string' },
    'kubernetes-version': { type: 'string' },
    help: { alias: 'h', type: 'boolean' },
  },
};

export const VALIDATE_USAGE = `Usage: kubelab validate [paths…|-] [--format text|json|sarif] [--kubernetes-version 1.${DEFAULT_MINOR}]

Checks manifests as the Kubernetes API server would on create. Directories are
searched for .yaml, .yml and .json files (node_modules and dot-folders skipped);
- reads standard input. Exit status: 1 if any error was found, 0 otherwise, 2 on
a usage error.
`;

export async function runValidate(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, ARGS);
  if (args.flags.help) {
    io.stdout(VALIDATE_USAGE);
    return 0;
  }
  const usage = (msg: string) => {
    io.stderr(`error: ${msg}\n\n${VALIDATE_USAGE}`);
    return 2;
  };
  if (args.errors.length) return usage(args.errors[0]);
  const format = (args.flags.format as string | undefined) ?? 'text';
  if (!isFormatName(format)) return usage(`unknown format "${format}": use text, json or sarif`);
  const minor = parseKubernetesVersion(args.flags['kubernetes-version'] as string | undefined);
  if (minor === undefined) {
    return usage(
      `unsupported --kubernetes-version "${args.flags['kubernetes-version']}": use 1.${SUPPORTED_MINORS.min} to 1.${SUPPORTED_MINORS.max}`,
    );
  }
  if (args.positional.length === 0) return usage('no input: give files, directories, or - for standard input');

  const inputs = collectInputs(args.positional, io.cwd);
  if ('missing' in inputs) {
    io.stderr(`error: the path "${inputs.missing}" does not exist\n`);
    return 2;
  }
  const run: ValidationRun = { findings: [], files: 0, documents: 0 };
  const opts: ValidateOptions = { minor };
  for (const input of inputs.files) {
    const result = input === STDIN_NAME ? validateText(STDIN_NAME, await io.stdin(), opts) : validateFile(input, io.cwd, opts);
    run.files++;
    run.documents += result.documents;
    run.findings.push(...result.findings);
  }
  const report = FORMATS[format as FormatName](run, io.cwd);
  io.stdout(report.stdout);
  if (report.stderr) io.stderr(report.stderr);
  return run.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

/** `1.33`, `v1.33` or `1.33.2` → 33; undefined when malformed or outside the supported range. */
export function parseKubernetesVersion(v: string | undefined): number | undefined {
  if (v === undefined) return DEFAULT_MINOR;
  const m = /^v?1\.(\d+)(\.\d+)?$/.exec(v.trim());
  if (!m) return undefined;
  const minor = Number(m[1]);
  return minor >= SUPPORTED_MINORS.min && minor <= SUPPORTED_MINORS.max ? minor : undefined;
}

function displayName(abs: string, cwd: string): string {
  const rel = relative(cwd, abs) || abs;
  return rel.split(sep).join('/');
}

// --- one file ----------------------------------------------------------------------

function validateFile(abs: string, cwd: string, opts: ValidateOptions): FileResult {
  const file = displayName(abs, cwd);
  const read = readInputFile(abs);
  if ('problem' in read) return wholeFileProblem(file, read.problem);
  const decoded = decodeInput(read.bytes);
  if ('problem' in decoded) return wholeFileProblem(file, decoded.problem);
  return validateText(file, decoded.text, opts);
}

export function validateText(file: string, text: string, opts: ValidateOptions): FileResult {
  const problem = checkText(text);
  if (problem) return wholeFileProblem(file, problem);
  const lines = new LineIndex(text);
  const findings: ReportedFinding[] = [];
  const place = (range: Range, f: Omit<ReportedFinding, 'file' | 'line' | 'column' | 'endLine' | 'endColumn'>) => {
    const start = lines.position(range.start);
    const end = lines.position(Math.max(range.end, range.start));
    findings.push({ file, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1, ...f });
  };
  const docs = parseDocuments(text);
  for (const doc of docs) {
    for (const p of firstOfEachMessage(doc.syntaxErrors)) place(p.range, { severity: 'error', code: p.code, message: p.message, path: '' });
    if (doc.syntaxErrors.length > 0 || doc.value === null || doc.value === undefined) continue;
    if (isRecord(doc.value) && !isKubernetesLike(doc.value)) {
      place(firstLine(doc, text), { severity: 'error', code: 'missing-kind', message: missingTypeMessage(doc.value, 'kind'), path: '' });
      continue;
    }
    for (const f of checkObject(doc.value, { minor: opts.minor })) {
      place(doc.locate(f.path, f.anchor), { severity: f.severity, code: f.code, message: f.message, path: f.path });
    }
  }
  findings.sort((a, b) => a.line - b.line || a.column - b.column);
  return { findings, documents: docs.length };
}

/**
 * A TAB-indented block repeats "Tabs are not allowed as indentation" on every line;
 * in a terminal the first place is enough (the editor shows them all).
 */
function firstOfEachMessage<T extends { message: string }>(problems: readonly T[]): T[] {
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(p.message) && seen.add(p.message));
}

function wholeFileProblem(file: string, problem: ReadProblem): FileResult {
  return {
    findings: [{ file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', code: problem.code, message: problem.message, path: '' }],
    documents: 0,
  };
}

/** The document's first line of content: where a whole-object problem is shown. */
function firstLine(doc: ManifestDocument, text: string): Range {
  const start = doc.locate('', 'value').start;
  const nl = text.indexOf('\n', start);
  return { start, end: nl < 0 ? text.length : nl };
}
