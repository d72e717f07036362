// The manifests of the "Kubernetes in Action" notes (../shared/seeds, ch. 1–5) through
// the static pipeline: each must be accepted or rejected as the notes' kubectl
// sessions show. Optional like the corpus: skipped when the seeds are absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { parseDocuments } from '../../runtime/src/text/documents';
import { checkObject } from '../../runtime/src/api/check';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const SEED_DIRS = [resolve(REPO_ROOT, '../shared/seeds'), '/work/shared/seeds'];
const seedDir = SEED_DIRS.find((d) => existsSync(d));

interface Block {
  file: string;
  line: number;
  text: string;
}

/** Fenced code blocks; the notes tag some manifests `yaml` and leave others bare. */
function fencedBlocks(file: string, text: string): Block[] {
  const blocks: Block[] = [];
  let open: { line: number; lines: string[] } | undefined;
  text.split('\n').forEach((line, i) => {
    if (/^\s*```/.test(line)) {
      if (open) blocks.push({ file, line: open.line, text: open.lines.join('\n') });
      open = open ? undefined : { line: i + 2, lines: [] };
    } else open?.lines.push(line);
  });
  return blocks;
}

/** `k get po kubia-52k5b -o yaml` above its output: the command is not part of the manifest. */
function withoutCommandLines(text: string): string {
  return text.replace(/^(?:\s*(?:k|kubectl) .*\n)+/, '');
}

/**
 * The rejections the notes show or imply. The brief lists the first four; batch/v1beta1
 * CronJob is rejected as well on 1.33 (validation-rules §14: not served from 1.25).
 */
interface Rejection {
  why: string;
  marker: RegExp;
  /** The finding code (or YAML problem code) that must be among the errors. */
  code: string;
}

const REJECTED: readonly Rejection[] = [
  { why: 'kubia-rc: selector does not match the template labels', marker: /^kind: ReplicationController$[\s\S]*^ {2}name: kubia-rc$/m, code: 'replication-controller' },
  { why: 'apps/v1beta2 ReplicaSet: "no matches for kind"', marker: /^apiVersion: apps\/v1beta2$/m, code: 'removed-api-version' },
  { why: 'kind: pod indented with tabs: not YAML', marker: /^kind: pod$/m, code: 'yaml-syntax' },
  { why: 'batch/v1beta1 CronJob: removed in 1.25', marker: /^apiVersion: batch\/v1beta1$/m, code: 'removed-api-version' },
];

function errorsOf(text: string): { code: string; text: string }[] {
  return parseDocuments(text).flatMap((d) =>
    d.syntaxErrors.length > 0
      ? d.syntaxErrors.map((s) => ({ code: s.code, text: `${s.code}: ${s.message}` }))
      : checkObject(d.value)
          .filter((f) => f.severity === 'error')
          .map((f) => ({ code: f.code, text: `${f.code} ${f.path}: ${f.message}` })),
  );
}

/** A `selector:` fragment of the ReplicaSet sections, placed in an apps/v1 ReplicaSet whose pods are app=kubia. */
function replicaSetWith(fragment: string): unknown {
  const parsed = parse(fragment) as Record<string, unknown>;
  const spec = (parsed.spec ?? parsed) as Record<string, unknown>;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'kubia' },
    spec: {
      replicas: 3,
      selector: spec.selector,
      template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] } },
    },
  };
}

const isManifest = (text: string) => /^(?:apiVersion|kind):/m.test(text);
const isSelectorFragment = (text: string) => !isManifest(text) && /^(?:spec:\s*\n(?:\s.*\n)*?\s+)?selector:/m.test(text);

if (!seedDir) {
  test('seed manifests', { skip: 'seeds not present' }, () => {});
} else {
  const dir = seedDir;
  const blocks = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => fencedBlocks(f, readFileSync(join(dir, f), 'utf8')));

  for (const b of blocks.filter((x) => isManifest(withoutCommandLines(x.text)))) {
    const text = withoutCommandLines(b.text);
    const rejection = REJECTED.find((r) => r.marker.test(text));
    const title = `${b.file}:${b.line} ${rejection ? `is rejected (${rejection.why})` : 'is accepted'}`;
    test(title, () => {
      const errors = errorsOf(text);
      if (!rejection) return assert.deepEqual(errors.map((e) => e.text), []);
      assert.ok(errors.some((e) => e.code === rejection.code), `expected a ${rejection.code} error, got: ${errors.map((e) => e.text).join('; ') || 'none'}`);
    });
  }

  // The selector fragments: matchExpressions (ch. 4 "Using ReplicaSets") is fine;
  // the 4.3.4 note writes matchLabels as a list, which cannot decode into a map.
  for (const b of blocks.filter((x) => isSelectorFragment(x.text))) {
    const asList = /matchLabels:\s*\n\s*-/.test(b.text);
    test(`${b.file}:${b.line} selector fragment ${asList ? 'is rejected (matchLabels as a list)' : 'is accepted'}`, () => {
      const findings = checkObject(replicaSetWith(b.text)).filter((f) => f.severity === 'error');
      if (!asList) return assert.deepEqual(findings, []);
      assert.deepEqual(
        findings.map((f) => [f.code, f.path, f.message]),
        [['type-mismatch', 'spec.selector.matchLabels', 'json: cannot unmarshal array into Go struct field LabelSelector.spec.selector.matchLabels of type map[string]string']],
      );
    });
  }
}
