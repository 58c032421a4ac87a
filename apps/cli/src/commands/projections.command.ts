import { loadConfig, projectionReport } from '@pl/application';
import { Command, CommandRunner, Option } from 'nest-commander';
import { UsageError } from '../cli-errors';
import { IN_MEMORY_NOTE, openReadModels } from './rebuild.command';

/** Every projection's version, collection, checkpoint, lag, state and poisoned event, as this process builds them. */
@Command({ name: 'projections', description: 'Show every projection: version, live collection, checkpoint, lag, state, poisoned event' })
export class ProjectionsCommand extends CommandRunner {
  async run(args: string[], options: { readonly json?: boolean }): Promise<void> {
    if (args.length > 0) throw new UsageError(`projections takes no arguments, got "${args.join(' ')}"`);
    const config = loadConfig(process.env, process.cwd());
    const open = await openReadModels(config);
    try {
      const head = await open.stores.events.headPosition();
      const reports = open.runner.snapshot().map((s) => projectionReport(s, head));
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ head, projections: reports })}\n`);
        return;
      }
      if (config.readStore.kind === 'memory') process.stderr.write(`${IN_MEMORY_NOTE.split(';')[0]}; the running API reports its own at GET /api/v1/operations/projections.\n`);
      const width = Math.max(...reports.map((r) => r.name.length));
      const lines = [`head position: ${head}`, ...reports.map((r) =>
        `  ${r.name.padEnd(width)}  v${r.version}  ${r.liveCollection}  checkpoint ${r.checkpoint}  lag ${r.lag}  ${r.state}` +
        (r.poisoned ? `  poisoned at ${r.poisoned.position} (${r.poisoned.type}): ${r.poisoned.error}` : ''))];
      process.stdout.write(`${lines.join('\n')}\n`);
    } finally {
      await open.close();
    }
  }

  @Option({ flags: '--json', description: 'print one JSON object instead of text' })
  parseJson(): boolean {
    return true;
  }
}
