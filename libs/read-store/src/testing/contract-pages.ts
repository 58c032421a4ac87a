import type { SortSpec } from '../read-store.port';
import { type ContractContext, expectedIds, households, seeded, walk } from './contract-fixtures';

const bySort: readonly (readonly [string, readonly SortSpec[] | undefined])[] = [
  ['_id', undefined],
  ['members desc', [{ field: 'members', direction: -1 }]],
  ['note asc (with nulls)', [{ field: 'note', direction: 1 }]],
  ['note desc (with nulls)', [{ field: 'note', direction: -1 }]],
  ['status asc, area.provinceCode desc', [{ field: 'status', direction: 1 }, { field: 'area.provinceCode', direction: -1 }]],
];

/** Cursor pagination: complete walks, writes between pages, bad cursors and limits. */
export function pageContract(ctx: ContractContext): void {
  const docs = households(53);

  it.each(bySort)('given households, when every page sorted by %s is walked, then each appears once in order', async (_, sort) => {
    const collection = await seeded(ctx, docs);

    const ids = await walk(collection, { sort, limit: 7 });

    expect(ids).toEqual(expectedIds(docs, () => true, sort));
  });

  it('given a filter, when every page is walked, then only the matches appear, once each, in order', async () => {
    const collection = await seeded(ctx, docs);
    const sort = [{ field: 'members', direction: 1 }] as const;

    const ids = await walk(collection, { filter: { communeCode: { $in: ['00001', '00007'] } }, sort, limit: 4 });

    expect(ids).toEqual(expectedIds(docs, (d) => d.communeCode !== '00004', sort));
  });

  it('given pages that end exactly on the limit, when the last page is read, then it has no next cursor', async () => {
    const collection = await seeded(ctx, households(10));

    const first = await collection.find({ limit: 5 });
    const second = await collection.find({ limit: 5, cursor: first.nextCursor });

    expect(first.items).toHaveLength(5);
    expect(first.nextCursor).toEqual(expect.any(String));
    expect(second.items).toHaveLength(5);
    expect(second.nextCursor).toBeUndefined();
  });

  it('given writes between pages, when walked, then nothing repeats and later rows reflect the writes', async () => {
    const collection = await seeded(ctx, docs);
    const sorted = expectedIds(docs, () => true);
    const [early, late, gone] = [`aa-${sorted[0]}`, `${sorted[40]}-new`, sorted[30]];

    const ids = await walk(collection, { limit: 10 }, async (page) => {
      if (page !== 1) return;
      await collection.bulkWrite([
        { kind: 'put', doc: { ...docs[0], _id: early, _position: 1000 } },
        { kind: 'put', doc: { ...docs[0], _id: late, _position: 1001 } },
        { kind: 'delete', _id: gone, _position: 1002 },
      ]);
    });

    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toContain(late);
    expect(ids).not.toContain(early);
    expect(ids).not.toContain(gone);
    expect(ids).toEqual(expect.arrayContaining(sorted.filter((id) => id !== gone)));
  });

  it('given the sort value of an unread row changes between pages, when walked, then no row repeats', async () => {
    const collection = await seeded(ctx, docs);
    const sort = [{ field: 'members', direction: 1 }] as const;
    const moved = docs.find((d) => d.members === 5)!;

    const ids = await walk(collection, { sort, limit: 10 }, async (page) => {
      if (page === 1) await collection.bulkWrite([{ kind: 'put', doc: { ...moved, members: 1, _position: 2000 } }]);
    });

    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id !== moved._id)).toEqual(expectedIds(docs, (d) => d !== moved, sort));
  });

  it.each([
    ['not base64url', 'not a cursor!'],
    ['not JSON', Buffer.from('{{{').toString('base64url')],
    ['the wrong shape', Buffer.from(JSON.stringify({ a: 1 })).toString('base64url')],
    ['another sort', Buffer.from(JSON.stringify([3, 'x', 'y'])).toString('base64url')],
    ['an empty string', ''],
  ])('given a cursor that is %s, when a page is asked for, then INVALID_CURSOR', async (_, cursor) => {
    const collection = await seeded(ctx, households(3));

    await expect(collection.find({ limit: 2, cursor, sort: [{ field: 'members', direction: 1 }] })).rejects.toMatchObject({
      kind: 'invalid',
      code: 'INVALID_CURSOR',
    });
  });

  it('given a cursor from one sort, when used with another sort, then INVALID_CURSOR', async () => {
    const collection = await seeded(ctx, households(5));
    const first = await collection.find({ limit: 2 });

    await expect(
      collection.find({ limit: 2, cursor: first.nextCursor, sort: [{ field: 'members', direction: 1 }] }),
    ).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
  });

  it.each([0, -1, 1001, 2.5, Number.NaN])('given a limit of %p, when a page is asked for, then INVALID_LIMIT', async (limit) => {
    const collection = await seeded(ctx, households(3));

    await expect(collection.find({ limit })).rejects.toMatchObject({ kind: 'invalid', code: 'INVALID_LIMIT' });
  });

  it('given limits at the bounds, when a page is asked for, then they are accepted', async () => {
    const collection = await seeded(ctx, households(3));

    expect((await collection.find({ limit: 1 })).items).toHaveLength(1);
    expect((await collection.find({ limit: 1000 })).items).toHaveLength(3);
  });
}
