// Runs before `npm start` and `npm test` (prestart / pretest), so that on a fresh
// clone either command alone does all set-up: when a pinned dependency is missing
// it installs the lockfile's exact tree with `npm ci`. With everything installed it
// costs a few stat calls.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const wanted = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
const missing = wanted.filter((name) => !existsSync(`node_modules/${name}/package.json`));
if (missing.length > 0) {
  console.log(`kubelab: installing dependencies (missing: ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''})`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
