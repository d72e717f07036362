import { test } from 'node:test';
import assert from 'node:assert/strict';
import { behaviourFor, httpAnswer, listens, renderTemplate, dateText, DEFAULT_JOB_RUN_SECONDS } from '../../../runtime/src/cluster/behaviour/index';
import { readCommand } from '../../../runtime/src/cluster/behaviour/commands';
import { imageRepository } from '../../../runtime/src/cluster/behaviour/profiles';

const pod = (annotations?: Record<string, string>, ownerKind?: string) => ({
  metadata: { annotations, ownerReferences: ownerKind ? [{ kind: ownerKind }] : undefined },
});

test('image references reduce to their repository', () => {
  assert.equal(imageRepository('luksa/kubia'), 'luksa/kubia');
  assert.equal(imageRepository('luksa/kubia:v1'), 'luksa/kubia');
  assert.equal(imageRepository('docker.io/library/busybox:1.36'), 'busybox');
  assert.equal(imageRepository('localhost:5000/app@sha256:abc'), 'app');
});

test('luksa/kubia answers "You\'ve hit <host>" on 8080 and runs forever', () => {
  const b = behaviourFor(pod(), { name: 'kubia', image: 'luksa/kubia' });
  assert.equal(b.exit, undefined);
  assert.ok(listens(b, 8080, 0));
  assert.ok(!listens(b, 80, 0));
  const a = httpAnswer(b, 1);
  assert.equal(a.status, 200);
  assert.equal(renderTemplate(a.body ?? '', { hostname: 'kubia-manual', atMs: 0 }), "You've hit kubia-manual\n");
});

test('luksa/kubia-unhealthy fails with 500 from the sixth request on', () => {
  const b = behaviourFor(pod(), { name: 'kubia', image: 'luksa/kubia-unhealthy' });
  assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 100].map((n) => httpAnswer(b, n).status), [200, 200, 200, 200, 200, 500, 500, 500]);
  assert.deepEqual(b.sigterm, { kind: 'ignore' }, 'node as PID 1 ignores SIGTERM, so the kill ends in 137');
});

test('luksa/batch-job runs 120 s and exits 0; ssd-monitor runs forever', () => {
  assert.deepEqual(behaviourFor(pod(), { name: 'main', image: 'luksa/batch-job' }).exit, { afterSeconds: 120, code: 0 });
  assert.equal(behaviourFor(pod(), { name: 'main', image: 'luksa/ssd-monitor' }).exit, undefined);
});

test('busybox without a command exits 0 at once; with sleep it runs that long', () => {
  assert.deepEqual(behaviourFor(pod(), { name: 'b', image: 'busybox' }).exit, { afterSeconds: 0, code: 0 });
  assert.deepEqual(behaviourFor(pod(), { name: 'b', image: 'busybox', command: ['sleep', '3600'] }).exit, { afterSeconds: 3600, code: 0 });
  assert.deepEqual(behaviourFor(pod(), { name: 'b', image: 'busybox', args: ['sleep', '5'] }).exit, { afterSeconds: 5, code: 0 });
});

test('unknown images serve forever, but as Job pods run a short while and succeed', () => {
  assert.equal(behaviourFor(pod(), { name: 'n', image: 'nginx' }).exit, undefined);
  assert.deepEqual(behaviourFor(pod(undefined, 'Job'), { name: 'n', image: 'perl' }).exit, { afterSeconds: DEFAULT_JOB_RUN_SECONDS, code: 0 });
});

test('shell scripts are read for sleeps, echoes and exit codes', () => {
  const r = readCommand(['sh', '-c', 'echo "hello world"; sleep 2 && echo done; exit 3']);
  assert.deepEqual(r.exit, { afterSeconds: 2, code: 3 });
  assert.deepEqual(r.logs, [{ atSeconds: 0, text: 'hello world' }, { atSeconds: 2, text: 'done' }]);
  assert.deepEqual(readCommand(['false']).exit, { afterSeconds: 0, code: 1 });
  assert.deepEqual(readCommand(['sh', '-c', 'false || echo recovered']).exit, { afterSeconds: 0, code: 0 });
  assert.deepEqual(readCommand(['sh', '-c', 'false && sleep 9']).exit, { afterSeconds: 0, code: 1 });
  assert.equal(readCommand(['sh', '-c', 'while true; do echo hi; sleep 1; done']).exit, undefined);
  assert.equal(readCommand(['sleep', 'infinity']).exit, undefined);
  assert.deepEqual(readCommand(['sleep', '2m']).exit, { afterSeconds: 120, code: 0 });
});

test('annotations override the profile, the container-scoped one winning', () => {
  const b = behaviourFor(
    pod({ 'kubelab.io/behaviour-exit-code': '2', 'kubelab.io/behaviour-run-seconds': '30', 'kubelab.io/behaviour-exit-code.web': '7', 'kubelab.io/behaviour-http': '200*2,503' }),
    { name: 'web', image: 'luksa/kubia' },
  );
  assert.deepEqual(b.exit, { afterSeconds: 30, code: 7 });
  assert.deepEqual([1, 2, 3].map((n) => httpAnswer(b, n).status), [200, 200, 503]);
  const bad = behaviourFor(pod({ 'kubelab.io/behaviour-run-seconds': 'soon' }), { name: 'web', image: 'luksa/kubia' });
  assert.equal(bad.exit, undefined, 'a malformed override is ignored');
  assert.deepEqual(behaviourFor(pod({ 'kubelab.io/behaviour-sigterm': 'ignore' }), { name: 'x', image: 'nginx' }).sigterm, { kind: 'ignore' });
});

test('date template renders like the date command', () => {
  assert.equal(dateText(Date.UTC(2016, 3, 29, 9, 58, 22)), 'Fri Apr 29 09:58:22 UTC 2016');
});
