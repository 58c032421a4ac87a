import { performance } from 'node:perf_hooks';
import type { DocumentWrite } from '../../read-store.port';
import { type HouseholdRow, households } from '../../testing/contract-fixtures';
import type { MongoReadStore } from './mongo-read-store';
import { freshDatabase } from './mongo-test-store';

const url = process.env.MONGODB_URL;
const BULK = 10_000;
const SINGLES = 1_000;

const rows = (n: number, position: number) => households(n, position).map((d, i) => ({ ...d, _id: `hh-${i}` }));

(url ? describe : describe.skip)(`MongoDB read store write rates${url ? '' : ' (skipped: set MONGODB_URL)'}`, () => {
  let store: MongoReadStore;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const made = await freshDatabase(() => url!)();
    store = made.store as MongoReadStore;
    cleanup = made.cleanup;
  });
  afterAll(async () => cleanup?.());

  it('given 10,000 documents, when written in one bulk call, then it beats one upsert per document', async () => {
    const bulk = store.collection<HouseholdRow>('bulk');
    const writes: DocumentWrite<HouseholdRow>[] = rows(BULK, 1).map((doc) => ({ kind: 'put', doc }));
    let start = performance.now();
    await bulk.bulkWrite(writes);
    const bulkRate = BULK / ((performance.now() - start) / 1000);

    start = performance.now();
    await bulk.bulkWrite(writes);
    const replayRate = BULK / ((performance.now() - start) / 1000);

    const single = store.collection<HouseholdRow>('single');
    start = performance.now();
    for (const doc of rows(SINGLES, 1)) await single.bulkWrite([{ kind: 'put', doc }]);
    const singleRate = SINGLES / ((performance.now() - start) / 1000);

    console.log(
      `mongodb read store: one bulk of ${BULK}: ${bulkRate.toFixed(0)} docs/s; ` +
        `same bulk replayed (all stale): ${replayRate.toFixed(0)} docs/s; ` +
        `single upserts: ${singleRate.toFixed(0)} docs/s`,
    );
    expect(await bulk.count()).toBe(BULK);
    expect(bulkRate).toBeGreaterThan(singleRate);
  }, 300_000);
});
