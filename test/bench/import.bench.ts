import { join } from 'node:path';
import { CommandExecutor, ImportHouseholds, ImportReport, MemoryKeyStore, PersonalData, PersonalDataCipher, Principal, UnitDirectory, openPersonalData, readCsv, loadConfig } from '@pl/application';
import { SqliteEventStore } from '@pl/event-store';
import { BAD_ROWS, generateList, toCsv } from '../fixtures/imports/household-list';
import { Figure, atLeast, numberArg, report, tempFolder } from './bench-support';

// `node scripts/bench.mjs import -- [--rows 10000] [--concurrency 64]`
// A commune list parsed and imported through ImportHouseholds into a fresh durable
// (synchronous = FULL) sqlite log, with the embedded file key store, as the CLI runs it.

const rows = numberArg('rows', 10_000);
const concurrency = numberArg('concurrency', 64);
const caller: Principal = { subject: 'bench', role: 'commune-officer', areas: ['*'] };
const units = UnitDirectory.load({ adminUnitsFile: join(__dirname, '..', '..', 'resources/admin-units/catalogue.json') });

/** One import into a fresh log and data folder; the key store is the embedded file one unless given. */
async function importOnce(csv: Buffer, label: string, personal?: PersonalData): Promise<{ report: ImportReport; parseMs: number }> {
  const dir = tempFolder(`import-${label}`);
  const store = await SqliteEventStore.open({ file: join(dir, 'events.sqlite'), synchronous: 'full' });
  const data = personal ?? (await openPersonalData(loadConfig({ DATA_DIR: dir }, process.cwd())));
  try {
    const parseStarted = performance.now();
    const table = readCsv(csv);
    const parseMs = performance.now() - parseStarted;
    const importer = new ImportHouseholds(new CommandExecutor(store, data.codec), units);
    const result = await importer.execute({ table, caller, covers: () => true, concurrency });
    if (result.refused.length !== BAD_ROWS) throw new Error(`expected ${BAD_ROWS} refused rows, got ${result.refused.length}`);
    return { report: result, parseMs };
  } finally {
    await store.close();
    await data.close();
  }
}

function memoryPersonalData(): PersonalData {
  const keys = new MemoryKeyStore();
  return new PersonalData(keys, new PersonalDataCipher(keys));
}

async function main(): Promise<void> {
  const csv = Buffer.from(toCsv(generateList(rows)), 'utf8');
  console.log(`${rows.toLocaleString('en-US')} rows (${BAD_ROWS} bad), ${(csv.length / 1024 / 1024).toFixed(1)} MB CSV, ${concurrency} rows in flight`);

  const file = await importOnce(csv, 'file');
  const rate = (r: ImportReport, parseMs: number) => (r.total / (r.durationMs + parseMs)) * 1000;
  console.log(`file key store:   ${file.report.durationMs} ms, ${file.report.accepted} accepted`);

  // The same import with keys in memory: what the log and the import itself sustain without a key write per household.
  const memory = await importOnce(csv, 'memory', memoryPersonalData());
  console.log(`memory key store: ${memory.report.durationMs} ms`);

  const figures: Figure[] = [
    { name: 'households/s (parse + import, file key store)', value: rate(file.report, file.parseMs), unit: '/s', target: atLeast(5_000) },
    { name: 'households/s (import, keys in memory)', value: rate(memory.report, memory.parseMs), unit: '/s' },
    { name: 'CSV parse', value: file.parseMs, unit: 'ms' },
  ];
  report('import', figures, { rows, bad: BAD_ROWS, concurrency });
}

void main().catch((error: unknown) => { console.error(error); process.exitCode = 1; });
