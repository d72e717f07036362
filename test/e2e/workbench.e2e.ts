// kubelab in a real VS Code: code-server 1.100 with the packaged .vsix, driven
// through its DOM by playwright-core and Debian's chromium. Run it with
// `npm run test:e2e` (scripts/e2e/run.sh starts and stops code-server); it is
// not part of `npm test`. Each step leaves a screenshot in test/e2e/shots/.
// Expected texts come from the spec (validation-rules.md §RC selector) and
// from the same schema and symbol code the server uses, never from a run.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { parse } from 'yaml';
import { resolveKind } from '../../runtime/src/api/kinds';
import { schemaAt } from '../../runtime/src/api/schema/index';
import { resourceLabel } from '../../server/src/services/symbols';
import { DIAGNOSTIC_SOURCE } from '../../server/src/protocol';
import { launchBrowser, Workbench, workbenchUrl } from './workbench';

// The same defaults as scripts/e2e/env.sh; start.sh serves a copy of workspace/ from $RUN.
const BASE_URL = `http://127.0.0.1:${process.env.KUBELAB_E2E_PORT ?? '8731'}/`;
const RUN = join(process.env.KUBELAB_E2E_HOME ?? join(import.meta.dirname, '..', '..', '.e2e'), 'run');
const WORKSPACE = join(RUN, 'workspace');
const SHOTS = join(import.meta.dirname, 'shots');
const TIMEOUT = 60_000;

// validation-rules.md, ReplicationController: selector not matching the template labels.
const SELECTOR_MISMATCH = '`selector` does not match template `labels`';
const FIX_TITLE = 'Make the template labels match the selector';

function schemaNode(apiVersion: string, kind: string, path: string[]) {
  const r = resolveKind(apiVersion, kind);
  assert.equal(r.type, 'served');
  const node = r.type === 'served' ? schemaAt(r.info, path) : undefined;
  assert.ok(node, `schema has ${kind}.${path.join('.')}`);
  return node;
}

/** The first sentence of a schema description: what the hover must show verbatim. */
function firstSentence(text: string): string {
  return text.slice(0, text.indexOf('.') + 1);
}

let ctx: BrowserContext;
let wb: Workbench;

before(async () => {
  ctx = await launchBrowser(join(RUN, 'chromium-profile'));
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  page.setDefaultTimeout(TIMEOUT);
  wb = new Workbench(page, SHOTS);
});

after(async () => {
  await ctx?.close();
});

test('the workbench opens the workspace with both manifests', async () => {
  await wb.page.goto(workbenchUrl(BASE_URL, WORKSPACE));
  await wb.page.locator('.monaco-workbench').waitFor();
  await wb.explorerRow('kubia-rc.yaml').waitFor();
  await wb.explorerRow('kubia-manual.yaml').waitFor();
  await wb.shot('01-workbench');
});

test('the invalid ReplicationController gets the API-server error as a squiggle and in Problems', async () => {
  await wb.openFile('kubia-rc.yaml', 'kind: ReplicationController');
  await wb.squiggles('error').first().waitFor();
  await wb.shot('02-kubia-rc-squiggle');

  await wb.squiggles('error').first().hover({ force: true });
  await wb.hover(SELECTOR_MISMATCH).waitFor();
  await wb.shot('03-kubia-rc-diagnostic-hover');
  await wb.moveMouseAway();

  await wb.openProblems();
  const row = wb.problemRows(SELECTOR_MISMATCH).first();
  await row.waitFor();
  const text = await row.innerText();
  assert.match(text, /spec\.template\.metadata\.labels: Invalid value: map\[string\]string\{"app":"kubia"\}/);
  assert.ok(text.includes(DIAGNOSTIC_SOURCE), `row names the source: ${text}`);
  await wb.shot('04-problems-panel');
});

test('hovering a field shows its schema description', async () => {
  const replicas = schemaNode('v1', 'ReplicationController', ['spec', 'replicas']);
  await wb.token('replicas: 3', 'replicas').hover();
  const hover = wb.hover(firstSentence(replicas.description!));
  await hover.waitFor();
  assert.match(await hover.innerText(), /ReplicationController\.spec\.replicas/);
  await wb.shot('05-field-hover');
  await wb.moveMouseAway();
});

test('the outline lists the resource and its spec sections', async () => {
  const rc = parse(readFileSync(join(WORKSPACE, 'kubia-rc.yaml'), 'utf8'));
  const pane = await wb.expandOutline();
  await pane.locator('.monaco-list-row', { hasText: resourceLabel(rc.kind, rc.metadata.name) }).waitFor();
  for (const section of Object.keys(rc.spec)) await pane.locator('.monaco-list-row', { hasText: new RegExp(`^${section}`) }).first().waitFor();
  await wb.shot('06-outline');
});

test('the quick fix makes the template labels match the selector', async () => {
  const squiggle = wb.squiggles('error').first();
  const box = await squiggle.boundingBox();
  assert.ok(box, 'the error squiggle is on screen');
  // Putting the cursor on the diagnostic makes the editor ask for code actions and show the lightbulb.
  await wb.page.mouse.click(box.x + 2, box.y + box.height / 2);
  await wb.lightbulb().click();
  const fix = wb.codeActions().filter({ hasText: FIX_TITLE }).first();
  await fix.waitFor();
  await wb.shot('07-quick-fix-menu');
  await wb.pick(fix);
  await wb.squiggles('error').first().waitFor({ state: 'detached' });
  await wb.problemRows(SELECTOR_MISMATCH).first().waitFor({ state: 'detached' });
  const fixed = parse(await wb.editorText());
  assert.deepEqual(fixed.spec.template.metadata.labels, fixed.spec.selector);
  await wb.shot('08-quick-fix-applied');
});

test('completion offers the metadata keys of the schema', async () => {
  await wb.openFile('kubia-manual.yaml', 'kind: Pod');
  await wb.line('name: kubia-manual').click();
  await wb.page.keyboard.press('End');
  await wb.page.keyboard.press('Enter');
  await wb.page.keyboard.type('la');
  await wb.page.keyboard.press('Control+Space');
  const keys = Object.keys(schemaNode('v1', 'Pod', ['metadata']).properties ?? {}).filter((k) => k.startsWith('la'));
  assert.ok(keys.length > 0);
  for (const k of keys) await wb.suggestions().filter({ hasText: k }).first().waitFor();
  await wb.shot('09-completion');
  await wb.page.keyboard.press('Escape');
  await wb.page.keyboard.press('Control+z');
  await wb.page.keyboard.press('Control+z');
});

test('the valid Pod has no error, and its outline comes back after the edit is undone', async () => {
  const pod = parse(readFileSync(join(WORKSPACE, 'kubia-manual.yaml'), 'utf8'));
  assert.equal(parse(await wb.editorText()).metadata.name, pod.metadata.name);
  const pane = await wb.expandOutline();
  await pane.locator('.monaco-list-row', { hasText: resourceLabel(pod.kind, pod.metadata.name) }).waitFor();
  await wb.openProblems();
  // Lint warnings for the Pod prove the server has analysed the restored text;
  // the panel may still list the typing's syntax error for a moment, so wait for it to go.
  await wb.problemRows('kubia-manual.yaml').first().waitFor();
  await wb.page.locator('.markers-panel .monaco-list-row .codicon-error').first().waitFor({ state: 'detached' });
  await wb.shot('10-valid-pod');
  assert.equal(await wb.squiggles('error').count(), 0);
});
