// defaultForCreate is the create path's defaulting then PrepareForCreate on one copy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyDefaults, defaultForCreate, prepareForCreate } from '../../../runtime/src/api/defaults';

const template = { metadata: { labels: { app: 'batch-job' } }, spec: { restartPolicy: 'OnFailure', containers: [{ name: 'main', image: 'luksa/batch-job' }] } };
const OBJECTS: Record<string, unknown> = {
  Job: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'batch-job' }, spec: { template } },
  ReplicaSet: { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'kubia' }, spec: { selector: { matchLabels: { app: 'batch-job' } }, template } },
  Service: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubia' }, spec: { clusterIP: 'None', ports: [{ port: 80 }] } },
  'an unserved kind': { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' } },
  'a scalar': 'not an object',
};

for (const [what, obj] of Object.entries(OBJECTS)) {
  test(`defaultForCreate equals prepareForCreate(applyDefaults(...)) and leaves its input alone: ${what}`, () => {
    const before = structuredClone(obj);
    const out = defaultForCreate(obj, { uid: 'u-1' });
    assert.deepEqual(out, prepareForCreate(applyDefaults(obj), { uid: 'u-1' }));
    assert.deepEqual(obj, before);
    if (typeof obj === 'object') assert.notEqual(out, obj);
  });
}
