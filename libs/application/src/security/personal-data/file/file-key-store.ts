import { randomBytes } from 'node:crypto';
import { chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DatabaseSync, StatementSync } from 'node:sqlite';
import { personalDataErased } from '../errors';
import { DATA_KEY_BYTES, KeyStore, KeyTombstone } from '../key-store.port';
import { MasterKey } from '../master-key';

/** Where the key database lives and which master key wraps its keys. */
export interface FileKeyStoreOptions {
  /** The data folder; keys live in `<dataDir>/keys/personal-data-keys.sqlite`. */
  readonly dataDir: string;
  /** Wraps the stored keys; defaults to `<dataDir>/keys/master-key`, created on first start. */
  readonly masterKey?: MasterKey;
  readonly now?: () => Date;
}

interface Row {
  readonly wrapped: string | null;
  readonly destroyed_at: string | null;
}

/** Household keys in a small SQLite file in the data folder, each wrapped by the master key: the embedded default. */
export class FileKeyStore implements KeyStore {
  private readonly select: StatementSync;
  private readonly insert: StatementSync;
  private readonly destroy: StatementSync;
  /** New keys waiting for the next group commit: one durable transaction for every household created meanwhile. */
  private pending: { householdId: string; wrapped: string; createdAt: string }[] = [];
  private flushing?: Promise<void>;

  private constructor(
    private readonly db: DatabaseSync,
    private readonly masterKey: MasterKey,
    private readonly now: () => Date,
  ) {
    this.select = db.prepare('SELECT wrapped, destroyed_at FROM household_keys WHERE household_id = ?');
    this.insert = db.prepare('INSERT INTO household_keys (household_id, wrapped, created_at) VALUES (?, ?, ?) ON CONFLICT (household_id) DO NOTHING');
    this.destroy = db.prepare('UPDATE household_keys SET wrapped = NULL, destroyed_at = ? WHERE household_id = ? AND destroyed_at IS NULL');
  }

  /** Opens (creating on first start) the key database and the master key. */
  static async open(options: FileKeyStoreOptions): Promise<FileKeyStore> {
    const folder = join(options.dataDir, 'keys');
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const path = join(folder, 'personal-data-keys.sqlite');
    const db = new DatabaseSync(path);
    await chmod(path, 0o600);
    // secure_delete zeroes freed pages, so an erased key's bytes do not linger in the file;
    // the rollback journal (not WAL) keeps no second copy once a write commits.
    db.exec(`
      PRAGMA journal_mode = DELETE;
      PRAGMA synchronous = FULL;
      PRAGMA secure_delete = ON;
      PRAGMA busy_timeout = 5000;
      CREATE TABLE IF NOT EXISTS household_keys (
        household_id TEXT PRIMARY KEY,
        wrapped TEXT,
        created_at TEXT NOT NULL,
        destroyed_at TEXT
      ) STRICT;
    `);
    const masterKey = options.masterKey ?? (await MasterKey.fromDataDir(options.dataDir));
    return new FileKeyStore(db, masterKey, options.now ?? (() => new Date()));
  }

  async getKey(householdId: string): Promise<Buffer | undefined> {
    const row = this.row(householdId);
    return row?.wrapped ? this.masterKey.unwrap(householdId, row.wrapped) : undefined;
  }

  async getOrCreateKey(householdId: string): Promise<Buffer> {
    // Insert-if-absent then read: two processes racing both read the one key that won.
    if (!this.row(householdId)) {
      this.pending.push({ householdId, wrapped: this.masterKey.wrap(householdId, randomBytes(DATA_KEY_BYTES)), createdAt: this.now().toISOString() });
      await this.flush();
    }
    const row = this.row(householdId);
    if (row?.destroyed_at) throw personalDataErased(householdId, row.destroyed_at);
    if (!row?.wrapped) throw new Error(`household key row for ${householdId} has neither key nor tombstone`);
    return this.masterKey.unwrap(householdId, row.wrapped);
  }

  async destroyKey(householdId: string): Promise<KeyTombstone | undefined> {
    this.destroy.run(this.now().toISOString(), householdId);
    const row = this.row(householdId);
    return row?.destroyed_at ? { destroyedAt: row.destroyed_at } : undefined;
  }

  async isDestroyed(householdId: string): Promise<boolean> {
    return Boolean(this.row(householdId)?.destroyed_at);
  }

  async close(): Promise<void> {
    if (this.db.isOpen) this.db.close();
  }

  /**
   * Writes every pending key in one transaction on the next turn of the event loop: with a
   * synced commit per key, a list of thousands of households would spend its time in fsync.
   */
  private flush(): Promise<void> {
    this.flushing ??= new Promise<void>((resolve, reject) => {
      setImmediate(() => {
        const batch = this.pending;
        this.pending = [];
        this.flushing = undefined;
        try {
          this.db.exec('BEGIN IMMEDIATE');
          try {
            for (const key of batch) this.insert.run(key.householdId, key.wrapped, key.createdAt);
            this.db.exec('COMMIT');
          } catch (error) {
            this.db.exec('ROLLBACK');
            throw error;
          }
          resolve();
        } catch (error) {
          reject(error);
        }
      });
    });
    return this.flushing;
  }

  private row(householdId: string): Row | undefined {
    return this.select.get(householdId) as Row | undefined;
  }
}
