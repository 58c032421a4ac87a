import { performance } from 'node:perf_hooks';
import type { DocumentWrite } from '../../read-store.port';
import type { HouseholdRow } from '../../testing/contract-fixtures';
import { MemoryReadStore } from './memory-read-store';

const SIZE = 200_000;
const COMMUNES = 1_000;
const statuses = ['poor', 'near-poor', 'none'] as const;

function row(i: number): HouseholdRow {
  const communeCode = String(i % COMMUNES).padStart(5, '0');
  return {
    _id: `hh-${String(i).padStart(7, '0')}`,
    _position: i + 1,
    communeCode,
    status: statuses[i % 3],
    members: 1 + (i % 7),
    area: { provinceCode: String(i % 63).padStart(2, '0'), communeCode },
  };
}

/** Median milliseconds of `runs` calls, after a warm-up call. */
async function median(runs: number, call: (i: number) => Promise<unknown>): Promise<number> {
  await call(-1);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await call(i);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[runs >> 1];
}

describe('memory read store at registry scale (200,000 households)', () => {
  const store = new MemoryReadStore();
  const households = store.collection<HouseholdRow>('registry');

  beforeAll(async () => {
    await households.ensureIndexes([{ fields: ['communeCode', 'status'] }, { fields: ['area.provinceCode'] }]);
    const writes: DocumentWrite<HouseholdRow>[] = [];
    for (let i = 0; i < SIZE; i++) writes.push({ kind: 'put', doc: row(i) });
    await households.bulkWrite(writes);
  }, 60_000);

  it('given indexes on commune and status, when a filtered page of 50 is read, then it takes well under 5 ms', async () => {
    const ms = await median(50, (i) =>
      households.find({
        filter: { communeCode: String((i * 37 + 500) % COMMUNES).padStart(5, '0'), status: { $in: ['poor', 'near-poor'] } },
        sort: [{ field: 'members', direction: -1 }],
        limit: 50,
      }),
    );
    console.log(`memory read store: filtered page of 50 over ${SIZE} docs: median ${ms.toFixed(3)} ms`);
    expect(ms).toBeLessThan(5);
  });

  it('given no filter, when pages sorted by _id are read deep into the collection, then each is fast', async () => {
    let cursor: string | undefined;
    const ms = await median(50, async () => {
      const page = await households.find({ limit: 50, cursor });
      cursor = page.nextCursor;
    });
    console.log(`memory read store: unfiltered page of 50 by _id over ${SIZE} docs: median ${ms.toFixed(3)} ms`);
    expect(ms).toBeLessThan(5);
  });

  it('given a write, when the next unfiltered page is read, then the re-sort stays bounded', async () => {
    await households.bulkWrite([{ kind: 'put', doc: { ...row(5), status: 'none', _position: SIZE + 10 } }]);
    const start = performance.now();
    const page = await households.find({ limit: 50 });
    const ms = performance.now() - start;
    console.log(`memory read store: first page after a write (re-sort of ${SIZE} ids): ${ms.toFixed(1)} ms`);
    expect(page.items).toHaveLength(50);
    expect(ms).toBeLessThan(2_000);
  });
});
