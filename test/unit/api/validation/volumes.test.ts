import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type FieldError, renderFieldError } from '../../../../runtime/src/api/field';
import { validateVolumeMounts, validateVolumes, volumeWarnings } from '../../../../runtime/src/api/validation/volumes';

const V = 'spec.volumes';
const render = (errs: FieldError[]) => errs.map((e) => renderFieldError(e));

test('the book volumes (emptyDir, gitRepo, hostPath, configMap, secret, PVC) pass and are registered', () => {
  const volumes = [
    { name: 'html', emptyDir: {} },
    { name: 'repo', gitRepo: { repository: 'https://github.com/luksa/kubia-website-example.git', revision: 'master', directory: '.' } },
    { name: 'logs', hostPath: { path: '/var/log', type: '' } },
    { name: 'config', configMap: { name: 'fortune-config', defaultMode: 420, items: [{ key: 'my-nginx-config.conf', path: 'gzip.conf' }] } },
    { name: 'certs', secret: { secretName: 'fortune-https', defaultMode: 420 } },
    { name: 'db', persistentVolumeClaim: { claimName: 'mongodb-pvc' } },
  ];
  const { names, errors } = validateVolumes(volumes, V);
  assert.deepEqual(errors, []);
  assert.deepEqual([...names], ['html', 'repo', 'logs', 'config', 'certs', 'db']);
});

test('names: Required, DNS-1123 label, Duplicate; invalid volumes are not registered', () => {
  const { names, errors } = validateVolumes([{ emptyDir: {} }, { name: 'My_Vol', emptyDir: {} }, { name: 'a', emptyDir: {} }, { name: 'a', emptyDir: {} }], V);
  assert.deepEqual(
    errors.map((e) => [e.path, e.type]),
    [
      ['spec.volumes[0].name', 'Required'],
      ['spec.volumes[1].name', 'Invalid'],
      ['spec.volumes[3].name', 'Duplicate'],
    ],
  );
  assert.deepEqual([...names], ['a']);
  assert.ok(errors.every((e) => e.rule === 'volumes'));
});

test('a second source is Forbidden on the later one, with upstream path spellings', () => {
  const { errors } = validateVolumes([{ name: 'a', secret: { secretName: 's' }, emptyDir: {} }, { name: 'b', emptyDir: {}, downwardAPI: {} }], V);
  assert.deepEqual(render(errors), [
    'spec.volumes[0].secret: Forbidden: may not specify more than 1 volume type',
    'spec.volumes[1].downwarAPI: Forbidden: may not specify more than 1 volume type',
  ]);
});

test('per-source Required fields', () => {
  const { errors } = validateVolumes(
    [
      { name: 'a', secret: {} },
      { name: 'b', configMap: {} },
      { name: 'c', persistentVolumeClaim: {} },
      { name: 'd', hostPath: {} },
      { name: 'e', nfs: { path: 'exports' } },
    ],
    V,
  );
  assert.deepEqual(render(errors), [
    'spec.volumes[0].secret.secretName: Required value',
    'spec.volumes[1].configMap.name: Required value',
    'spec.volumes[2].persistentVolumeClaim.claimName: Required value',
    'spec.volumes[3].hostPath.path: Required value',
    'spec.volumes[4].nfs.server: Required value',
    'spec.volumes[4].nfs.path: Invalid value: "exports": must be an absolute path',
  ]);
});

test('modes outside 0..0777 are Invalid, printed in decimal as the API saw them', () => {
  const { errors } = validateVolumes([{ name: 'a', secret: { secretName: 's', defaultMode: 512, items: [{ key: 'k', path: 'p', mode: -1 }] } }], V);
  assert.deepEqual(render(errors), [
    'spec.volumes[0].secret.defaultMode: Invalid value: 512: must be a number between 0 and 0777 (octal), both inclusive',
    'spec.volumes[0].secret.items[0].mode: Invalid value: -1: must be a number between 0 and 0777 (octal), both inclusive',
  ]);
});

test('projected item paths must be relative and not reserved', () => {
  const { errors } = validateVolumes([{ name: 'a', configMap: { name: 'c', items: [{ key: 'k', path: '/etc/x' }, { key: 'k', path: '..data' }] } }], V);
  assert.deepEqual(render(errors), [
    'spec.volumes[0].configMap.items[0].path: Invalid value: "/etc/x": must be a relative path',
    `spec.volumes[0].configMap.items[1].path: Invalid value: "..data": must not start with '..'`,
  ]);
});

test('a source-less volume (unreachable after defaulting) needs a type', () => {
  assert.deepEqual(render(validateVolumes([{ name: 'a' }], V).errors), ['spec.volumes[0]: Required value: must specify a volume type']);
});

test('mounts: unknown volume is NotFound, mountPath Required and unique', () => {
  const M = 'spec.containers[0].volumeMounts';
  const errs = validateVolumeMounts(
    [
      { name: 'data', mountPath: '/data' },
      { name: 'html', mountPath: '/data' },
      { name: '', mountPath: '' },
    ],
    new Set(['html']),
    M,
    false,
  );
  assert.deepEqual(render(errs), [
    'spec.containers[0].volumeMounts[0].name: Not found: "data"',
    'spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/data": must be unique',
    'spec.containers[0].volumeMounts[2].name: Required value',
    'spec.containers[0].volumeMounts[2].name: Not found: ""',
    'spec.containers[0].volumeMounts[2].mountPath: Required value',
  ]);
});

test('subPath rules report at volumeMounts.subPath without the index (upstream quirk)', () => {
  const M = 'spec.containers[0].volumeMounts';
  const vols = new Set(['html']);
  assert.deepEqual(render(validateVolumeMounts([{ name: 'html', mountPath: '/a', subPath: '../etc' }], vols, M, false)), [
    `spec.containers[0].volumeMounts.subPath: Invalid value: "../etc": must not contain '..'`,
  ]);
  assert.deepEqual(render(validateVolumeMounts([{ name: 'html', mountPath: '/a', subPath: '/abs' }], vols, M, false)), [
    'spec.containers[0].volumeMounts.subPath: Invalid value: "/abs": must be a relative path',
  ]);
  assert.deepEqual(render(validateVolumeMounts([{ name: 'html', mountPath: '/a', subPath: 'x', subPathExpr: '$(POD)' }], vols, M, false)), [
    'spec.containers[0].volumeMounts[0].subPathExpr: Invalid value: "$(POD)": subPathExpr and subPath are mutually exclusive',
  ]);
});

test('deprecated plugins are accepted with a warning', () => {
  const warnings = volumeWarnings([{ name: 'repo', gitRepo: { repository: 'r' } }], V);
  assert.deepEqual(warnings.map((e) => renderFieldError(e)), ['spec.volumes[0].gitRepo: deprecated in v1.11']);
  assert.equal(warnings[0].warning, true);
});
