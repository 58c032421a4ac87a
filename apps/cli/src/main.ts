import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli.module';
import { describeFailure, EXIT_OK } from './cli-errors';

async function main(): Promise<number> {
  try {
    await CommandFactory.run(CliModule, {
      logger: false,
      // Rethrow so every failure, parse errors included, reaches the one mapping below.
      serviceErrorHandler: (error) => { throw error; },
    });
    return EXIT_OK;
  } catch (error) {
    const { exitCode, line } = describeFailure(error);
    if (line) process.stderr.write(`${line}\n`);
    return exitCode;
  }
}

void main().then((code) => { process.exitCode = code; });
