import type { DatabaseSync } from 'node:sqlite';

/** How hard each commit is pushed to disk: `full` survives power loss, `normal` only a process crash. */
export type SqliteSynchronous = 'full' | 'normal';

const TABLES = `
CREATE TABLE IF NOT EXISTS events (
  position  INTEGER PRIMARY KEY,
  stream_id TEXT    NOT NULL,
  revision  INTEGER NOT NULL,
  event_id  TEXT    NOT NULL,
  id_key    INTEGER NOT NULL,
  type      TEXT    NOT NULL,
  data      TEXT    NOT NULL,
  metadata  TEXT    NOT NULL,
  prev_hash TEXT    NOT NULL,
  hash      TEXT    NOT NULL,
  UNIQUE (stream_id, revision)
);
-- Event ids are random-looking (hash-derived): a unique index on the text would put every
-- insert on a different page. A 52-bit integer key of the id keeps that index small; the
-- rare collision is told apart by comparing event_id.
CREATE INDEX IF NOT EXISTS events_by_id_key ON events (id_key);
`;

/** Version of the file layout, kept in PRAGMA user_version. */
// 3: event hashes cover the stored JSON text of data and metadata (2 hashed canonical JSON).
const SCHEMA_VERSION = 3;

/** Sets the connection up for one durable writer and many readers, and creates the tables once. */
export function prepareDatabase(db: DatabaseSync, synchronous: SqliteSynchronous): void {
  db.exec('PRAGMA journal_mode = WAL');
  db.exec(`PRAGMA synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  // Another process (a CLI, a backup) may hold the write lock for a moment: wait instead of failing.
  db.exec('PRAGMA busy_timeout = 5000');
  db.exec('PRAGMA foreign_keys = OFF');
  // 64 MiB of page cache: index pages of a large log stay in memory across appends.
  db.exec('PRAGMA cache_size = -65536');
  // A bulk commit writes a few thousand pages: at the default of 1000 the WAL would be copied into
  // the file (and the file synced) after nearly every commit. 4000 pages (16 MiB) bound the WAL
  // as well, with fewer, larger checkpoints. Each commit is still synced to the WAL as before.
  db.exec('PRAGMA wal_autocheckpoint = 4000');
  const version = (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
  const hasEvents = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").get() !== undefined;
  if (hasEvents && version !== SCHEMA_VERSION) {
    throw new Error(`the event log file has layout version ${version}, this build reads version ${SCHEMA_VERSION}; restore it with a build of its version`);
  }
  db.exec(TABLES);
  db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
}

/**
 * A 52-bit key of an event id (two FNV-1a passes), safe as a JavaScript number: what the
 * id index stores instead of the text.
 */
export function eventIdKey(eventId: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ eventId.length;
  for (let i = 0; i < eventId.length; i++) {
    const c = eventId.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0) * 0x100000 + ((b >>> 0) & 0xfffff);
}
