// Conformance against manifests nobody on this project wrote: the corpus in
// ../shared/corpus (see its README.md) pairs each file with the verdict an API
// server gives it. This is an optional check: without the corpus every case is skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDocuments } from '../../runtime/src/text/documents';
import { checkObject } from '../../runtime/src/api/check';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
// KUBELAB_CORPUS points at another copy (or a hand-made one when changing this test).
const CORPUS_DIRS = [process.env.KUBELAB_CORPUS, resolve(REPO_ROOT, '../shared/corpus'), '/work/shared/corpus'].filter((d): d is string => !!d);
const corpusDir = CORPUS_DIRS.find((d) => existsSync(join(d, 'INDEX.tsv')));

interface Row {
  path: string;
  expected: string;
  scored: boolean;
  note: string;
}

/** One error as the corpus verdict sees it: a YAML syntax problem or an error-severity finding. */
interface Problem {
  doc: number;
  path: string;
  code: string;
  message: string;
}

function readIndex(dir: string): Row[] {
  const [, ...lines] = readFileSync(join(dir, 'INDEX.tsv'), 'utf8').split('\n');
  return lines
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [path, , , expected, scored, note] = l.split('\t');
      return { path, expected, scored: scored === 'yes', note: note ?? '' };
    });
}

function problemsOf(text: string): Problem[] {
  return parseDocuments(text).flatMap((d): Problem[] => {
    if (d.syntaxErrors.length > 0) return d.syntaxErrors.map((s) => ({ doc: d.index, path: '', code: s.code, message: s.message }));
    return checkObject(d.value)
      .filter((f) => f.severity === 'error')
      .map((f) => ({ doc: d.index, path: f.path, code: f.code, message: f.message }));
  });
}

/**
 * Field paths a reason names (`spec.ports[0].port`, `apiVersion`, `spec.selector.matchLabels.k8s-app`).
 * Reasons are prose; only whole tokens rooted at apiVersion, metadata or spec count as paths.
 */
function namedPaths(reason: string): string[] {
  const found = reason.match(/\b(?:apiVersion|metadata|spec)(?:\.[A-Za-z0-9_-]+|\[\d+\])*(?![\w-])/g) ?? [];
  return [...new Set(found)];
}

/** Map keys are written `labels[app]` by kubelab and `labels.app` in prose; compare them alike. */
function normalise(path: string): string {
  return path.replace(/\[([^\]\d][^\]]*)\]/g, '.$1');
}

/** An error at the path itself or somewhere beneath it. */
function reportedAt(problems: Problem[], path: string): boolean {
  const want = normalise(path);
  return problems.some((p) => {
    const got = normalise(p.path);
    return got === want || got.startsWith(`${want}.`) || got.startsWith(`${want}[`);
  });
}

function describe(problems: Problem[]): string {
  return problems.map((p) => `  doc ${p.doc} ${p.code} ${p.path || '(document)'}: ${p.message}`).join('\n') || '  (none)';
}

function checkRow(dir: string, row: Row): void {
  const problems = problemsOf(readFileSync(join(dir, row.path), 'utf8'));
  if (row.expected === 'valid') {
    assert.equal(problems.length, 0, `expected no errors, got:\n${describe(problems)}`);
    return;
  }
  const reason = row.expected.slice('invalid:'.length);
  assert.ok(problems.length > 0, `expected an error (${reason}), got none`);
  if (/^YAML syntax error/.test(reason)) {
    assert.ok(problems.some((p) => p.code === 'yaml-syntax'), `expected a YAML syntax error, got:\n${describe(problems)}`);
    return;
  }
  const paths = namedPaths(reason);
  // A type error stops the server at decoding (validation-rules §1 step 2): the
  // validation errors a reason also names are then legitimately never produced.
  const stoppedAtDecode = problems.some((p) => p.code === 'type-mismatch');
  const missing = paths.filter((p) => !reportedAt(problems, p));
  if (stoppedAtDecode) {
    assert.ok(missing.length < paths.length || paths.length === 0, `expected an error at one of ${paths.join(', ')}, got:\n${describe(problems)}`);
  } else {
    assert.deepEqual(missing, [], `expected errors at every named path, got:\n${describe(problems)}`);
  }
}

function skipReason(row: Row): string | undefined {
  if (row.expected.startsWith('lint:')) return `lint expectation (${row.expected}) belongs to the language server's lint`;
  if (!row.scored) return `not scored: ${row.note}`;
  return undefined;
}

if (!corpusDir) {
  test('external corpus', { skip: 'corpus not present' }, () => {});
} else {
  const dir = corpusDir;
  for (const row of readIndex(dir)) {
    const skip = skipReason(row);
    test(`${row.path} is ${row.expected}`, skip ? { skip } : {}, () => checkRow(dir, row));
  }
}

test('namedPaths picks field paths out of a reason', () => {
  assert.deepEqual(namedPaths('spec.replicas is the string asd"; spec.templates is an unknown field; spec.template is missing'), [
    'spec.replicas',
    'spec.templates',
    'spec.template',
  ]);
  assert.deepEqual(namedPaths('spec.ports[2].targetPort 123456 out of range'), ['spec.ports[2].targetPort']);
  assert.deepEqual(namedPaths('spec.selector.matchLabels.k8s-app is a boolean'), ['spec.selector.matchLabels.k8s-app']);
  assert.deepEqual(namedPaths('duplicate key "containers"; ports lack port and names'), []);
  assert.deepEqual(namedPaths('the selector is specified but specs differ'), []);
});
