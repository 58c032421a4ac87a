import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { CommandRunner, InjectCommander } from 'nest-commander';

/** The commander instance nest-commander builds (its own copy of commander). */
type Program = Parameters<CommandRunner['setCommand']>[0];

const ROOT_HELP = `
Configuration comes from the environment, as for the API (DATA_DIR, default ./data; EVENT_STORE; AUTH_MODE).

Exit codes: 0 success, 1 failure, 2 bad usage or invalid input, 3 import rows refused, 4 tampering found.
Run "npm run cli -- <command> --help" for a command's options.`;

/**
 * Names the program and makes every command throw instead of exiting, so `main` alone
 * decides exit codes. Runs after nest-commander has registered the commands.
 */
@Injectable()
export class ProgramSetup implements OnApplicationBootstrap {
  constructor(@InjectCommander() private readonly program: Program) {}

  onApplicationBootstrap(): void {
    this.program
      .name('npm run cli --')
      .description('Poverty Ledger command line for operators and auditors.')
      .addHelpText('after', ROOT_HELP);
    // Subcommands added with addCommand do not inherit exitOverride, so set it on each.
    const visit = (command: Program): void => {
      command.exitOverride((error) => { throw error; });
      command.commands.forEach(visit);
    };
    visit(this.program);
  }
}
