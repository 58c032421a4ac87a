import { type ContractContext, households, seeded } from './contract-fixtures';

/** Checkpoints, aliases, listing and dropping collections. */
export function storeContract(ctx: ContractContext): void {
  it('given no checkpoint, when read, then it is 0; when set, then each projection keeps its own', async () => {
    const [a, b] = [ctx.uniqueName('projection'), ctx.uniqueName('projection')];

    expect(await ctx.store().getCheckpoint(a)).toBe(0);
    await ctx.store().setCheckpoint(a, 42);
    await ctx.store().setCheckpoint(b, 7);
    await ctx.store().setCheckpoint(a, 43);

    expect(await ctx.store().getCheckpoint(a)).toBe(43);
    expect(await ctx.store().getCheckpoint(b)).toBe(7);
  });

  it('given an alias never set, when read, then undefined; when switched, then it points to the last target', async () => {
    const alias = ctx.uniqueName('registry');

    expect(await ctx.store().getAlias(alias)).toBeUndefined();
    await ctx.store().setAlias(alias, 'registry_v1');
    await ctx.store().setAlias(alias, 'registry_v2');

    expect(await ctx.store().getAlias(alias)).toBe('registry_v2');
  });

  it('given written collections, when listed, then they are named; when one is dropped, then it is gone and empty', async () => {
    const kept = await seeded(ctx, households(3));
    const dropped = await seeded(ctx, households(3));

    expect(await ctx.store().listCollections()).toEqual(expect.arrayContaining([kept.name, dropped.name]));
    await dropped.drop();

    const names = await ctx.store().listCollections();
    expect(names).toContain(kept.name);
    expect(names).not.toContain(dropped.name);
    expect(await dropped.count()).toBe(0);
    expect(await ctx.store().collection(dropped.name).get(households(1)[0]._id)).toBeUndefined();
  });

  it('given a dropped collection, when written again, then it works from scratch', async () => {
    const collection = await seeded(ctx, households(3, 100));
    await collection.drop();

    await collection.bulkWrite([{ kind: 'put', doc: households(1, 1)[0] }]);

    expect(await collection.get(households(1)[0]._id)).toEqual(households(1, 1)[0]);
  });

  it('given a collection never written, when dropped, then nothing fails', async () => {
    await expect(ctx.store().collection(ctx.uniqueName()).drop()).resolves.toBeUndefined();
  });

  it('given store bookkeeping, when collections are listed, then it is not among them', async () => {
    await ctx.store().setCheckpoint(ctx.uniqueName(), 1);
    await ctx.store().setAlias(ctx.uniqueName(), 'x');

    const names = await ctx.store().listCollections();

    expect(names.filter((n) => n.startsWith('_') || n.startsWith('system.'))).toEqual([]);
  });
}
