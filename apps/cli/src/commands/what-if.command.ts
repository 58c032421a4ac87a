import { writeFile } from 'node:fs/promises';
import { SingleBar } from 'cli-progress';
import { STANDINGS, UnitDirectory, WhatIfReport, WhatIfRequest, closeStores, loadConfig, openStores, runWhatIf } from '@pl/application';
import { NationalStandardId, isNationalStandardId, vnd } from '@pl/domain';
import { Command, CommandRunner, Help, Option } from 'nest-commander';
import { UsageError } from '../cli-errors';

interface WhatIfOptions {
  readonly standard?: string;
  readonly asOf?: string;
  readonly commune?: string;
  readonly lines?: string;
  readonly threshold?: number;
  readonly json?: boolean;
  readonly out?: string;
}

/** Runs a poverty standard over the log up to a date, in scratch, and reports who would change lists. */
@Command({ name: 'what-if', description: 'Replay a poverty standard over the history to a date; nothing live changes' })
export class WhatIfCommand extends CommandRunner {
  async run(args: string[], options: WhatIfOptions): Promise<void> {
    if (args.length > 0) throw new UsageError(`what-if takes no arguments, got "${args.join(' ')}"`);
    const request = requestOf(options);
    const config = loadConfig(process.env, process.cwd());
    const units = UnitDirectory.load(config);
    const stores = await openStores(config);
    const bar = process.stderr.isTTY ? new SingleBar({ stream: process.stderr, format: 'replaying [{bar}] {value}/{total} log positions | {eta}s left' }) : undefined;
    try {
      const report = await runWhatIf(stores.events, units, request, (position, head) => {
        if (bar && position === 0) bar.start(head, 0);
        bar?.update(position);
      });
      bar?.stop();
      if (options.out) await writeFile(options.out, `${JSON.stringify(report, null, 2)}\n`);
      process.stdout.write(options.json ? `${JSON.stringify(report)}\n` : formatReport(report, options.out));
    } finally {
      bar?.stop();
      await closeStores(stores);
    }
  }

  @Option({ flags: '--standard <id>', description: '2016-2020, 2022-2025 or 2026-2030 (the base of a changed rule)', required: true })
  parseStandard(value: string): string {
    return value;
  }

  @Option({ flags: '--as-of <date>', description: 'the history up to and including this date (YYYY-MM-DD)', required: true })
  parseAsOf(value: string): string {
    return value;
  }

  @Option({ flags: '--commune <code>', description: 'limit to a commune (5 digits, as recorded or today\'s) or a province (2 digits)' })
  parseCommune(value: string): string {
    return value;
  }

  @Option({ flags: '--lines <rural,urban>', description: 'other income lines in VND per person per month, e.g. 2500000,3200000' })
  parseLines(value: string): string {
    return value;
  }

  @Option({ flags: '--threshold <n>', description: 'poor at or above this many deprivations' })
  parseThreshold(value: string): number {
    if (!/^\d{1,2}$/.test(value)) throw new UsageError(`--threshold must be a whole number, got "${value}"`);
    return Number(value);
  }

  @Option({ flags: '--json', description: 'print the report as one JSON object' })
  parseJson(): boolean {
    return true;
  }

  @Option({ flags: '--out <file>', description: 'also write the full report as JSON to this file' })
  parseOut(value: string): string {
    return value;
  }

  @Help('after')
  describeWhatIf(): string {
    return `
Reads the log in DATA_DIR into a scratch store and classifies each household's latest survey on or
before --as-of under the standard; compares with its status decided by then. Indicators a survey
never assessed count as not deficient, deficient indicators the standard does not know are left
out; both are counted in the report. Exit codes: 0 done, 1 failure, 2 bad usage.`;
  }
}

function requestOf(options: WhatIfOptions): WhatIfRequest {
  const standard = options.standard ?? '';
  if (!isNationalStandardId(standard)) throw new UsageError(`--standard must be 2016-2020, 2022-2025 or 2026-2030, got "${standard}"`);
  if (!options.asOf) throw new UsageError('--as-of is required');
  const lines = options.lines === undefined ? undefined : linesOf(options.lines);
  const changed = lines !== undefined || options.threshold !== undefined;
  const base: NationalStandardId = standard;
  return {
    rule: changed
      ? { kind: 'changed', rule: { base, ...(lines ? { lines } : {}), ...(options.threshold !== undefined ? { deprivationThreshold: options.threshold } : {}) } }
      : { kind: 'national', standardId: base },
    asOf: options.asOf,
    ...(options.commune ? { areaCode: options.commune } : {}),
  };
}

function linesOf(value: string) {
  const match = /^(\d{1,9}),(\d{1,9})$/.exec(value);
  if (!match) throw new UsageError(`--lines must be "rural,urban" in VND, got "${value}"`);
  return { rural: vnd(Number(match[1])), urban: vnd(Number(match[2])) };
}

function formatReport(report: WhatIfReport, out?: string): string {
  const cell = (n: number) => String(n).padStart(10);
  const matrix = (m: WhatIfReport['totals'], indent: string) => [
    `${indent}${'actual \\ what-if'.padEnd(18)}${STANDINGS.map((s) => s.padStart(10)).join('')}`,
    ...STANDINGS.map((from) => `${indent}${from.padEnd(18)}${STANDINGS.map((to) => cell(m.transitions[from][to])).join('')}`),
    `${indent}unchanged ${m.unchanged}, would move ${m.moved}`,
  ];
  const lines = [
    `what-if ${report.standard.id} as of ${report.asOf}${report.areaCode ? ` in ${report.areaCode}` : ''} (log position ${report.position})`,
    `  households: ${report.households.considered} considered, ${report.households.classified} classified, ${report.households.notAssessed} never assessed`,
    `  judged with indicators never assessed: ${report.indicators.householdsWithMissingIndicators}; with indicators the standard drops: ${report.indicators.householdsWithDroppedIndicators}`,
    ...matrix(report.totals, '  '),
    ...report.provinces.flatMap((p) => [`  province ${p.provinceCode ?? 'unknown'}: ${p.matrix.households} households, ${p.matrix.moved} would move`,
      ...p.communes.map((c) => `    commune ${c.communeCode}${c.currentCommuneCodes.join(',') !== c.communeCode ? ` (today ${c.currentCommuneCodes.join(', ')})` : ''}: ${c.matrix.households} households, ${c.matrix.moved} would move`)]),
    `  ${report.moves.length} household(s) would move${out ? `; listed in ${out}` : ''}`,
    ...(out ? [] : report.moves.slice(0, 50).map((m) => `    ${m.householdId} ${m.communeCode} ${m.from} -> ${m.to}`)),
    ...(!out && report.moves.length > 50 ? [`    ... ${report.moves.length - 50} more: use --json or --out`] : []),
  ];
  return `${lines.join('\n')}\n`;
}
