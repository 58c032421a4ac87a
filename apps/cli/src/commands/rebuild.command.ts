import { AppConfig, Stores, UnitDirectory, closeStores, loadConfig, openStores, projectionsOf } from '@pl/application';
import { CollectionDiff, ProjectionRunner, ReadModels, RebuildRecord, RebuildService } from '@pl/projections';
import { SingleBar } from 'cli-progress';
import { Command, CommandRunner, Option } from 'nest-commander';
import { UsageError } from '../cli-errors';

/** The configured stores with the read models caught up, as a process of the product sees them. */
export interface OpenReadModels {
  readonly stores: Stores;
  readonly runner: ProjectionRunner;
  readonly rebuilds: RebuildService;
  close(): Promise<void>;
}

/** Opens the stores and brings every read model up to the head of the log. */
export async function openReadModels(config: AppConfig): Promise<OpenReadModels> {
  const units = UnitDirectory.load(config);
  const stores = await openStores(config);
  const runner = new ProjectionRunner(stores.events, stores.readModels, projectionsOf(units), { followAliases: true });
  await runner.start();
  const rebuilds = new RebuildService(stores.readModels, stores.events, runner, new ReadModels(stores.readModels), projectionsOf(units), { now: () => new Date(), batchSize: config.rebuildBatchSize });
  return {
    stores, runner, rebuilds,
    close: async () => {
      await rebuilds.close();
      await runner.stop();
      await closeStores(stores);
    },
  };
}

/** The note every rebuild in this process prints when the read models live only in its memory. */
export const IN_MEMORY_NOTE = 'note: READ_STORE=memory: this process built its own read models; the running API keeps its own, so this rebuild only verifies the projection and reports the diff. Rebuild a running API with POST /api/v1/operations/rebuilds.';

/** Rebuilds a projection beside its live collection, reports the diff, and switches with --switch. */
@Command({ name: 'rebuild', arguments: '<projection>', description: 'Rebuild a projection into a new collection, compare it with the live one, and switch with --switch' })
export class RebuildCommand extends CommandRunner {
  async run(args: string[], options: { readonly switch?: boolean; readonly toVersion?: number; readonly json?: boolean }): Promise<void> {
    if (args.length !== 1) throw new UsageError('rebuild takes one projection name, e.g. rebuild household-registry');
    const config = loadConfig(process.env, process.cwd());
    const inMemory = config.readStore.kind === 'memory';
    if (inMemory && !options.json) process.stderr.write(`${IN_MEMORY_NOTE}\n`);
    const open = await openReadModels(config);
    try {
      const started = await open.rebuilds.start(args[0], { autoSwitch: options.switch ?? false, ...(options.toVersion ? { toVersion: options.toVersion } : {}) });
      const bar = options.json ? undefined : new SingleBar({ stream: process.stderr, format: `rebuilding ${started._id} [{bar}] {value}/{total} events | {rate} events/s | {eta}s left` });
      bar?.start(Math.max(1, started.progress.total), 0, { rate: 0 });
      open.rebuilds.progress(started._id).subscribe((p) => { bar?.setTotal(Math.max(1, p.total)); bar?.update(p.done, { rate: p.eventsPerSecond }); });
      const settled = await open.rebuilds.whenSettled(started._id);
      bar?.stop();
      process.stdout.write(options.json ? `${JSON.stringify({ ...settled, inMemory })}\n` : formatRebuild(settled, inMemory));
      if (settled.state === 'failed') process.exitCode = 1;
    } finally {
      await open.close();
    }
  }

  @Option({ flags: '--switch', description: 'make the rebuilt collection live once it has caught up' })
  parseSwitch(): boolean {
    return true;
  }

  @Option({ flags: '--to-version <n>', description: 'another version of the projection the code knows' })
  parseToVersion(value: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`--to-version must be a whole number from 1, got "${value}"`);
    return n;
  }

  @Option({ flags: '--json', description: 'print the rebuild record as one JSON object' })
  parseJson(): boolean {
    return true;
  }
}

function formatRebuild(record: RebuildRecord, inMemory: boolean): string {
  const lines = [
    `rebuild:    ${record._id} (${record.projection} v${record.toVersion})`,
    `state:      ${record.state}${record.error ? ` (${record.error})` : ''}`,
    `events:     ${record.progress.done} of ${record.progress.total} at ${record.progress.eventsPerSecond} events/s`,
    ...(record.diff ? formatDiff(record.diff) : []),
  ];
  if (inMemory) lines.push('not switched in the API: the in-memory read models of this process end with it.');
  return `${lines.join('\n')}\n`;
}

function formatDiff(diff: CollectionDiff): string[] {
  const more = (shown: readonly string[], count: number) => (count > shown.length ? ` (+${count - shown.length} more)` : '');
  return [
    `live:       ${diff.liveCollection} (${diff.liveCount} documents)`,
    `rebuilt:    ${diff.rebuiltCollection} (${diff.rebuiltCount} documents)`,
    diff.identical ? 'diff:       none, the same documents' : 'diff:',
    ...(diff.onlyInLiveCount ? [`  only live:    ${diff.onlyInLive.join(', ')}${more(diff.onlyInLive, diff.onlyInLiveCount)}`] : []),
    ...(diff.onlyInRebuiltCount ? [`  only rebuilt: ${diff.onlyInRebuilt.join(', ')}${more(diff.onlyInRebuilt, diff.onlyInRebuiltCount)}`] : []),
    ...(diff.differingCount ? [`  differing:    ${diff.differing.join(', ')}${more(diff.differing, diff.differingCount)}`] : []),
  ];
}
