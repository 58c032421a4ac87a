import type { DatabaseSync } from 'node:sqlite';

/** How hard each commit is pushed to disk: `full` survives power loss, `normal` only a process crash. */
export type SqliteSynchronous = 'full' | 'normal';

const TABLES = `
CREATE TABLE IF NOT EXISTS events (
  position  INTEGER PRIMARY KEY,
  stream_id TEXT    NOT NULL,
  revision  INTEGER NOT NULL,
  event_id  TEXT    NOT NULL UNIQUE,
  type      TEXT    NOT NULL,
  data      TEXT    NOT NULL,
  metadata  TEXT    NOT NULL,
  prev_hash TEXT    NOT NULL,
  hash      TEXT    NOT NULL,
  UNIQUE (stream_id, revision)
);
`;

/** Sets the connection up for one durable writer and many readers, and creates the tables once. */
export function prepareDatabase(db: DatabaseSync, synchronous: SqliteSynchronous): void {
  db.exec('PRAGMA journal_mode = WAL');
  db.exec(`PRAGMA synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  // Another process (a CLI, a backup) may hold the write lock for a moment: wait instead of failing.
  db.exec('PRAGMA busy_timeout = 5000');
  db.exec('PRAGMA foreign_keys = OFF');
  db.exec(TABLES);
}
