import { randomBytes } from 'node:crypto';
import { Db, MongoClient } from 'mongodb';
import { Lease, LeaseOptions } from './lease.port';
import { MemoryLease } from './memory-lease';
import { MongoLease } from './mongo-lease';

const url = process.env.MONGODB_URL;
type Make = (options: LeaseOptions) => Lease;

function leaseContract(label: string, setup: () => Promise<{ make: Make; cleanup(): Promise<void> }>): void {
  describe(`lease (${label})`, () => {
    let make: Make;
    let cleanup: () => Promise<void>;
    const clock = { now: 1_000_000 };
    const group = () => `projector-${randomBytes(4).toString('hex')}`;
    const two = () => {
      const g = group();
      return [make({ group: g, owner: 'a', ttlMs: 10_000, now: () => clock.now }), make({ group: g, owner: 'b', ttlMs: 10_000, now: () => clock.now })];
    };
    beforeAll(async () => ({ make, cleanup } = await setup()));
    afterAll(() => cleanup());

    it('makes one owner active: the second cannot take a live lease, the first renews it', async () => {
      const [a, b] = two();
      expect(await a.tryAcquire()).toBe(true);
      expect(await b.tryAcquire()).toBe(false);
      clock.now += 6_000;
      expect(await a.tryAcquire()).toBe(true);
      clock.now += 6_000;
      expect(await b.tryAcquire()).toBe(false);
      expect(await a.holder()).toBe('a');
    });

    it('lets another owner take over once the lease expires without renewal', async () => {
      const [a, b] = two();
      expect(await a.tryAcquire()).toBe(true);
      clock.now += 10_001;
      expect(await b.holder()).toBeUndefined();
      expect(await b.tryAcquire()).toBe(true);
      expect(await a.tryAcquire()).toBe(false);
      expect(await a.holder()).toBe('b');
    });

    it('hands over at once on release, and a release by a non-holder changes nothing', async () => {
      const [a, b] = two();
      expect(await a.tryAcquire()).toBe(true);
      await b.release();
      expect(await b.tryAcquire()).toBe(false);
      await a.release();
      expect(await b.tryAcquire()).toBe(true);
    });

    it('gives a free lease to exactly one of many racing owners', async () => {
      const g = group();
      const racers = Array.from({ length: 6 }, (_, i) => make({ group: g, owner: `r${i}`, ttlMs: 10_000, now: () => clock.now }));
      const won = await Promise.all(racers.map((r) => r.tryAcquire()));
      expect(won.filter(Boolean)).toHaveLength(1);
    });
  });
}

leaseContract('memory', async () => ({ make: (o) => new MemoryLease(o), cleanup: async () => {} }));

if (url) {
  leaseContract('mongodb', async () => {
    const client = await MongoClient.connect(url);
    const db: Db = client.db(`pl_lease_${randomBytes(4).toString('hex')}`);
    return { make: (o) => new MongoLease(db, o), cleanup: async () => { await db.dropDatabase(); await client.close(); } };
  });
} else if (process.env.REQUIRE_MONGODB === '1') {
  it('needs MONGODB_URL because REQUIRE_MONGODB=1', () => { throw new Error('REQUIRE_MONGODB=1 but MONGODB_URL is not set'); });
} else {
  it.skip('MongoLease contract (skipped: set MONGODB_URL to run it against MongoDB; scripts/ferretdb.sh start prints one)', () => {});
}
