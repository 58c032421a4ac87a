import { DatabaseSync, StatementSync } from 'node:sqlite';
import { EventMetadata, RecordedEvent } from '../envelope';
import { ChainVerifier } from './chain-verifier';
import { LogLookup, classifyBreak } from './classify-break';
import { VerificationReport } from './tamper-finding';
import { VerifyOptions, reportOf } from './verify-event-store';

const COLUMNS = 'position, stream_id, revision, event_id, type, data, metadata, prev_hash, hash';
type Row = [number, string, number, string, string, string, string, string, string];

/**
 * Verifies an SQLite log file (the live one or a copy) straight from its rows, read-only:
 * no store is opened, no RecordedEvent built on the way, so a million events take seconds.
 */
export async function verifySqliteLog(file: string, options: VerifyOptions = {}): Promise<VerificationReport> {
  const started = performance.now();
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const hasEvents = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").get() !== undefined;
    if (!hasEvents) throw new Error(`${file} holds no event log`);
    const wholeLog = options.streamId === undefined;
    const verifier = new ChainVerifier({ anchors: wholeLog, external: wholeLog ? options.anchor : undefined });
    const rows = arrays(wholeLog
      ? db.prepare(`SELECT ${COLUMNS} FROM events ORDER BY position`)
      : db.prepare(`SELECT ${COLUMNS} FROM events WHERE stream_id = ? ORDER BY position`));
    const iterator = (wholeLog ? rows.iterate() : rows.iterate(options.streamId as string)) as IterableIterator<Row>;
    for (const row of iterator) {
      if (!verifier.check(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8])) {
        iterator.return?.();
        break;
      }
    }
    verifier.finish();
    const finding = verifier.broken ? await classifyBreak(verifier.broken, sqliteLookup(db)) : undefined;
    return reportOf(verifier, finding, wholeLog, started);
  } finally {
    db.close();
  }
}

function sqliteLookup(db: DatabaseSync): LogLookup {
  const one = arrays(db.prepare(`SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision = ?`));
  const page = arrays(db.prepare(`SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT 1000`));
  return {
    eventAt: async (streamId, revision) => {
      const row = one.get(streamId, revision) as Row | undefined;
      return row && toEvent(row);
    },
    all: async function* () {
      for (let after = 0; ;) {
        const batch = (page.all(after) as unknown as Row[]).map(toEvent);
        if (batch.length === 0) return;
        yield batch;
        after = batch[batch.length - 1].position;
      }
    },
  };
}

function arrays(statement: StatementSync): StatementSync {
  statement.setReturnArrays(true);
  return statement;
}

function toEvent([position, streamId, revision, eventId, type, data, metadata, prevHash, hash]: Row): RecordedEvent {
  return { position, streamId, revision, eventId, type, data: JSON.parse(data) as unknown, metadata: JSON.parse(metadata) as EventMetadata, prevHash, hash };
}
