import type { DocumentWrite, Filter, SortSpec } from '../read-store.port';
import { allIds, type ContractContext, type HouseholdRow, households, puts, walk } from './contract-fixtures';
import { filterCases } from './contract-queries';

const indexes = [{ fields: ['communeCode', 'status'] }, { fields: ['area.communeCode'] }, { fields: ['note'] }];

/** Indexed and unindexed twins must answer every query alike, before and after writes. */
export function indexContract(ctx: ContractContext): void {
  const docs = households(120);
  const sort: readonly SortSpec[] = [{ field: 'members', direction: -1 }];
  const changes: DocumentWrite<HouseholdRow>[] = [
    { kind: 'put', doc: { ...docs[3], communeCode: '00007', status: 'poor', note: 'moved', _position: 500 } },
    { kind: 'put', doc: { ...docs[4], area: { provinceCode: '01', communeCode: '00004' }, _position: 501 } },
    { kind: 'delete', _id: docs[6]._id, _position: 502 },
    { kind: 'put', doc: { ...docs[7], _id: 'hh-new', _position: 503 } },
  ];

  async function twins() {
    const plain = ctx.store().collection<HouseholdRow>(ctx.uniqueName('plain'));
    const indexed = ctx.store().collection<HouseholdRow>(ctx.uniqueName('indexed'));
    await indexed.ensureIndexes(indexes.slice(0, 1));
    await Promise.all([plain.bulkWrite(puts(docs)), indexed.bulkWrite(puts(docs))]);
    // Declaring indexes again, and after data exists, must be harmless.
    await indexed.ensureIndexes(indexes);
    return { plain, indexed };
  }

  async function answers(collection: { count(f?: Filter): Promise<number> } & Parameters<typeof walk>[0], filter: Filter) {
    return {
      page: await walk(collection, { filter, sort, limit: 40 }),
      all: await allIds(collection, filter),
      count: await collection.count(filter),
    };
  }

  it.each(filterCases)('given indexes, when filtered by %s, then the answer equals the unindexed one', async (_, filter) => {
    const { plain, indexed } = await twins();

    expect(await answers(indexed, filter)).toEqual(await answers(plain, filter));

    await Promise.all([plain.bulkWrite(changes), indexed.bulkWrite(changes)]);
    expect(await answers(indexed, filter)).toEqual(await answers(plain, filter));
  });

  // Filters that fix every field of a declared index by equality or `$in`, read in `_id` order: an adapter may answer them from the index alone.
  const fixedByIndex: readonly (readonly [string, Filter])[] = [
    ['both fields by equality', { communeCode: '00004', status: 'poor' }],
    ['both fields by $in, with another condition', { communeCode: { $in: ['00001', '00007'] }, status: { $in: ['poor', 'none'] }, members: { $gte: 2 } }],
    ['a dotted field', { 'area.communeCode': { $in: ['00004', '00007'] } }],
    ['null, matching missing too', { note: null }],
    ['a value no row has', { communeCode: '99999', status: 'poor' }],
  ];

  it.each(fixedByIndex)('given indexes, when pages in _id order fixed by %s are walked with writes between them, then they equal the unindexed ones', async (_, filter) => {
    const { plain, indexed } = await twins();
    const between = (collection: typeof plain) => async (page: number) => {
      if (page === 1) await collection.bulkWrite(changes);
    };

    const [fromIndex, fromScan] = [await walk(indexed, { filter, limit: 7 }, between(indexed)), await walk(plain, { filter, limit: 7 }, between(plain))];

    expect(fromIndex).toEqual(fromScan);
    expect(await walk(indexed, { filter, limit: 7 })).toEqual(await walk(plain, { filter, limit: 7 }));
  });

  it('given indexes, when a changed row is looked up by its new and old values, then only the new one finds it', async () => {
    const { indexed } = await twins();
    await indexed.bulkWrite(changes);

    const now = await allIds(indexed, { communeCode: '00007', status: 'poor' });
    const before = await allIds(indexed, { communeCode: docs[3].communeCode, status: docs[3].status });

    expect(now).toContain(docs[3]._id);
    expect(before).not.toContain(docs[3]._id);
    expect(await allIds(indexed, { 'area.communeCode': '00004' })).toContain(docs[4]._id);
  });
}
