// Child process of crash.test.ts: applies and deletes pods through the real CLI
// code path in a loop, echoing kubectl's success lines (printed only after the
// state is durable) until it is killed.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../runtime/src/cli/main';

const [stateDir, workDir, tag] = process.argv.slice(2);
const io = {
  stdout: (s: string) => process.stdout.write(s),
  stderr: (s: string) => process.stderr.write(s),
  stdin: async () => '',
  cwd: workDir,
};

const manifest = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: c\n    image: luksa/kubia\n`;

async function loop(): Promise<void> {
  for (let i = 0; ; i++) {
    const name = `p-${tag}-${i}`;
    const file = join(workDir, `${tag}.yaml`);
    writeFileSync(file, manifest(name));
    await main(['apply', '-f', file, '--state', stateDir], io);
    if (i % 3 === 2) await main(['delete', 'pod', `p-${tag}-${i - 2}`, '--state', stateDir], io);
  }
}

void loop();
