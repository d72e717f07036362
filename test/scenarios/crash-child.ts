// Child process of crash.test.ts: applies and deletes objects through the CLI's
// command table (what `kubelab apply` / `kubelab delete` run) in a loop,
// echoing kubectl's success lines — printed only after the state is durable —
// until it is killed. Object i is applied, then object i-2 deleted, so each
// child leaves its last two objects behind.
//
// argv: STATE_DIR WORK_DIR TAG KIND, KIND being `pod` (admission decodes and
// validates, scheduler and kubelets react) or `endpoints` (a kind the cluster
// serves without the manifest schema: the cheap start-up most kills use).

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clusterCommands } from '../../runtime/src/cli/cluster';

const [stateDir, workDir, tag, kind] = process.argv.slice(2);
const io = {
  stdout: (s: string) => process.stdout.write(s),
  stderr: (s: string) => process.stderr.write(s),
  stdin: async () => '',
  cwd: workDir,
};

const MANIFESTS: Record<string, (name: string) => string> = {
  pod: (name) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: c\n    image: luksa/kubia\n`,
  endpoints: (name) => `apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: ${name}\nsubsets:\n- addresses:\n  - ip: 10.0.0.1\n  ports:\n  - port: 80\n`,
};

async function loop(): Promise<void> {
  const file = join(workDir, `${tag}.yaml`);
  for (let i = 0; ; i++) {
    writeFileSync(file, MANIFESTS[kind](`p-${tag}-${i}`));
    await clusterCommands.apply(['-f', file, '--state', stateDir], io);
    if (i >= 2) await clusterCommands.delete([kind, `p-${tag}-${i - 2}`, '--state', stateDir], io);
  }
}

void loop();
