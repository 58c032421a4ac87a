// Builds an app with `nest build` when its output is missing or older than any source file,
// so `npm start` works straight after `npm ci` and stays fast afterwards.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export function buildIfStale(app) {
  const main = join(root, 'dist', 'apps', app, 'apps', app, 'src', 'main.js');
  const sources = Math.max(newestSource(join(root, 'apps', app)), newestSource(join(root, 'libs')));
  if (existsSync(main) && statSync(main).mtimeMs >= sources) return main;
  process.stderr.write(`building ${app}...\n`);
  const result = spawnSync(process.execPath, [join(root, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js'), 'build', app], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  if (!existsSync(main)) { process.stderr.write(`build of ${app} produced no ${main}\n`); process.exit(1); }
  return main;
}

/** Runs a built app in this process's place: signals go to it, its exit code is ours. */
export async function runApp(app, args = []) {
  const main = buildIfStale(app);
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, ['--enable-source-maps', main, ...args], { cwd: process.cwd(), stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
}
