import { Collection, Db } from 'mongodb';
import { IdempotencyRecord, IdempotencyStore } from './idempotency.port';

/** The collection holding idempotency records beside the read models. */
export const IDEMPOTENCY_COLLECTION = '_idempotency';

interface RecordDocument {
  _id: { scope: string; key: string };
  requestHash: string;
  status: number;
  /** JSON text: an answer's field names (`$`, dots) need not be valid MongoDB field names. */
  body: string;
  createdAt: string;
}

const DUPLICATE_KEY = 11000;

/**
 * Idempotency records in MongoDB, shared by every API instance: the compound `_id`
 * (scope, key) is unique by construction, so the first insert wins and a racing second
 * one fails with E11000, which means "already recorded".
 */
export class MongoIdempotencyStore implements IdempotencyStore {
  private readonly records: Collection<RecordDocument>;

  constructor(db: Db) {
    this.records = db.collection<RecordDocument>(IDEMPOTENCY_COLLECTION);
  }

  async get(scope: string, key: string): Promise<IdempotencyRecord | undefined> {
    const doc = await this.records.findOne({ _id: { scope, key } });
    return doc ? { scope, key, requestHash: doc.requestHash, status: doc.status, body: JSON.parse(doc.body), createdAt: doc.createdAt } : undefined;
  }

  async put(record: IdempotencyRecord): Promise<void> {
    const { scope, key, requestHash, status, body, createdAt } = record;
    try {
      await this.records.insertOne({ _id: { scope, key }, requestHash, status, body: JSON.stringify(body), createdAt });
    } catch (error) {
      if ((error as { code?: unknown }).code !== DUPLICATE_KEY) throw error;
    }
  }

  /** The client belongs to whoever opened it. */
  async close(): Promise<void> {}
}
