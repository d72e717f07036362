// The seeds' manifests as the tests use them: read from examples/seeds/, the one
// copy in the repository (test/cli/examples.test.ts checks their verdicts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SEEDS = join(__dirname, '..', 'examples', 'seeds');

/** The text of `examples/seeds/<name>.yaml`. */
export function seedManifest(name: string): string {
  return readFileSync(join(SEEDS, `${name}.yaml`), 'utf8');
}
