import { Collection, Db } from 'mongodb';
import { Lease, LeaseOptions } from './lease.port';

/** The collection holding one lease document per projector group. */
export const LEASES_COLLECTION = '_leases';

interface LeaseDocument {
  _id: string;
  owner: string;
  expiresAt: Date;
}

const DUPLICATE_KEY = 11000;

/**
 * A lease in MongoDB: a conditional update takes it when expired or renews it for its owner;
 * when no document exists yet, the first insert wins (the `_id` is the group). Works on
 * FerretDB too (plain `updateOne` with a filter and `matchedCount`). Instances compare
 * `expiresAt` with their own clocks, so clock skew must stay well below the lease time.
 */
export class MongoLease implements Lease {
  private readonly leases: Collection<LeaseDocument>;
  private readonly now: () => number;

  constructor(db: Db, private readonly options: LeaseOptions) {
    this.leases = db.collection<LeaseDocument>(LEASES_COLLECTION);
    this.now = options.now ?? Date.now;
  }

  async tryAcquire(): Promise<boolean> {
    const { group, owner, ttlMs } = this.options;
    const now = this.now();
    const expiresAt = new Date(now + ttlMs);
    const taken = await this.leases.updateOne(
      { _id: group, $or: [{ owner }, { expiresAt: { $lte: new Date(now) } }] },
      { $set: { owner, expiresAt } },
    );
    if (taken.matchedCount === 1) return true;
    try {
      await this.leases.insertOne({ _id: group, owner, expiresAt });
      return true;
    } catch (error) {
      // Another instance holds a live lease, or created the document first.
      if ((error as { code?: unknown }).code === DUPLICATE_KEY) return false;
      throw error;
    }
  }

  async release(): Promise<void> {
    await this.leases.deleteOne({ _id: this.options.group, owner: this.options.owner });
  }

  async holder(): Promise<string | undefined> {
    const doc = await this.leases.findOne({ _id: this.options.group });
    return doc && doc.expiresAt.getTime() > this.now() ? doc.owner : undefined;
  }
}
