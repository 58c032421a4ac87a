import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordedEvent } from '../../envelope';
import { EventStoreUnavailableError } from '../../errors';
import { makeEvent } from '../../testing/make-event';
import { storedEvent } from './event-rows';
import { SqliteEventStore } from './sqlite-event-store';

describe('storedEvent', () => {
  const make = (rawData: string, rawMetadata = '{"schemaVersion":1}') =>
    storedEvent(7, 'household-1', 2, 'e-1', 'HouseholdAssessed.v2', rawData, rawMetadata, 'prev', 'hash');

  it('given stored text, when data and metadata are read, then they are parsed once and the same objects come back', () => {
    const event = make('{"reviewYear":2025}');

    expect(event.data).toEqual({ reviewYear: 2025 });
    expect(event.data).toBe(event.data);
    expect(event.metadata).toBe(event.metadata);
    expect(event.metadata.schemaVersion).toBe(1);
  });

  it('given stored text that is never read, then it is never parsed: a projection that skips the type pays nothing', () => {
    const event = make('not json', 'not json either');

    expect([event.position, event.streamId, event.revision, event.eventId, event.type, event.prevHash, event.hash])
      .toEqual([7, 'household-1', 2, 'e-1', 'HouseholdAssessed.v2', 'prev', 'hash']);
    expect(() => event.data).toThrow(SyntaxError);
  });

  it('given an event, when it is turned into JSON, then every field is there, data and metadata parsed', () => {
    const event = make('{"reviewYear":2025}');

    expect(JSON.parse(JSON.stringify(event))).toEqual({
      position: 7, streamId: 'household-1', revision: 2, eventId: 'e-1', type: 'HouseholdAssessed.v2',
      data: { reviewYear: 2025 }, metadata: { schemaVersion: 1 }, prevHash: 'prev', hash: 'hash',
    });
  });
});

describe('events read in log order', () => {
  const folder = mkdtempSync(join(tmpdir(), 'pl-rows-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  let files = 0;
  const open = () => SqliteEventStore.open({ file: join(folder, `events-${++files}.sqlite`), synchronous: 'normal' });
  const readAll = async (store: SqliteEventStore, batchSize: number) => {
    const events: RecordedEvent[] = [];
    for await (const batch of store.readAll({ batchSize })) events.push(...batch);
    return events;
  };

  it('given a log, when it is read in batches, then each event has the chain hashes its stream read gives, loaded on first use', async () => {
    const store = await open();
    await store.append('s-1', [makeEvent('A.v1', { n: 1 }), makeEvent('A.v1', { n: 2 })], 'no-stream');
    await store.append('s-2', [makeEvent('B.v1', { n: 3 })], 'no-stream');
    await store.append('s-1', [makeEvent('A.v1', { n: 4 })], 'any');

    const inLogOrder = await readAll(store, 3);
    const byStream = [...(await store.readStream('s-1')), ...(await store.readStream('s-2'))];

    const chain = (e: RecordedEvent) => [e.position, e.prevHash, e.hash];
    expect(inLogOrder.map(chain).sort()).toEqual(byStream.map(chain).sort());
    expect(inLogOrder[3].prevHash).toBe(inLogOrder[1].hash);
    await store.close();
  });

  it('given events read and never asked for their hashes, when the store has closed, then asking says the store is unavailable', async () => {
    const store = await open();
    await store.append('s-1', [makeEvent('A.v1', {})], 'no-stream');
    const [event] = await readAll(store, 10);
    await store.close();

    expect(() => event.hash).toThrow(EventStoreUnavailableError);
    expect(event.type).toBe('A.v1');
  });
});
