import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkObject } from '../../../runtime/src/api/check';
import { parseDocuments } from '../../../runtime/src/text/documents';
import { SETTINGS_SCHEMA, readSettings, shownSeverity } from '../../../server/src/config';
import { LINT_RULES } from '../../../server/src/lint/registry';
import { DOCUMENT_SNIPPETS, expandSnippet } from '../../../server/src/services/snippets';

test('package.json settings equal the typed settings table', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  assert.deepEqual(pkg.contributes.configuration.properties, JSON.parse(JSON.stringify(SETTINGS_SCHEMA)));
});

test('docs/rules.md documents every finding code with a bad and a good example', () => {
  const docs = readFileSync('docs/rules.md', 'utf8');
  const developing = readFileSync('docs/DEVELOPING.md', 'utf8');
  const codesSection = developing.slice(developing.indexOf('### Finding codes')).split('\n## ')[0];
  const listed = [...codesSection.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]);
  const codes = new Set([...listed, ...LINT_RULES.map((r) => r.id), 'yaml-too-deep', 'yaml-alias-limit']);
  for (const code of codes) {
    const at = docs.indexOf(`\n### ${code}\n`);
    assert.ok(at >= 0, `heading for ${code}`);
    const section = docs.slice(at + 1).split('\n### ')[0];
    assert.match(section, /Bad:/, code);
    assert.match(section, /Good:/, code);
  }
});

test('lint rule settings switch off or re-grade only known rules', () => {
  const s = readSettings({ lint: { rules: { 'image-latest-tag': 'off', 'job-missing-ttl': 'warning', bogus: 'error', 'missing-probes': 'loud' } } });
  assert.deepEqual(s.lintRules, { 'image-latest-tag': 'off', 'job-missing-ttl': 'warning' });
  const issue = (code: string) => ({ code, severity: 'information' as const, range: { start: 0, end: 0 }, message: '' });
  assert.equal(shownSeverity(s, issue('image-latest-tag')), undefined);
  assert.equal(shownSeverity(s, issue('job-missing-ttl')), 'warning');
  assert.equal(shownSeverity(s, issue('missing-probes')), 'information');
  assert.equal(readSettings(undefined).validateEnable, true);
});

for (const s of DOCUMENT_SNIPPETS) {
  test(`the new-document snippet for ${s.kind} is valid for the API server`, () => {
    const [doc] = parseDocuments(expandSnippet(s.body));
    const errors = checkObject(doc.value).filter((f) => f.severity === 'error');
    assert.deepEqual(errors, []);
  });
}
