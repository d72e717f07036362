// Runs every test/bench/*.bench.mjs in turn, each in its own process so one
// benchmark's heap and JIT state cannot colour the next one's figures.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const dir = 'test/bench';
const benches = readdirSync(dir).filter((n) => n.endsWith('.bench.mjs')).sort();
let failed = 0;
for (const name of benches) {
  console.log(`\n## ${name}`);
  const r = spawnSync(process.execPath, [join(dir, name)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
