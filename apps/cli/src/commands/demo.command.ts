import { DemoSummary, loadConfig, loadDemo } from '@pl/application';
import { Command, CommandRunner, Help, Option } from 'nest-commander';
import { UsageError } from '../cli-errors';

interface DemoCommandOptions {
  readonly households: number;
  readonly json?: boolean;
}

const MAX_HOUSEHOLDS = 50_000;

/** Loads a synthetic district (Thanh Sơn, Phú Thọ; review years 2021-2026) so a new installation shows a living registry. */
@Command({ name: 'demo', description: 'Load a synthetic district with reviews 2021-2026 into DATA_DIR (re-running appends nothing)' })
export class DemoCommand extends CommandRunner {
  async run(args: string[], options: DemoCommandOptions): Promise<void> {
    if (args.length > 0) throw new UsageError(`demo takes no arguments, got "${args.join(' ')}"`);
    if (!Number.isInteger(options.households) || options.households < 1 || options.households > MAX_HOUSEHOLDS) {
      throw new UsageError(`--households must be a whole number from 1 to ${MAX_HOUSEHOLDS}`);
    }
    const config = loadConfig(process.env, process.cwd());
    const summary = await loadDemo(config, { households: options.households });
    process.stdout.write(options.json ? `${JSON.stringify(summary)}\n` : describe(summary, config.dataDir));
    if (summary.refused.length > 0) process.exitCode = 1;
  }

  @Option({ flags: '--households <n>', description: 'how many households (default 3000; a different count is another district)', defaultValue: 3000 })
  parseHouseholds(value: string): number {
    return /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  }

  @Option({ flags: '--json', description: 'print the summary as one JSON object' })
  parseJson(): boolean {
    return true;
  }

  @Help('after')
  describeDemo(): string {
    return `
The district is built from a fixed seed with fixed dates: every run writes the same events, and
a second run finds them and appends nothing. Start (or restart) the API on the same DATA_DIR to see it.`;
  }
}

function describe(s: DemoSummary, dataDir: string): string {
  const lines = [
    `demo district loaded into ${dataDir} in ${(s.durationMs / 1000).toFixed(1)} s`,
    `  households:      ${s.households} (${Object.entries(s.communes).map(([c, n]) => `${c}: ${n}`).join(', ')})`,
    `  statuses now:    nghèo ${s.statuses.poor}, cận nghèo ${s.statuses['near-poor']}, thoát nghèo ${s.statuses.escaped}, chưa trong danh sách ${s.statuses['not-listed']}`,
    `  commands:        ${s.commands} (${s.appended} appended, ${s.alreadyPresent} already present${s.refused.length ? `, ${s.refused.length} refused` : ''})`,
    ...s.refused.slice(0, 5).map((r) => `    ${r}`),
    `  log position:    ${s.position}`,
    '',
    'Try it:',
    '  npm start                                   # the API on this DATA_DIR',
    '  TOKEN=$(npm run -s cli -- token --role reviewer --area 25)',
    '  curl -H "Authorization: Bearer $TOKEN" "http://localhost:3000/api/v1/registry?communeCode=07950&area=current&status=poor&limit=5"',
    '  curl -H "Authorization: Bearer $TOKEN" -o danh-sach.xlsx "http://localhost:3000/api/v1/registry/export?format=xlsx&communeCode=07906"',
  ];
  return `${lines.join('\n')}\n`;
}
