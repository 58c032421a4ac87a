import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import { SingleBar } from 'cli-progress';
import {
  AccessPolicy, CommandExecutor, ImportHouseholds, ImportReport, Principal, UnitDirectory, closeStores, isArea, loadConfig, openPersonalData, openStores,
  readImportFile,
} from '@pl/application';
import { Command, CommandRunner, Help, Option } from 'nest-commander';
import { UsageError } from '../cli-errors';

/** Exit code when the import ran but some rows were refused: scripts tell it from a failure (1). */
export const EXIT_ROWS_REFUSED = 3;
const BAR_FROM_ROWS = 1_000;

interface ImportOptions {
  readonly file?: string;
  readonly as?: string;
  readonly areas?: readonly string[];
  readonly json?: boolean;
}

/** Imports a commune household list (.csv or .xlsx) straight into the configured stores. */
@Command({ name: 'import', description: 'Import a commune household list (.csv or .xlsx) into the registry' })
export class ImportCommand extends CommandRunner {
  async run(args: string[], options: ImportOptions): Promise<void> {
    if (args.length > 0) throw new UsageError(`import takes no arguments, got "${args.join(' ')}"; give the list with --file`);
    if (!options.file) throw new UsageError('--file is required');
    const areas = options.areas?.length ? [...new Set(options.areas)] : ['*'];
    const badAreas = areas.filter((a) => !isArea(a));
    if (badAreas.length) throw new UsageError(`invalid area ${badAreas.join(', ')}; expected a 5-digit commune code, a 2-digit province code or "*"`);
    const content = await readFile(options.file).catch((error: NodeJS.ErrnoException) => { throw new UsageError(`cannot read ${options.file}: ${error.code ?? error.message}`); });
    const caller: Principal = { subject: options.as ?? defaultSubject(), role: 'commune-officer', areas };

    const config = loadConfig(process.env, process.cwd());
    const table = await readImportFile(basename(options.file), content);
    const units = UnitDirectory.load(config);
    const stores = await openStores(config);
    const personal = await openPersonalData(config);
    try {
      const access = new AccessPolicy((code) => units.provinceOf(code));
      const importer = new ImportHouseholds(new CommandExecutor(stores.events, personal.codec), units);
      const run = importer.start({ table, caller, covers: (communeCode) => access.covers(caller, { communeCode }) });
      const bar = table.rows.length >= BAR_FROM_ROWS ? new SingleBar({ stream: process.stderr, format: 'importing [{bar}] {value}/{total} rows | {accepted} in | {refused} refused | {eta}s left' }) : undefined;
      bar?.start(table.rows.length, 0, { accepted: 0, refused: 0 });
      run.progress.subscribe({ next: (p) => bar?.update(p.done, { accepted: p.accepted, refused: p.refused }), error: () => bar?.stop() });
      const report = await run.report;
      bar?.stop();
      process.stdout.write(options.json ? `${JSON.stringify(report)}\n` : formatReport(report, options.file));
      if (report.refused.length > 0) exitWith(EXIT_ROWS_REFUSED);
    } finally {
      await closeStores(stores, personal);
    }
  }

  @Option({ flags: '--file <path>', description: 'the list: .csv (UTF-8, comma or semicolon) or .xlsx (first worksheet)', required: true })
  parseFile(value: string): string {
    return value;
  }

  @Option({ flags: '--as <subject>', description: 'who the events name as actor (default: the current system user)' })
  parseAs(value: string): string {
    return value;
  }

  @Option({ flags: '--area <code>', name: 'areas', description: 'area the import may register in; repeat for several (default "*")' })
  parseArea(value: string, previous: readonly string[] | undefined): readonly string[] {
    return [...(previous ?? []), value];
  }

  @Option({ flags: '--json', description: 'print the report as one JSON object' })
  parseJson(): boolean {
    return true;
  }

  @Help('after')
  describeImport(): string {
    return `
Columns (Vietnamese or English headers, any case or accents): Mã hộ/householdCode,
Họ tên chủ hộ/headName, Mã xã/communeCode, Thôn/village, Khu vực/areaType, Số nhân khẩu/memberCount
(required); Số CCCD/citizenId, Ngày sinh/birthDate, Dân tộc/ethnicity, DTTS, Chính sách/policyFamily,
Ngày đăng ký/registeredOn (optional). Re-running the same list appends nothing.

Exit codes: 0 every row registered or already present, 3 some rows refused (listed),
1 failure, 2 bad usage or a file that cannot be read as a list.

The import writes to the log in DATA_DIR. An API running in another process on the same
DATA_DIR does not see the new households until it is restarted.`;
  }
}

function formatReport(report: ImportReport, file: string): string {
  const lines = [
    `${file}: ${report.total} rows in ${report.durationMs} ms`,
    `  registered:      ${report.accepted}`,
    `  already present: ${report.alreadyPresent}`,
    `  refused:         ${report.refused.length}`,
    ...report.refused.map((r) => `    ${r.code.padEnd(28)} ${r.message}`),
    `  log position:    ${report.maxPosition}`,
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * main.ts maps a normal return to exit 0 after this command returns; an exit listener runs
 * last, so the "rows refused" code survives it without throwing a failure.
 */
function exitWith(code: number): void {
  process.once('exit', () => { process.exitCode = code; });
}

function defaultSubject(): string {
  try {
    return userInfo().username || 'cli';
  } catch {
    // Containers may run as a user without a passwd entry.
    return 'cli';
  }
}
