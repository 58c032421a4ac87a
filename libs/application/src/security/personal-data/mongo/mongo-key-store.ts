import { randomBytes } from 'node:crypto';
import { Collection, Db } from 'mongodb';
import { personalDataErased } from '../errors';
import { DATA_KEY_BYTES, KeyStore, KeyTombstone } from '../key-store.port';
import { MasterKey } from '../master-key';

/** The collection holding wrapped household keys and tombstones. */
export const PERSONAL_DATA_KEYS_COLLECTION = '_personal_data_keys';

interface KeyDocument {
  _id: string;
  wrapped?: string;
  createdAt: string;
  destroyedAt?: string;
}

const DUPLICATE_KEY = 11000;

/**
 * Household keys in MongoDB, each wrapped by the master key: the production adapter.
 * The master key must not live in this database (a dump would then hold both halves);
 * in production load it from a KMS or secrets manager, or replace `MasterKey` with
 * KMS envelope encryption so it never leaves the KMS.
 */
export class MongoKeyStore implements KeyStore {
  private readonly keys: Collection<KeyDocument>;

  constructor(
    db: Db,
    private readonly masterKey: MasterKey,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.keys = db.collection<KeyDocument>(PERSONAL_DATA_KEYS_COLLECTION);
  }

  async getKey(householdId: string): Promise<Buffer | undefined> {
    const doc = await this.keys.findOne({ _id: householdId });
    return doc?.wrapped ? this.masterKey.unwrap(householdId, doc.wrapped) : undefined;
  }

  async getOrCreateKey(householdId: string): Promise<Buffer> {
    let doc = await this.keys.findOne({ _id: householdId });
    if (!doc) {
      const wrapped = this.masterKey.wrap(householdId, randomBytes(DATA_KEY_BYTES));
      try {
        await this.keys.updateOne({ _id: householdId }, { $setOnInsert: { wrapped, createdAt: this.now().toISOString() } }, { upsert: true });
      } catch (e) {
        // A concurrent upsert of the same id won: read its key below.
        if ((e as { code?: unknown }).code !== DUPLICATE_KEY) throw e;
      }
      doc = await this.keys.findOne({ _id: householdId });
    }
    if (doc?.destroyedAt) throw personalDataErased(householdId, doc.destroyedAt);
    if (!doc?.wrapped) throw new Error(`household key document for ${householdId} has neither key nor tombstone`);
    return this.masterKey.unwrap(householdId, doc.wrapped);
  }

  async destroyKey(householdId: string): Promise<KeyTombstone | undefined> {
    await this.keys.updateOne(
      { _id: householdId, destroyedAt: { $exists: false } },
      { $unset: { wrapped: '' }, $set: { destroyedAt: this.now().toISOString() } },
    );
    const doc = await this.keys.findOne({ _id: householdId });
    return doc?.destroyedAt ? { destroyedAt: doc.destroyedAt } : undefined;
  }

  async isDestroyed(householdId: string): Promise<boolean> {
    return Boolean((await this.keys.findOne({ _id: householdId }, { projection: { destroyedAt: 1 } }))?.destroyedAt);
  }

  /** The client belongs to the caller, which closes it. */
  async close(): Promise<void> {}
}
