import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The repository's root: where the built apps run from, as operators run them. */
export const projectRoot = join(__dirname, '..', '..');

/** Builds an app once if its output is stale (the step `npm start` and `npm run cli` take); returns its main file. */
export function buildApp(app: 'api' | 'cli' | 'projector'): string {
  const script = `import { buildIfStale } from '${join(projectRoot, 'scripts', 'build-if-stale.mjs')}'; console.log(buildIfStale('${app}'));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: projectRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`build failed: ${result.stderr}`);
  return result.stdout.trim().split('\n').pop() as string;
}
