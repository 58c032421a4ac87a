import { ChildProcess, spawn } from 'node:child_process';
import { buildApp, projectRoot as root } from './build-app';

/** Builds the CLI once if its output is stale; returns its main file. */
export const buildCli = (): string => buildApp('cli');

/** How a CLI process ended: its exit code, or the signal that ended it. */
export interface CliExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The built CLI running as a separate process, as operators run it. */
export interface CliProcess {
  readonly child: ChildProcess;
  /** Resolves when the process has ended, however it ended. */
  readonly exited: Promise<CliExit>;
  output(): string;
}

/** Starts the CLI with `args`; the environment is this process's with `env` over it. */
export function startCli(main: string, args: readonly string[], env: Record<string, string>): CliProcess {
  const child = spawn(process.execPath, [main, ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => { stdout += String(d); });
  child.stderr?.on('data', (d) => { stderr += String(d); });
  const exited = new Promise<CliExit>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, exited, output: () => `${stdout}${stderr}` };
}
