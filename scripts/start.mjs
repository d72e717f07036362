// `npm start`: until the VS Code views land, the product a person can run from a
// fresh clone is the validator over the bundled examples. Findings are the point
// of the demo, so exit 1 ("errors were found") is success here; only a usage or
// internal failure (2, 3) fails the command.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const r = spawnSync(process.execPath, ['dist/cli.js', 'validate', ...(args.length ? args : ['examples/'])], { stdio: 'inherit' });
if (r.status === 0 || r.status === 1) {
  console.log('\nkubelab: validated with the Kubernetes 1.33 rules. Try `node dist/cli.js validate --format json <file>`,');
  console.log('or the simulated cluster: `node dist/cli.js apply -f examples/seeds/kubia-manual.yaml && node dist/cli.js get pods`.');
  process.exit(0);
}
process.exit(r.status ?? 1);
