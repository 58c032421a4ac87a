import { ChildProcess, spawn } from 'node:child_process';
import { buildApp, projectRoot as root } from './build-app';

/** Builds the API once if its output is stale; returns its main file. */
export const buildApi = (): string => buildApp('api');

/** The API as a separate process, as operators run it. */
export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  output(): string;
}

export async function startServer(main: string, env: Record<string, string>, port: number): Promise<ServerProcess> {
  const child = spawn(process.execPath, [main], { cwd: root, env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => { output += String(d); });
  child.stderr?.on('data', (d) => { output += String(d); });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${output}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return { child, url, output: () => output };
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not answer /health within 60 s: ${output}`);
}

export function freePort(): number {
  return 20000 + Math.floor(Math.random() * 20000);
}
