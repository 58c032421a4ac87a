import { DatabaseSync, StatementSync } from 'node:sqlite';
import { IdempotencyRecord, IdempotencyStore } from './idempotency.port';

/** Idempotency records in a SQLite file beside the event log (embedded default). */
export class SqliteIdempotencyStore implements IdempotencyStore {
  private readonly db: DatabaseSync;
  private readonly select: StatementSync;
  private readonly insert: StatementSync;

  constructor(file: string) {
    this.db = new DatabaseSync(file);
    this.db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
      CREATE TABLE IF NOT EXISTS idempotency (
        scope TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL,
        status INTEGER NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL,
        PRIMARY KEY (scope, key)) WITHOUT ROWID;`);
    this.select = this.db.prepare('SELECT request_hash, status, body, created_at FROM idempotency WHERE scope = ? AND key = ?');
    this.insert = this.db.prepare('INSERT OR IGNORE INTO idempotency (scope, key, request_hash, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  }

  async get(scope: string, key: string): Promise<IdempotencyRecord | undefined> {
    const row = this.select.get(scope, key) as { request_hash: string; status: number; body: string; created_at: string } | undefined;
    return row && { scope, key, requestHash: row.request_hash, status: row.status, body: JSON.parse(row.body), createdAt: row.created_at };
  }

  async put(record: IdempotencyRecord): Promise<void> {
    this.insert.run(record.scope, record.key, record.requestHash, record.status, JSON.stringify(record.body), record.createdAt);
  }

  async close(): Promise<void> {
    if (this.db.isOpen) this.db.close();
  }
}
