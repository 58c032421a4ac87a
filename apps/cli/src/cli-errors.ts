import { ConfigError } from '@pl/application';
import { DomainError } from '@pl/domain';

/** Exit codes scripts can rely on. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** The command line was understood but its values are wrong: exit 2, no stack. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** What commander throws through `exitOverride`; it has already printed its own message. */
interface CommanderFailure {
  readonly code: string;
  readonly exitCode: number;
}

function isCommanderFailure(error: unknown): error is CommanderFailure {
  const { code, exitCode } = (error ?? {}) as Partial<CommanderFailure>;
  return error instanceof Error && typeof code === 'string' && code.startsWith('commander.') && typeof exitCode === 'number';
}

/** The exit code for a failure and the one line to print for it (`undefined` when already printed). */
export function describeFailure(error: unknown): { readonly exitCode: number; readonly line?: string } {
  // Help, version and parse errors: commander wrote them; only the code is ours to choose.
  if (isCommanderFailure(error)) return { exitCode: error.exitCode === 0 ? EXIT_OK : EXIT_USAGE };
  if (error instanceof UsageError) return { exitCode: EXIT_USAGE, line: `error: ${error.message}` };
  if (error instanceof ConfigError) return { exitCode: EXIT_USAGE, line: `error: invalid configuration: ${error.problems.join('; ')}` };
  if (error instanceof DomainError) {
    return { exitCode: error.kind === 'invalid' ? EXIT_USAGE : EXIT_FAILURE, line: `error: ${error.message} (${error.code})` };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { exitCode: EXIT_FAILURE, line: `error: ${message.split('\n')[0]}` };
}
