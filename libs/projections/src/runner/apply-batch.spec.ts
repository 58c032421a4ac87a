import { MemoryEventStore, RecordedEvent, makeEvent } from '@pl/event-store';
import { Document, MemoryReadStore } from '@pl/read-store';
import { Projection } from '../projection';
import { applyBatch } from './apply-batch';

interface Seen extends Document { readonly events: number }

/** Each event touches its stream's document and a shared `total`; `Broken.v1` fails on `total` after its stream's document evolved unchanged. */
const twoDocuments: Projection<Seen> = {
  name: 'two-documents',
  version: 1,
  handles: new Set(['Seen.v1', 'Broken.v1']),
  indexes: [],
  keys: (e) => [e.streamId, 'total'],
  evolve: (doc, e: RecordedEvent, id) => {
    if (e.type === 'Broken.v1') {
      if (id === 'total') throw new Error('cannot count a broken event');
      return doc;
    }
    return { _id: id, events: (doc?.events ?? 0) + 1 };
  },
};

/** A pointer document (`where`) names the counter an event raises: `Moved.v1` changes it, `Counted.v1` raises the counter it names. */
interface Pointer extends Document { readonly at?: string; readonly count?: number }
const pointed: Projection<Pointer> = {
  name: 'pointed',
  version: 1,
  handles: new Set(['Moved.v1', 'Counted.v1']),
  indexes: [],
  reads: () => ['where'],
  keys: (e, read) => (e.type === 'Moved.v1' ? ['where'] : [read('where')?.at ?? 'nowhere']),
  evolve: (doc, e) => (e.type === 'Moved.v1' ? { _id: 'where', at: (e.data as { to: string }).to } : { _id: doc?._id ?? '', count: (doc?.count ?? 0) + 1 }),
};

/** One document per event, written whole (`writesWhole`), and a running count that is loaded as usual. */
interface Logged extends Document { readonly type?: string; readonly events?: number }
const perEvent: Projection<Logged> = {
  name: 'per-event',
  version: 1,
  handles: new Set(['Seen.v1']),
  indexes: [],
  writesWhole: (id) => id.startsWith('event:'),
  keys: (e) => [`event:${e.position}`, 'count'],
  evolve: (doc, e, id) => (id === 'count' ? { _id: id, events: (doc?.events ?? 0) + 1 } : { _id: id, type: e.type }),
};

async function given(types: readonly string[], data: readonly unknown[] = []): Promise<readonly RecordedEvent[]> {
  const events = new MemoryEventStore();
  for (const [i, type] of types.entries()) await events.append('s-1', [makeEvent(type, data[i] ?? {})], 'any');
  const batch: RecordedEvent[] = [];
  for await (const part of events.readAll({ after: 0 })) batch.push(...part);
  return batch;
}

describe('applyBatch', () => {
  it('given an event that fails on its second document after its first came back unchanged, then neither document takes its position', async () => {
    const batch = await given(['Seen.v1', 'Broken.v1']);
    const collection = new MemoryReadStore().collection<Seen>('seen');

    const outcome = await applyBatch(twoDocuments, collection, batch, 0);

    expect(outcome).toMatchObject({ appliedThrough: 1, poisoned: { position: 2, error: 'cannot count a broken event' } });
    expect(await collection.get('s-1')).toEqual({ _id: 's-1', events: 1, _position: 1 });
    expect(await collection.get('total')).toEqual({ _id: 'total', events: 1, _position: 1 });
  });

  it('given a batch already applied, when applied again, then nothing is written', async () => {
    const batch = await given(['Seen.v1', 'Seen.v1']);
    const collection = new MemoryReadStore().collection<Seen>('seen');
    await applyBatch(twoDocuments, collection, batch, 0);

    const again = await applyBatch(twoDocuments, collection, batch, 0);

    expect(again.writes).toBe(0);
    expect(await collection.get('total')).toEqual({ _id: 'total', events: 2, _position: 2 });
  });

  it('given documents an event writes whole, when a batch is applied and applied again, then they are never looked up and the second time changes nothing', async () => {
    const batch = await given(['Seen.v1', 'Seen.v1']);
    const collection = new MemoryReadStore().collection<Logged>('per-event');
    const asked: string[] = [];
    const getMany = collection.getMany.bind(collection);
    collection.getMany = (ids) => { asked.push(...ids); return getMany(ids); };
    const stored = () => Promise.all(['event:1', 'event:2', 'count'].map((id) => collection.get(id)));
    await applyBatch(perEvent, collection, batch, 0);
    const once = await stored();

    await applyBatch(perEvent, collection, batch, 0);

    expect(asked).toEqual(['count', 'count']);
    expect(await stored()).toEqual(once);
    expect(once).toEqual([
      { _id: 'event:1', type: 'Seen.v1', _position: 1 }, { _id: 'event:2', type: 'Seen.v1', _position: 2 }, { _id: 'count', events: 2, _position: 2 },
    ]);
  });

  it('given a document read to name the others, when an earlier event of the batch changes it, then later events follow the change', async () => {
    const batch = await given(['Moved.v1', 'Counted.v1', 'Moved.v1', 'Counted.v1', 'Counted.v1'], [{ to: 'a' }, {}, { to: 'b' }, {}, {}]);
    const collection = new MemoryReadStore().collection<Pointer>('pointed');
    await applyBatch(pointed, collection, batch.slice(0, 2), 0);

    await applyBatch(pointed, collection, batch, 2);

    expect(await collection.get('a')).toMatchObject({ count: 1, _position: 2 });
    expect(await collection.get('b')).toMatchObject({ count: 2, _position: 5 });
    expect(await collection.get('where')).toMatchObject({ at: 'b', _position: 3 });
  });
});
