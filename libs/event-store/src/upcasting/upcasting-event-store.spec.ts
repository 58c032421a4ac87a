import { firstValueFrom, take, toArray } from 'rxjs';
import { MemoryEventStore } from '../adapters/memory/memory-event-store';
import { RecordedEvent } from '../envelope';
import { eventStoreContract } from '../testing/event-store.contract';
import { makeEvent, uniqueStream } from '../testing/make-event';
import { Upcaster, UpcasterRegistry } from './upcaster';
import { UpcastingEventStore, storedForm } from './upcasting-event-store';

// A made-up family so these tests hold whatever the domain's events become.
const v1ToV2: Upcaster = { from: 'Parcel.v1', to: 'Parcel.v2', upcast: (data) => ({ ...(data as object), unit: 'm2' }) };
const v2ToV3: Upcaster = {
  from: 'Parcel.v2',
  to: 'Parcel.v3',
  upcast: (data) => {
    const { area, ...rest } = data as { area: number };
    return { ...rest, areaM2: area };
  },
};

async function all(store: UpcastingEventStore): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const batch of store.readAll()) out.push(...batch);
  return out;
}

describe('upcasting event store', () => {
  const given = () => {
    const raw = new MemoryEventStore();
    return { raw, store: new UpcastingEventStore(raw, [v2ToV3, v1ToV2]) };
  };

  it('given a v1 event stored raw, when read, then every reader sees it as the latest version', async () => {
    const { raw, store } = given();
    const stream = uniqueStream('parcel');
    await raw.append(stream, [makeEvent('Parcel.v1', { area: 40 })], 'no-stream');
    const expected = { type: 'Parcel.v3', data: { areaM2: 40, unit: 'm2' }, metadata: expect.objectContaining({ schemaVersion: 3 }) };

    expect(await store.readStream(stream)).toEqual([expect.objectContaining(expected)]);
    expect(await all(store)).toEqual([expect.objectContaining(expected)]);
    const live = await firstValueFrom(store.subscribe(0).pipe(take(1), toArray()));
    expect(live.flat()).toEqual([expect.objectContaining(expected)]);
  });

  it('given an upcast read, then the stored row is unchanged: type, data, version and hash', async () => {
    const { raw, store } = given();
    const stream = uniqueStream('parcel');
    await store.append(stream, [makeEvent('Parcel.v1', { area: 40 })], 'no-stream');
    const before = structuredClone(await raw.readStream(stream));
    await store.readStream(stream);
    await all(store);

    const after = await raw.readStream(stream);
    expect(after).toEqual(before);
    expect(after[0]).toMatchObject({ type: 'Parcel.v1', data: { area: 40 }, metadata: { schemaVersion: 1 } });
    expect((await store.readStream(stream))[0].hash).toBe(after[0].hash);
    expect(storedForm(store)).toBe(raw);
    expect(storedForm(raw)).toBe(raw);
  });

  it('given an event already current, then it is handed on as is', async () => {
    const { raw, store } = given();
    const stream = uniqueStream('parcel');
    const current = makeEvent('Parcel.v3', { areaM2: 9, unit: 'm2' });
    await raw.append(stream, [{ ...current, metadata: { ...current.metadata, schemaVersion: 3 } }], 'no-stream');
    const [stored] = await raw.readStream(stream);
    expect((await store.readStream(stream))[0]).toBe(stored);
  });

  it('when two upcasters read the same type, or one goes backwards, then the registry is refused', () => {
    expect(() => new UpcasterRegistry([v1ToV2, { ...v1ToV2, to: 'Parcel.v3' }])).toThrow(/two upcasters read Parcel.v1/);
    expect(() => new UpcasterRegistry([{ ...v1ToV2, from: 'Parcel.v2', to: 'Parcel.v1' }])).toThrow(/must go forward/);
    expect(() => new UpcasterRegistry([{ ...v1ToV2, to: 'Lot.v2' }])).toThrow(/must go forward/);
  });
});

eventStoreContract('upcasting over memory', async () => {
  const raw = new MemoryEventStore();
  const store = new UpcastingEventStore(raw, [v1ToV2]);
  return { store, cleanup: () => store.close() };

  it('given an old event read for its data only, when upcast, then its metadata is never parsed', () => {
    const stored = { ...makeEvent('Parcel.v1', { area: 40 }), streamId: 'parcel-1', revision: 0, position: 1, prevHash: '', hash: 'h' };
    let metadataReads = 0;
    const event = Object.defineProperty({ ...stored }, 'metadata', { enumerable: true, get: () => { metadataReads++; return stored.metadata; } }) as RecordedEvent;

    const current = new UpcasterRegistry([v1ToV2, v2ToV3]).upcast(event);

    expect(current.data).toEqual({ areaM2: 40, unit: 'm2' });
    expect(metadataReads).toBe(0);
    expect(current.metadata).toEqual({ ...stored.metadata, schemaVersion: 3 });
    expect(current).toMatchObject({ type: 'Parcel.v3', position: 1, hash: 'h' });
  });
});
