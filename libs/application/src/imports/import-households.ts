import { DomainError, IsoDate, householdDecider, householdStream, isoDate } from '@pl/domain';
import { Observable, Subject } from 'rxjs';
import { randomUUID } from 'node:crypto';
import { CommandContext } from '../commands/command-context';
import { CommandExecutor } from '../commands/command-executor';
import { householdFacts } from '../households/execute-household-command.handler';
import { Principal } from '../security/principal';
import { UnitDirectory } from '../wiring/unit-directory';
import { importCommandId } from './import-ids';
import { ImportProgress, ImportReport } from './import-report';
import { PreparedRow, RowRefusal, isRefusal, prepareRow } from './import-row';
import { ImportTable } from './import-table';

/** Who imports, where they may act, and how. */
export interface ImportRequest {
  readonly table: ImportTable;
  readonly caller: Principal;
  /** Whether the caller may register households in a commune; a row elsewhere is refused OUTSIDE_AREA. */
  readonly covers: (communeCode: string) => boolean;
  /** The clock at the edge: stamps the events and is the default registration date. */
  readonly now?: Date;
  /** Rows executed at once; the sqlite log commits concurrent appends together. Default 64. */
  readonly concurrency?: number;
  readonly includeHouseholdIds?: boolean;
}

/** An import under way: progress as it goes, the report at the end. */
export interface ImportRun {
  readonly progress: Observable<ImportProgress>;
  readonly report: Promise<ImportReport>;
}

const DEFAULT_CONCURRENCY = 64;
/** Progress is emitted at most this often per row count, so a 100,000-row list does not flood the bar. */
const PROGRESS_EVERY = 100;

/**
 * Registers the households of a commune list. Each row is one idempotent command whose id
 * derives from (commune, household code), so a re-run appends nothing for rows already in.
 * A row whose household exists with different content is refused HOUSEHOLD_ALREADY_REGISTERED,
 * whether it was registered by an earlier import (the executor reports IDEMPOTENCY_KEY_REUSED)
 * or through the API: to the office both mean "this code is taken with other data".
 */
export class ImportHouseholds {
  constructor(private readonly executor: CommandExecutor, private readonly units: UnitDirectory) {}

  /** Starts the import at once; subscribe to `progress` before awaiting `report`. */
  start(request: ImportRequest): ImportRun {
    const progress = new Subject<ImportProgress>();
    const report = this.run(request, progress).then(
      (result) => { progress.complete(); return result; },
      (error: unknown) => { progress.error(error); throw error; },
    );
    return { progress: progress.asObservable(), report };
  }

  /** Runs the import to its report, without progress. */
  async execute(request: ImportRequest): Promise<ImportReport> {
    return this.start(request).report;
  }

  private async run(request: ImportRequest, progress: Subject<ImportProgress>): Promise<ImportReport> {
    const started = performance.now();
    const now = request.now ?? new Date();
    const today = isoDate(now.toISOString().slice(0, 10));
    const { ready, refused } = this.prepare(request, today);
    const total = request.table.rows.length;
    const ids = new Map<number, string>();
    let accepted = 0;
    let alreadyPresent = 0;
    let maxPosition = 0;
    let done = refused.length;
    let emitted = -1;
    const emit = () => { emitted = done; progress.next({ done, total, accepted: accepted + alreadyPresent, refused: refused.length }); };
    emit();
    const correlationId = randomUUID();
    await forEachBounded(ready, request.concurrency ?? DEFAULT_CONCURRENCY, async (row) => {
      try {
        const result = await this.executor.execute(householdStream(row.householdId), householdDecider, row.command, contextOf(row, request.caller, correlationId, now), householdFacts);
        if (result.replayed) alreadyPresent++; else accepted++;
        maxPosition = Math.max(maxPosition, result.position);
        ids.set(row.line, row.householdId);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        refused.push(refusalOf(row, error));
      }
      done++;
      if (done % PROGRESS_EVERY === 0) emit();
    });
    if (emitted !== done) emit();
    return {
      total, accepted, alreadyPresent,
      refused: refused.sort((a, b) => a.line - b.line),
      ...(request.includeHouseholdIds ? { householdIds: [...ids].sort(([a], [b]) => a - b).map(([, id]) => id) } : {}),
      durationMs: Math.round(performance.now() - started),
      maxPosition,
    };
  }

  /** The file's own checks, in line order: values, catalogue, the caller's area, duplicates within the file. */
  private prepare(request: ImportRequest, today: IsoDate): { ready: PreparedRow[]; refused: RowRefusal[] } {
    const ready: PreparedRow[] = [];
    const refused: RowRefusal[] = [];
    const firstLineOf = new Map<string, number>();
    for (const row of request.table.rows) {
      const prepared = prepareRow(row, this.units, today);
      if (isRefusal(prepared)) { refused.push(prepared); continue; }
      const { line, householdCode, communeCode, householdId } = prepared;
      const first = firstLineOf.get(householdId);
      if (first !== undefined) {
        refused.push({ line, householdCode, code: 'DUPLICATE_HOUSEHOLD_CODE', message: `line ${line}: household code ${householdCode} of commune ${communeCode} already appears on line ${first}` });
        continue;
      }
      firstLineOf.set(householdId, line);
      if (!request.covers(communeCode)) {
        refused.push({ line, householdCode, code: 'OUTSIDE_AREA', message: `line ${line}: commune ${communeCode} is outside the areas of ${request.caller.subject}` });
        continue;
      }
      ready.push(prepared);
    }
    return { ready, refused };
  }
}

function contextOf(row: PreparedRow, caller: Principal, correlationId: string, now: Date): CommandContext {
  const commandId = importCommandId(row.communeCode, row.householdCode);
  return {
    actor: { id: caller.subject, role: caller.role, ...(caller.areas.length ? { unit: caller.areas.join(',') } : {}) },
    commandId,
    correlationId,
    causationId: commandId,
    recordedAt: now.toISOString(),
    idempotent: true,
    requestHash: row.requestHash,
  };
}

function refusalOf(row: PreparedRow, error: DomainError): RowRefusal {
  const reused = error.code === 'IDEMPOTENCY_KEY_REUSED';
  const code = reused ? 'HOUSEHOLD_ALREADY_REGISTERED' : error.code;
  const message = reused
    ? `household code ${row.householdCode} of commune ${row.communeCode} was imported before with different data; change it in the registry, not by re-importing`
    : error.message;
  return { line: row.line, householdCode: row.householdCode, code, message: `line ${row.line}: ${message}` };
}

/** Runs `work` over the items with at most `limit` in flight; the first thrown error stops new work and is rethrown. */
async function forEachBounded<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++];
      try { await work(item); } catch (error) { failed = true; throw error; }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
