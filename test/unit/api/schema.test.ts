import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { KINDS, kindByName } from '../../../runtime/src/api/kinds';
import { SCHEMA, definition, schemaAt } from '../../../runtime/src/api/schema';

const pod = kindByName('Pod')!;
const rs = kindByName('ReplicaSet')!;
const svc = kindByName('Service')!;

test('the generated schema names its source', () => {
  assert.equal(SCHEMA.source, '@kubernetes/client-node 1.2.0 (Kubernetes 1.33)');
  for (const k of KINDS) assert.equal(SCHEMA.kinds[k.kind], k.schemaRef);
});

test('every kind and its top-level fields have upstream descriptions', () => {
  for (const k of KINDS) {
    const root = schemaAt(k, []);
    assert.ok(root?.description, `${k.kind} has a description`);
    for (const field of ['apiVersion', 'kind', 'metadata', 'spec']) {
      assert.ok(schemaAt(k, [field])?.description, `${k.kind}.${field} has a description`);
    }
  }
});

test('a container image has its description', () => {
  const image = schemaAt(pod, ['spec', 'containers', 0, 'image']);
  assert.equal(image?.type, 'string');
  assert.match(image?.description ?? '', /container image/i);
});

test('paths go through templates, arrays and maps', () => {
  const port = schemaAt(rs, ['spec', 'template', 'spec', 'containers', 0, 'ports', 0]);
  assert.equal(port?.goType, 'ContainerPort');
  assert.deepEqual(port?.required, ['containerPort']);
  assert.equal(port?.properties?.containerPort.type, 'integer');
  assert.equal(port?.properties?.containerPort.format, 'int32');
  assert.equal(schemaAt(pod, ['metadata', 'labels'])?.type, 'map');
  assert.equal(schemaAt(pod, ['metadata', 'labels', 'app'])?.type, 'string');
  assert.equal(schemaAt(pod, ['spec', 'containers', '0', 'name'])?.type, 'string');
});

test('a field typed by a definition falls back to the definition description', () => {
  const affinity = schemaAt(pod, ['spec', 'affinity']);
  assert.equal(affinity?.goType, 'Affinity');
  assert.ok(affinity?.description);
  assert.ok(affinity?.properties?.nodeAffinity);
});

test('unknown fields and wrong segment kinds leave the schema', () => {
  assert.equal(schemaAt(pod, ['spec', 'containers', 0, 'imagePullPolcy']), undefined);
  assert.equal(schemaAt(pod, ['spec', 'containers', 'image']), undefined);
  assert.equal(schemaAt(pod, ['nope', 'deeper']), undefined);
});

test('refinements: int-or-string, quantities, date-time, free-form values', () => {
  assert.equal(schemaAt(svc, ['spec', 'ports', 0, 'targetPort'])?.type, 'int-or-string');
  const limits = schemaAt(pod, ['spec', 'containers', 0, 'resources', 'limits']);
  assert.equal(limits?.type, 'map');
  assert.equal(limits?.goType, 'v1.ResourceList');
  assert.equal(schemaAt(pod, ['spec', 'containers', 0, 'resources', 'limits', 'cpu'])?.type, 'quantity');
  assert.equal(schemaAt(pod, ['spec', 'volumes', 0, 'emptyDir', 'sizeLimit'])?.type, 'quantity');
  assert.equal(schemaAt(pod, ['metadata', 'creationTimestamp'])?.format, 'date-time');
  assert.equal(schemaAt(pod, ['metadata', 'managedFields', 0, 'fieldsV1'])?.type, undefined);
  assert.equal(definition('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta')?.goType, 'ObjectMeta');
  assert.equal(definition('io.k8s.api.apps.v1.ReplicaSetSpec')?.goType, 'ReplicaSetSpec');
  assert.equal(definition('io.k8s.api.batch.v1.JobTemplateSpec')?.goType, 'JobTemplateSpec');
});

test('well-known enum fields list the values the API server accepts', () => {
  const job = kindByName('Job')!;
  const cj = kindByName('CronJob')!;
  const ds = kindByName('DaemonSet')!;
  assert.deepEqual(schemaAt(pod, ['spec', 'restartPolicy'])?.enum, ['Always', 'OnFailure', 'Never']);
  assert.deepEqual(schemaAt(pod, ['spec', 'containers', 0, 'imagePullPolicy'])?.enum, ['Always', 'IfNotPresent', 'Never']);
  assert.deepEqual(schemaAt(pod, ['spec', 'containers', 0, 'ports', 0, 'protocol'])?.enum, ['SCTP', 'TCP', 'UDP']);
  assert.deepEqual(schemaAt(svc, ['spec', 'type'])?.enum, ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']);
  assert.deepEqual(schemaAt(svc, ['spec', 'sessionAffinity'])?.enum, ['ClientIP', 'None']);
  assert.deepEqual(schemaAt(cj, ['spec', 'concurrencyPolicy'])?.enum, ['Allow', 'Forbid', 'Replace']);
  assert.deepEqual(schemaAt(job, ['spec', 'completionMode'])?.enum, ['NonIndexed', 'Indexed']);
  assert.deepEqual(schemaAt(ds, ['spec', 'updateStrategy', 'type'])?.enum, ['RollingUpdate', 'OnDelete']);
  assert.deepEqual(schemaAt(pod, ['spec', 'dnsPolicy'])?.enum, ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']);
});

test('the committed schema is what the generator produces', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/gen-schema.ts', '--check'], {
    cwd: join(__dirname, '../../..'),
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
});
