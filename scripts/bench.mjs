// `npm run bench:<name> -- [args]`: runs test/bench/<name>.bench.ts straight from the sources
// (see docs/benchmarks.md). Extra node flags, e.g. --cpu-prof, go in NODE_BENCH_FLAGS.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [name, ...args] = process.argv.slice(2);
const file = name && join(root, 'test/bench', `${name}.bench.ts`);
if (!file || !existsSync(file)) {
  console.error(`usage: node scripts/bench.mjs <name> [args]; <name>.bench.ts not found in test/bench`);
  process.exit(2);
}

const extra = (process.env.NODE_BENCH_FLAGS ?? '').split(/\s+/).filter(Boolean);
const result = spawnSync(
  process.execPath,
  ['--disable-warning=ExperimentalWarning', '--enable-source-maps', ...extra, '--require', join(root, 'scripts/ts-run.cjs'), file, ...args],
  { cwd: root, stdio: 'inherit' },
);
if (result.error) throw result.error;
process.exit(result.status ?? (result.signal ? 1 : 0));
