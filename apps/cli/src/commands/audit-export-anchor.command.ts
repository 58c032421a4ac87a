import { writeFile } from 'node:fs/promises';
import { closeStores, loadConfig, openStores } from '@pl/application';
import { ANCHOR_STREAM, LOG_HASH_ALGORITHM, LogAnchored, latestAnchor } from '@pl/event-store';
import { CommandRunner, Option, SubCommand } from 'nest-commander';
import { UsageError } from '../cli-errors';

/** An anchor as kept outside the log, with what it takes to recompute it. */
export interface ExportedAnchor extends LogAnchored {
  readonly stream: string;
  readonly algorithm: string;
}

/** Writes the latest anchor to a file (or stdout), to keep apart from the log and verify a copy against later. */
@SubCommand({ name: 'export-anchor', description: 'Export the latest anchor (position, log hash, event count, algorithm) as JSON' })
export class AuditExportAnchorCommand extends CommandRunner {
  async run(args: string[], options: { readonly out?: string }): Promise<void> {
    if (args.length > 0) throw new UsageError(`audit export-anchor takes no arguments, got "${args.join(' ')}"`);
    const stores = await openStores(loadConfig(process.env, process.cwd()));
    try {
      const { anchor } = await latestAnchor(stores.events);
      if (!anchor) throw new Error('the log has no anchor yet; run "audit anchor" first');
      const exported: ExportedAnchor = { ...anchor, stream: ANCHOR_STREAM, algorithm: LOG_HASH_ALGORITHM };
      const text = `${JSON.stringify(exported, null, 2)}\n`;
      if (options.out) {
        await writeFile(options.out, text, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => { throw new UsageError(`cannot write ${options.out}: ${error.code ?? error.message}`); });
        process.stdout.write(`anchor through position ${anchor.position} (${anchor.eventCount} events) written to ${options.out}\n`);
      } else {
        process.stdout.write(text);
      }
    } finally {
      await closeStores(stores);
    }
  }

  @Option({ flags: '--out <file>', description: 'write to this file (never overwritten) instead of stdout' })
  parseOut(value: string): string {
    return value;
  }
}
