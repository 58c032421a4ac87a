import { MongoClient, type Db, type WriteConcernSettings } from 'mongodb';
import type { Collection, Document, ReadStore } from '../../read-store.port';
import { MongoCollection, type PositionGuard } from './mongo-collection';

/** Options for the MongoDB read store. */
export interface MongoReadStoreOptions {
  /** Write concern for document and checkpoint writes; majority by default. */
  readonly writeConcern?: WriteConcernSettings;
  /** Where the position guard runs; by default 'client' on FerretDB and 'server' otherwise. */
  readonly positionGuard?: PositionGuard;
}

const CHECKPOINTS = '_checkpoints';
const ALIASES = '_aliases';

interface CheckpointRow {
  _id: string;
  position: number;
}
interface AliasRow {
  _id: string;
  collection: string;
}

/**
 * The production read store: each read-model collection is a MongoDB collection. Works
 * without transactions: writes are idempotent upserts guarded by position, and the runner
 * stores the checkpoint after the documents.
 */
export class MongoReadStore implements ReadStore {
  private readonly writeConcern: WriteConcernSettings;
  private readonly positionGuard: PositionGuard;

  constructor(
    private readonly db: Db,
    private readonly client: MongoClient,
    private readonly ownsClient: boolean,
    options: MongoReadStoreOptions = {},
  ) {
    this.writeConcern = options.writeConcern ?? { w: 'majority' };
    this.positionGuard = options.positionGuard ?? 'server';
  }

  /** Connects with a URL (the store then owns and closes the client) or wraps a given client. */
  static async connect(
    clientOrUrl: MongoClient | string,
    databaseName: string,
    options: MongoReadStoreOptions = {},
  ): Promise<MongoReadStore> {
    const owns = typeof clientOrUrl === 'string';
    const client = owns ? new MongoClient(clientOrUrl) : clientOrUrl;
    if (owns) await client.connect();
    const db = client.db(databaseName);
    // FerretDB answers buildInfo with its own version field; MongoDB does not.
    const positionGuard =
      options.positionGuard ?? ((await db.admin().command({ buildInfo: 1 })).ferretdbVersion ? 'client' : 'server');
    return new MongoReadStore(db, client, owns, { ...options, positionGuard });
  }

  collection<D extends Document>(name: string): Collection<D> {
    if (name.startsWith('_') || name.startsWith('system.')) {
      throw new Error(`collection name "${name}" is reserved for the store itself`);
    }
    return new MongoCollection<D>(name, this.db.collection<D>(name), this.writeConcern, this.positionGuard);
  }

  /** Where this store runs the position guard (see MongoReadStoreOptions). */
  get guard(): PositionGuard {
    return this.positionGuard;
  }

  async getCheckpoint(projection: string): Promise<number> {
    const row = await this.db.collection<CheckpointRow>(CHECKPOINTS).findOne({ _id: projection });
    return row?.position ?? 0;
  }

  async setCheckpoint(projection: string, position: number): Promise<void> {
    await this.db
      .collection<CheckpointRow>(CHECKPOINTS)
      .replaceOne({ _id: projection }, { position }, { upsert: true, writeConcern: this.writeConcern });
  }

  async listCollections(): Promise<readonly string[]> {
    const found = await this.db.listCollections({}, { nameOnly: true }).toArray();
    return found
      .map((c) => c.name)
      .filter((name) => !name.startsWith('_') && !name.startsWith('system.'))
      .sort();
  }

  async getAlias(alias: string): Promise<string | undefined> {
    const row = await this.db.collection<AliasRow>(ALIASES).findOne({ _id: alias });
    return row?.collection;
  }

  async setAlias(alias: string, collection: string): Promise<void> {
    await this.db
      .collection<AliasRow>(ALIASES)
      .replaceOne({ _id: alias }, { collection }, { upsert: true, writeConcern: this.writeConcern });
  }

  /** Drops the whole database; for tests and scratch (what-if) stores only. */
  async dropDatabase(): Promise<void> {
    await this.db.dropDatabase();
  }

  async close(): Promise<void> {
    if (this.ownsClient) await this.client.close();
  }
}
