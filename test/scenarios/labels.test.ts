// KIA ch. 3.3–3.4 and 3.8.2 (seed 002): labels at creation, `kubectl label`
// with and without --overwrite, `-L` columns, `-l` selectors including `!env`,
// and `delete po -l creation_method=manual`. Once in-process, once through the CLI.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSelector } from '../../runtime/src/api/selectors';
import { applyEdits } from '../../runtime/src/cli/cluster/label';
import { createCluster, type Cluster } from '../../runtime/src/cluster/cluster';
import { printTable } from '../../runtime/src/cluster/printers';
import { resolveResource } from '../../runtime/src/cluster/resources';
import { workspace } from './cli-harness';

const pod = (name: string, labels?: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: labels ? { name, labels } : { name },
  spec: { containers: [{ image: 'luksa/kubia', name: 'kubia', ports: [{ containerPort: 8080, protocol: 'TCP' }] }] },
});

const yaml = (name: string, labels: Record<string, string> = {}) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n${Object.keys(labels).length ? `  labels:\n${Object.entries(labels).map(([k, v]) => `    ${k}: ${v}\n`).join('')}` : ''}spec:\n  containers:\n  - image: luksa/kubia\n    name: kubia\n    ports:\n    - containerPort: 8080\n      protocol: TCP\n`;

/** A printed table as rows of header → cell, cut at the header's column starts. */
function rows(table: string): Record<string, string>[] {
  const [header, ...lines] = table.trimEnd().split('\n');
  const cols = [...header.matchAll(/\S+/g)].map((m) => ({ name: m[0], start: m.index ?? 0 }));
  return lines.map((l) => Object.fromEntries(cols.map((c, i) => [c.name, l.slice(c.start, cols[i + 1]?.start).trim()])));
}

/** The seed's three pods: kubia (run=kubia), kubia-manual (no labels), kubia-manual-with-labels. */
function seedPods(): Cluster {
  const c = createCluster({ seed: 'labels' });
  for (const p of [pod('kubia', { run: 'kubia' }), pod('kubia-manual'), pod('kubia-manual-with-labels', { creation_method: 'manual', env: 'prod' })])
    assert.equal(c.create(p).ok, true);
  c.advance(10_000);
  return c;
}

function getPods(c: Cluster, opts: { selector?: string; showLabels?: boolean; labelColumns?: string[] } = {}): string {
  const parsed = opts.selector === undefined ? undefined : parseSelector(opts.selector);
  if (parsed && 'error' in parsed) throw new Error(parsed.error);
  const objects = c.store.list('Pod', { namespace: 'default', selector: parsed?.selector });
  return printTable('Pod', objects, { now: c.clock.now(), showLabels: opts.showLabels, labelColumns: opts.labelColumns });
}

/** `kubectl label po NAME k=v [--overwrite]`: the edit, then an update through admission. */
function label(c: Cluster, name: string, set: Record<string, string>, overwrite = false): string | undefined {
  const live = c.store.get('Pod', 'default', name)!;
  const edited = applyEdits(live.metadata.labels, { set, remove: [] }, overwrite);
  if ('error' in edited) return edited.error;
  const r = c.replace({ ...live, metadata: { ...live.metadata, labels: edited.map } });
  return r.ok ? undefined : r.error.message;
}

test('get po --show-labels and -L creation_method,env show the labels given at creation', () => {
  const c = seedPods();
  assert.deepEqual(
    rows(getPods(c, { showLabels: true })).map((r) => [r.NAME, r.STATUS, r.LABELS]),
    [['kubia', 'Running', 'run=kubia'], ['kubia-manual', 'Running', '<none>'], ['kubia-manual-with-labels', 'Running', 'creation_method=manual,env=prod']],
  );
  const table = getPods(c, { labelColumns: ['creation_method', 'env'] });
  assert.match(table.split('\n')[0], /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+CREATION_METHOD\s+ENV$/);
  assert.deepEqual(rows(table).map((r) => [r.NAME, r.CREATION_METHOD, r.ENV]), [['kubia', '', ''], ['kubia-manual', '', ''], ['kubia-manual-with-labels', 'manual', 'prod']]);
  assert.deepEqual(rows(getPods(c, { selector: 'creation_method=manual' })).map((r) => r.NAME), ['kubia-manual-with-labels']);
});

test('label po kubia-manual creation_method=manual; changing env needs --overwrite', () => {
  const c = seedPods();
  const before = c.store.get('Pod', 'default', 'kubia-manual')!;
  assert.equal(label(c, 'kubia-manual', { creation_method: 'manual' }), undefined);
  const after = c.store.get('Pod', 'default', 'kubia-manual')!;
  assert.equal(after.metadata.generation, before.metadata.generation, 'a label change does not bump generation');
  assert.notEqual(after.metadata.resourceVersion, before.metadata.resourceVersion);
  assert.deepEqual(rows(getPods(c, { selector: 'creation_method=manual' })).map((r) => r.NAME), ['kubia-manual', 'kubia-manual-with-labels']);

  assert.equal(label(c, 'kubia-manual-with-labels', { env: 'debug' }), "error: 'env' already has a value (prod), and --overwrite is false");
  assert.equal(c.store.get('Pod', 'default', 'kubia-manual-with-labels')!.metadata.labels?.env, 'prod');
  assert.equal(label(c, 'kubia-manual-with-labels', { env: 'debug' }, true), undefined);
  assert.deepEqual(
    rows(getPods(c, { selector: 'env=debug', labelColumns: ['creation_method', 'env'] })).map((r) => [r.NAME, r.CREATION_METHOD, r.ENV]),
    [['kubia-manual-with-labels', 'manual', 'debug']],
  );
  assert.deepEqual(rows(getPods(c, { selector: '!env', showLabels: true })).map((r) => [r.NAME, r.LABELS]), [['kubia', 'run=kubia'], ['kubia-manual', 'creation_method=manual']]);
});

test('delete po -l creation_method=manual removes exactly the labelled pods after their grace period', () => {
  const c = seedPods();
  label(c, 'kubia-manual', { creation_method: 'manual' });
  const parsed = parseSelector('creation_method=manual');
  assert.ok('selector' in parsed);
  const doomed = c.store.list('Pod', { namespace: 'default', selector: parsed.selector });
  for (const p of doomed) assert.equal(c.delete(resolveResource('po')!, 'default', p.metadata.name).ok, true);
  assert.ok(doomed.every((p) => c.store.get('Pod', 'default', p.metadata.name)?.metadata.deletionTimestamp), 'running pods terminate gracefully');
  c.advance(31_000);
  assert.deepEqual(c.store.list('Pod', { namespace: 'default' }).map((p) => p.metadata.name), ['kubia']);
});

test('through the CLI: the seed chapter 3 label session', async () => {
  const w = workspace({
    'kubia.yaml': yaml('kubia', { run: 'kubia' }),
    'kubia-manual.yaml': yaml('kubia-manual'),
    'kubia-manual-with-labels.yaml': yaml('kubia-manual-with-labels', { creation_method: 'manual', env: 'prod' }),
  });
  assert.equal((await w.run('create -f kubia.yaml -f kubia-manual.yaml')).stdout, 'pod/kubia created\npod/kubia-manual created\n');
  assert.equal((await w.run('create -f kubia-manual-with-labels.yaml')).stdout, 'pod/kubia-manual-with-labels created\n');

  const shown = await w.run('get po --show-labels');
  assert.match(shown.stdout.split('\n')[0], /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+LABELS$/);
  assert.deepEqual(rows(shown.stdout).map((r) => [r.NAME, r.LABELS]), [['kubia', 'run=kubia'], ['kubia-manual', '<none>'], ['kubia-manual-with-labels', 'creation_method=manual,env=prod']]);
  assert.deepEqual(rows((await w.run('get po -L creation_method,env')).stdout).map((r) => [r.NAME, r.CREATION_METHOD, r.ENV]), [
    ['kubia', '', ''], ['kubia-manual', '', ''], ['kubia-manual-with-labels', 'manual', 'prod'],
  ]);
  assert.deepEqual(rows((await w.run('get pods -l creation_method=manual')).stdout).map((r) => r.NAME), ['kubia-manual-with-labels']);

  assert.equal((await w.run('label po kubia-manual creation_method=manual')).stdout, 'pod/kubia-manual labeled\n');
  assert.deepEqual(rows((await w.run('get pods -l creation_method=manual')).stdout).map((r) => r.NAME), ['kubia-manual', 'kubia-manual-with-labels']);

  const refused = await w.run('label po kubia-manual-with-labels env=debug');
  assert.equal(refused.code, 1);
  assert.equal(refused.stderr, "error: 'env' already has a value (prod), and --overwrite is false\n");
  assert.equal((await w.run('label po kubia-manual-with-labels env=debug --overwrite')).stdout, 'pod/kubia-manual-with-labels labeled\n');
  assert.deepEqual(rows((await w.run('get pods -l env=debug -L creation_method,env')).stdout).map((r) => [r.NAME, r.CREATION_METHOD, r.ENV]), [
    ['kubia-manual-with-labels', 'manual', 'debug'],
  ]);
  assert.deepEqual(rows((await w.run('get po -l !env --show-labels')).stdout).map((r) => [r.NAME, r.LABELS]), [['kubia', 'run=kubia'], ['kubia-manual', 'creation_method=manual']]);

  const deleted = await w.run('delete po -l creation_method=manual');
  assert.equal(deleted.stdout, 'pod "kubia-manual" deleted\npod "kubia-manual-with-labels" deleted\n');
  assert.equal((await w.run('get po -o name')).stdout, 'pod/kubia\n');
  assert.equal((await w.run('delete po -l creation_method=manual')).stdout, 'No resources found\n');
  assert.equal((await w.run('delete po --all')).stdout, 'pod "kubia" deleted\n');
  assert.equal((await w.run('get po')).stderr, 'No resources found in default namespace.\n');
});
