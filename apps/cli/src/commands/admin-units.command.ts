import { userInfo } from 'node:os';
import { UnitDirectory, closeStores, loadConfig, openStores, recordReorganisations } from '@pl/application';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { UsageError } from '../cli-errors';

/** Records the catalogue's reorganisations (merges, splits, renames, the end of districts) as events. */
@SubCommand({ name: 'record', description: 'Record every reorganisation of the unit catalogue (ADMIN_UNITS_FILE) on the admin-units stream; already recorded ones are left as they are' })
export class AdminUnitsRecordCommand extends CommandRunner {
  async run(args: string[], options: { readonly as?: string; readonly json?: boolean }): Promise<void> {
    if (args.length > 0) throw new UsageError(`admin-units record takes no arguments, got "${args.join(' ')}"`);
    const config = loadConfig(process.env, process.cwd());
    const units = UnitDirectory.load(config);
    const stores = await openStores(config);
    try {
      const result = await recordReorganisations(stores.events, units, { id: options.as ?? `cli:${userInfo().username}`, role: 'administrator' });
      process.stdout.write(options.json
        ? `${JSON.stringify(result)}\n`
        : `recorded ${result.recorded} reorganisation(s), ${result.alreadyRecorded} already recorded, from ${config.adminUnitsFile}\n`);
    } finally {
      await closeStores(stores);
    }
  }

  @Option({ flags: '--as <subject>', description: 'who records, kept as the actor (default cli:<user>)' })
  parseAs(value: string): string {
    return value;
  }

  @Option({ flags: '--json', description: 'print one JSON object' })
  parseJson(): boolean {
    return true;
  }
}

/** Administrative units: record the catalogue's reorganisations as events. */
@Command({ name: 'admin-units', description: 'Administrative units: record (the catalogue\'s reorganisations as events)', subCommands: [AdminUnitsRecordCommand] })
export class AdminUnitsCommand extends CommandRunner {
  async run(args: string[]): Promise<void> {
    throw new UsageError(args.length ? `unknown admin-units command "${args[0]}"; expected record` : 'admin-units needs a command: record');
  }
}
