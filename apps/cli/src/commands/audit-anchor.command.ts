import { userInfo } from 'node:os';
import { anchorLog, closeStores, loadConfig, openStores } from '@pl/application';
import { CommandRunner, Option, SubCommand } from 'nest-commander';
import { UsageError } from '../cli-errors';

/** Appends an anchor of the whole log at its current head to `audit-anchors`. */
@SubCommand({ name: 'anchor', description: 'Anchor the event log at its current head (running log hash, stored in audit-anchors)' })
export class AuditAnchorCommand extends CommandRunner {
  async run(args: string[], options: { readonly as?: string; readonly json?: boolean }): Promise<void> {
    if (args.length > 0) throw new UsageError(`audit anchor takes no arguments, got "${args.join(' ')}"`);
    const stores = await openStores(loadConfig(process.env, process.cwd()));
    try {
      const { anchor, anchorPosition } = await anchorLog(stores.events, { id: options.as ?? `cli:${userInfo().username}`, role: 'operator' });
      process.stdout.write(options.json
        ? `${JSON.stringify({ ...anchor, anchorPosition })}\n`
        : `anchored ${anchor.eventCount} events through position ${anchor.position}: log hash ${anchor.logHash} (anchor stored at position ${anchorPosition})\n`);
    } finally {
      await closeStores(stores);
    }
  }

  @Option({ flags: '--as <subject>', description: 'who anchors, recorded as the actor (default cli:<user>)' })
  parseAs(value: string): string {
    return value;
  }

  @Option({ flags: '--json', description: 'print the anchor as one JSON object' })
  parseJson(): boolean {
    return true;
  }
}
