import type { DocumentWrite } from '../read-store.port';
import { allIds, type ContractContext, type HouseholdRow, households, puts, seeded } from './contract-fixtures';

/** get/getMany and position-guarded bulk writes. */
export function writeContract(ctx: ContractContext): void {
  it('given stored documents, when got by id, then each comes back as written', async () => {
    const docs = households(5);
    const collection = await seeded(ctx, docs);

    expect(await collection.get(docs[2]._id)).toEqual(docs[2]);
    expect(await collection.get('hh-missing')).toBeUndefined();
  });

  it('given stored documents, when got in bulk, then only the found ones are in the map', async () => {
    const docs = households(5);
    const collection = await seeded(ctx, docs);

    const found = await collection.getMany([docs[0]._id, 'hh-missing', docs[3]._id]);

    expect([...found.keys()].sort()).toEqual([docs[0]._id, docs[3]._id].sort());
    expect(found.get(docs[3]._id)).toEqual(docs[3]);
  });

  it('given a document, when a newer delete arrives, then it is gone', async () => {
    const [doc] = households(1);
    const collection = await seeded(ctx, [doc]);

    await collection.bulkWrite([{ kind: 'delete', _id: doc._id, _position: doc._position + 1 }]);

    expect(await collection.get(doc._id)).toBeUndefined();
  });

  it('given a batch already applied, when applied again, then nothing changes', async () => {
    const docs = households(6);
    const collection = await seeded(ctx, docs);
    const batch: DocumentWrite<HouseholdRow>[] = [
      { kind: 'put', doc: { ...docs[0], members: 9, _position: 100 } },
      { kind: 'delete', _id: docs[1]._id, _position: 101 },
      { kind: 'put', doc: { ...households(7)[6], _position: 102 } },
    ];
    await collection.bulkWrite(batch);
    const before = await Promise.all((await allIds(collection)).map((id) => collection.get(id)));

    await collection.bulkWrite(batch);

    const after = await Promise.all((await allIds(collection)).map((id) => collection.get(id)));
    expect(after).toEqual(before);
    expect(after.find((d) => d?._id === docs[0]._id)?.members).toBe(9);
    expect(after.map((d) => d?._id)).not.toContain(docs[1]._id);
  });

  it('given a newer document, when an older or equal write arrives, then the newer one stays', async () => {
    const [doc] = households(1, 50);
    const collection = await seeded(ctx, [doc]);

    await collection.bulkWrite([
      { kind: 'put', doc: { ...doc, members: 40, _position: 49 } },
      { kind: 'put', doc: { ...doc, members: 41, _position: 50 } },
      { kind: 'delete', _id: doc._id, _position: 50 },
    ]);

    expect(await collection.get(doc._id)).toEqual(doc);
  });

  it('given one batch with several writes to a document, when applied, then the last position wins', async () => {
    const [a, b] = households(2, 10);
    const collection = await seeded(ctx, [a, b]);

    await collection.bulkWrite([
      { kind: 'put', doc: { ...a, members: 2, _position: 20 } },
      { kind: 'delete', _id: a._id, _position: 21 },
      { kind: 'delete', _id: b._id, _position: 22 },
      { kind: 'put', doc: { ...b, members: 3, _position: 23 } },
    ]);

    expect(await collection.get(a._id)).toBeUndefined();
    expect(await collection.get(b._id)).toEqual({ ...b, members: 3, _position: 23 });
  });

  it('given a written document, when the caller changes its objects, then the stored one does not change', async () => {
    const [doc] = households(1);
    const written = structuredClone(doc) as { -readonly [K in keyof HouseholdRow]: HouseholdRow[K] };
    const collection = ctx.store().collection<HouseholdRow>(ctx.uniqueName());
    await collection.bulkWrite(puts([written]));

    const read = (await collection.get(doc._id)) as { members: number; area: { communeCode: string } };
    try {
      // A store may take the written object over and freeze it, refusing the change.
      written.members = 99;
      read.members = 98;
      read.area.communeCode = 'changed';
    } catch {
      // Frozen documents refuse the change, which is as good as ignoring it.
    }

    expect(await collection.get(doc._id)).toEqual(doc);
  });

  it('given an empty batch, when applied, then nothing happens', async () => {
    const collection = await seeded(ctx, households(2));

    await collection.bulkWrite([]);

    expect(await collection.count()).toBe(2);
  });
}
