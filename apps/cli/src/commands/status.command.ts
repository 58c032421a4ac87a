import { AppConfig, closeStores, loadConfig, openStores } from '@pl/application';
import { Command, CommandRunner, Option } from 'nest-commander';
import { UsageError } from '../cli-errors';

const BATCH_SIZE = 1000;

/** What `status` reports, also its `--json` shape. */
export interface StatusReport {
  readonly dataDir: string;
  /** The adapter kind: sqlite (embedded default) or kurrentdb. */
  readonly eventStore: string;
  readonly headPosition: number;
  readonly eventCount: number;
  readonly eventsByType: Readonly<Record<string, number>>;
}

/** Reports the event log's head and how many events of each type it holds. */
@Command({ name: 'status', description: 'Show the event store head position and event counts by type' })
export class StatusCommand extends CommandRunner {
  async run(args: string[], options: { readonly json?: boolean }): Promise<void> {
    if (args.length > 0) throw new UsageError(`status takes no arguments, got "${args.join(' ')}"`);
    const config = loadConfig(process.env, process.cwd());
    const report = await readStatus(config);
    process.stdout.write(options.json ? `${JSON.stringify(report)}\n` : formatStatus(report, describeStore(config)));
  }

  @Option({ flags: '--json', description: 'print one JSON object instead of text' })
  parseJson(): boolean {
    return true;
  }
}

/** Opens the configured stores, reads the whole log once and closes them again. */
export async function readStatus(config: AppConfig): Promise<StatusReport> {
  const stores = await openStores(config);
  try {
    // Head first: events appended while counting are then not in the count or the head.
    const headPosition = await stores.events.headPosition();
    const counts = new Map<string, number>();
    let eventCount = 0;
    for await (const batch of stores.events.readAll({ batchSize: BATCH_SIZE, until: headPosition })) {
      for (const event of batch) counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
      eventCount += batch.length;
    }
    const eventsByType = Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));
    return { dataDir: config.dataDir, eventStore: config.eventStore.kind, headPosition, eventCount, eventsByType };
  } finally {
    await closeStores(stores);
  }
}

function describeStore(config: AppConfig): string {
  return config.eventStore.kind === 'sqlite' ? `sqlite (${config.eventStore.file})` : 'kurrentdb';
}

function formatStatus(report: StatusReport, store: string): string {
  const types = Object.entries(report.eventsByType);
  const width = Math.max(0, ...types.map(([type]) => type.length));
  const lines = [
    `data folder:   ${report.dataDir}`,
    `event store:   ${store}`,
    `head position: ${report.headPosition}`,
    `events:        ${report.eventCount}`,
    ...types.map(([type, count]) => `  ${type.padEnd(width)}  ${count}`),
  ];
  return `${lines.join('\n')}\n`;
}
