import type { Filter } from '../read-store.port';
import { allIds, type ContractContext, expectedIds, type HouseholdRow, households, seeded } from './contract-fixtures';

type Case = readonly [string, Filter, (d: HouseholdRow) => boolean];

/** One case per filter operator; the predicate is the plain-code oracle. */
export const filterCases: readonly Case[] = [
  ['equality', { communeCode: '00004' }, (d) => d.communeCode === '00004'],
  ['two equalities', { communeCode: '00004', status: 'poor' }, (d) => d.communeCode === '00004' && d.status === 'poor'],
  ['$in', { status: { $in: ['poor', 'near-poor'] } }, (d) => d.status !== 'none'],
  ['$ne', { status: { $ne: 'none' } }, (d) => d.status !== 'none'],
  ['$gt', { members: { $gt: 3 } }, (d) => d.members > 3],
  ['$gte', { members: { $gte: 3 } }, (d) => d.members >= 3],
  ['$lt', { members: { $lt: 2 } }, (d) => d.members < 2],
  ['$lte with $gte', { members: { $gte: 2, $lte: 4 } }, (d) => d.members >= 2 && d.members <= 4],
  ['$exists true', { note: { $exists: true } }, (d) => d.note !== undefined],
  ['$exists false', { note: { $exists: false } }, (d) => d.note === undefined],
  ['null matches null and missing', { note: null }, (d) => d.note == null],
  ['$ne null', { note: { $ne: null } }, (d) => d.note != null],
  ['dotted equality', { 'area.provinceCode': '01' }, (d) => d.area.provinceCode === '01'],
  ['dotted $in with equality', { 'area.communeCode': { $in: ['00001', '00007'] }, status: 'none' },
    (d) => d.area.communeCode !== '00004' && d.status === 'none'],
  ['no match', { communeCode: '99999' }, () => false],
];

/** Filters, sorting, count and findAll order. */
export function queryContract(ctx: ContractContext): void {
  const docs = households(40);

  it.each(filterCases)('given households, when filtered by %s, then exactly the matches come back', async (_, filter, keep) => {
    const collection = await seeded(ctx, docs);

    const page = await collection.find({ filter, limit: 1000 });

    expect(page.items.map((d) => d._id)).toEqual(expectedIds(docs, keep));
    expect(page.nextCursor).toBeUndefined();
    expect(await collection.count(filter)).toBe(page.items.length);
    expect(await allIds(collection, filter)).toEqual(expectedIds(docs, keep));
  });

  it('given households, when sorted by members ascending, then ties are ordered by _id', async () => {
    const rows = [
      { ...docs[0], _id: 'c', members: 2 },
      { ...docs[1], _id: 'a', members: 2 },
      { ...docs[2], _id: 'b', members: 1 },
      { ...docs[3], _id: 'd', members: 3 },
    ];
    const collection = await seeded(ctx, rows);

    const asc = await collection.find({ sort: [{ field: 'members', direction: 1 }], limit: 10 });
    const desc = await collection.find({ sort: [{ field: 'members', direction: -1 }], limit: 10 });

    expect(asc.items.map((d) => d._id)).toEqual(['b', 'a', 'c', 'd']);
    expect(desc.items.map((d) => d._id)).toEqual(['d', 'a', 'c', 'b']);
  });

  it('given missing and null values, when sorted, then they come first ascending and last descending', async () => {
    const rows = [
      { ...docs[0], _id: 'a', note: 'b' },
      { ...docs[1], _id: 'b', note: null },
      { ...docs[4], _id: 'c', note: 'a' },
      { ...docs[5], _id: 'd' },
    ].map(({ note, ...rest }) => (rest._id === 'd' ? rest : { ...rest, note }));
    const collection = await seeded(ctx, rows as HouseholdRow[]);

    const asc = await collection.find({ sort: [{ field: 'note', direction: 1 }], limit: 10 });
    const desc = await collection.find({ sort: [{ field: 'note', direction: -1 }], limit: 10 });

    expect(asc.items.map((d) => d._id)).toEqual(['b', 'd', 'c', 'a']);
    expect(desc.items.map((d) => d._id)).toEqual(['a', 'c', 'b', 'd']);
  });

  it.each([
    ['status desc, members asc', [{ field: 'status', direction: -1 }, { field: 'members', direction: 1 }]],
    ['dotted province asc', [{ field: 'area.provinceCode', direction: 1 }]],
    ['_id desc', [{ field: '_id', direction: -1 }]],
  ] as const)('given households, when sorted by %s, then the order matches', async (_, sort) => {
    const collection = await seeded(ctx, docs);

    const page = await collection.find({ sort, limit: 1000 });

    expect(page.items.map((d) => d._id)).toEqual(expectedIds(docs, () => true, sort));
  });

  it('given households, when counted and listed without a filter, then all come back in _id order', async () => {
    const collection = await seeded(ctx, docs);

    expect(await collection.count()).toBe(docs.length);
    expect(await allIds(collection)).toEqual(docs.map((d) => d._id).sort());
  });

  it('given an empty collection, when queried, then nothing comes back', async () => {
    const collection = ctx.store().collection<HouseholdRow>(ctx.uniqueName());

    expect(await collection.find({ limit: 10 })).toEqual({ items: [] });
    expect(await collection.count({ status: 'poor' })).toBe(0);
    expect(await allIds(collection)).toEqual([]);
  });
}
