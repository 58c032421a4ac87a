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
-- Event ids are unique within their stream, as in KurrentDB: a retry is recognised by its first
-- event id among the stream's events. Ids are random-looking (hash-derived), so the index is
-- ordered by stream first: the entries an append adds sit beside its stream's others instead of
-- on random pages of one index over the whole log, which every bulk commit rewrote nearly all of
-- (docs/architecture.md). A 52-bit integer key of the id keeps entries small; the rare collision
-- is told apart by comparing event_id.
CREATE INDEX IF NOT EXISTS events_by_stream_id_key ON events (stream_id, id_key);
`;

/** Version of the file layout, kept in PRAGMA user_version. */
// 3: event hashes cover the stored JSON text of data and metadata (2 hashed canonical JSON).
// 4: the event id index is per stream (3 had one over the whole log); 3 is migrated on open.
const SCHEMA_VERSION = 4;

/**
 * Page size of a new log file. Events are about a kilobyte as stored; with SQLite's default of
 * 4 KiB a bulk append spends much of its time splitting and linking pages of the table. With
 * 16 KiB pages bulk appends ran about 8 % faster and a full read of the log 8 % faster, while
 * many small concurrent commits (each rewrites whole pages) made 46,000 appends/s instead of
 * 69,000 (docs/benchmarks.md): far above what the API asks. A file keeps the page size it was
 * made with.
 */
export const NEW_FILE_PAGE_SIZE = 16_384;

/**
 * Bytes of WAL past which the writer's own connection copies it into the file. `WalCheckpointer`
 * does so on its own thread every few megabytes; this is the backstop, should it fall behind or
 * fail, and the bound on the WAL's size.
 */
export const WAL_BACKSTOP_BYTES = 64 * 1024 * 1024;

/** Sets the connection up for one durable writer and many readers, and creates the tables once. */
export function prepareDatabase(db: DatabaseSync, synchronous: SqliteSynchronous): void {
  // Only an empty file takes a page size; it must come before WAL mode writes the header.
  if (pragma(db, 'page_count') === 0) db.exec(`PRAGMA page_size = ${NEW_FILE_PAGE_SIZE}`);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec(`PRAGMA synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  // Another process (a CLI, a backup) may hold the write lock for a moment: wait instead of failing.
  db.exec('PRAGMA busy_timeout = 5000');
  db.exec('PRAGMA foreign_keys = OFF');
  // 64 MiB of page cache: index pages of a large log stay in memory across appends.
  db.exec('PRAGMA cache_size = -65536');
  // SQLite's default copies the WAL into the file (and syncs the file) every 1,000 pages, in the
  // middle of a commit; the checkpointer thread does it instead. Each commit is still synced to
  // the WAL before it is acknowledged.
  db.exec(`PRAGMA wal_autocheckpoint = ${Math.ceil(WAL_BACKSTOP_BYTES / pragma(db, 'page_size'))}`);
  const version = pragma(db, 'user_version');
  const hasEvents = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").get() !== undefined;
  if (hasEvents && version === 3) migrateFrom3(db);
  else if (hasEvents && version !== SCHEMA_VERSION) {
    throw new Error(`the event log file has layout version ${version}, this build reads version ${SCHEMA_VERSION}; restore it with a build of its version`);
  }
  db.exec(TABLES);
  db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
}

/** Layout 3 to 4: the id index over the whole log becomes one per stream. Nothing else changes. */
function migrateFrom3(db: DatabaseSync): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec('DROP INDEX IF EXISTS events_by_id_key');
    db.exec(TABLES);
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

function pragma(db: DatabaseSync, name: 'page_count' | 'page_size' | 'user_version'): number {
  return (db.prepare(`PRAGMA ${name}`).get() as Record<string, number>)[name];
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
