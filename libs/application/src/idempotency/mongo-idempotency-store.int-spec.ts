import { randomBytes } from 'node:crypto';
import { Db, MongoClient } from 'mongodb';
import { IdempotencyRecord } from './idempotency.port';
import { IDEMPOTENCY_COLLECTION, MongoIdempotencyStore } from './mongo-idempotency-store';

const url = process.env.MONGODB_URL;

const record = (over: Partial<IdempotencyRecord> = {}): IdempotencyRecord => ({
  scope: 'user:officer-1', key: 'k-1', requestHash: 'h1', status: 201,
  body: { position: 7, 'a.b': 1, $odd: true }, createdAt: '2026-01-01T00:00:00.000Z', ...over,
});

if (!url) {
  describe('MongoIdempotencyStore', () => {
    if (process.env.REQUIRE_MONGODB === '1') it('needs MONGODB_URL because REQUIRE_MONGODB=1', () => { throw new Error('REQUIRE_MONGODB=1 but MONGODB_URL is not set'); });
    else it.skip('MongoDB idempotency store (skipped: set MONGODB_URL to run it against MongoDB; scripts/ferretdb.sh start prints one)', () => {});
  });
} else {
  describe('MongoIdempotencyStore', () => {
    let client: MongoClient;
    let db: Db;
    let store: MongoIdempotencyStore;

    beforeAll(async () => {
      client = await MongoClient.connect(url);
      db = client.db(`pl_idem_${randomBytes(4).toString('hex')}`);
      store = new MongoIdempotencyStore(db);
    });
    afterAll(async () => {
      await db.dropDatabase();
      await client.close();
    });

    it('returns what was put, body included, and nothing for an unknown key', async () => {
      await store.put(record());
      expect(await store.get('user:officer-1', 'k-1')).toEqual(record());
      expect(await store.get('user:officer-1', 'unknown')).toBeUndefined();
    });

    it('keeps the first record for a (scope, key): a later put is ignored', async () => {
      await store.put(record({ key: 'k-2', requestHash: 'first', status: 200 }));
      await store.put(record({ key: 'k-2', requestHash: 'second', status: 409 }));
      expect(await store.get('user:officer-1', 'k-2')).toMatchObject({ requestHash: 'first', status: 200 });
    });

    it('keeps one record when puts race, whichever came first', async () => {
      await Promise.all(Array.from({ length: 8 }, (_, i) => store.put(record({ key: 'k-race', requestHash: `h${i}` }))));
      expect(await db.collection(IDEMPOTENCY_COLLECTION).countDocuments({ '_id.key': 'k-race' })).toBe(1);
    });

    it('separates scopes: the same key of two principals does not collide', async () => {
      await store.put(record({ scope: 'user:a', key: 'shared', status: 201 }));
      await store.put(record({ scope: 'user:b', key: 'shared', status: 202 }));
      expect((await store.get('user:a', 'shared'))?.status).toBe(201);
      expect((await store.get('user:b', 'shared'))?.status).toBe(202);
    });

    it('is shared between instances on the same database (every API replica sees it)', async () => {
      await store.put(record({ key: 'k-shared' }));
      expect(await new MongoIdempotencyStore(db).get('user:officer-1', 'k-shared')).toEqual(record({ key: 'k-shared' }));
    });
  });
}
