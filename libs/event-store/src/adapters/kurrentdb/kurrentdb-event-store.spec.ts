import { DeadlineExceededError, NO_STREAM, StreamNotFoundError as ClientStreamNotFound, UnavailableError, WrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import type { AppendToStreamOptions, EventData } from '@kurrent/kurrentdb-client';
import { EventStoreUnavailableError, StreamNotFoundError, WrongExpectedRevisionError } from '../../errors';
import { eventHash } from '../../hash';
import { readAllEvents } from '../../testing/collect';
import { eventStoreContract } from '../../testing/event-store.contract';
import { makeEvent, uniqueStream } from '../../testing/make-event';
import { toStoreError } from './error-mapping';
import { FakeKurrentClient } from './fake-kurrentdb-client';
import { KurrentDbEventStore } from './kurrentdb-event-store';
import { toPosition } from './positions';

// Every adapter path the contract reaches, over the stand-in with positions 1, 2, 3...
eventStoreContract('kurrentdb adapter over an in-memory client', async () => {
  const store = new KurrentDbEventStore(new FakeKurrentClient(), { resubscribe: { initialMs: 1 } });
  return { store, cleanup: () => store.close() };
}, { uniqueEventIdsAcrossStreams: false });

// As on a real server, positions are commit positions with gaps between them.
eventStoreContract('kurrentdb adapter over an in-memory client with gapped positions', async () => {
  const store = new KurrentDbEventStore(new FakeKurrentClient(37), { resubscribe: { initialMs: 1 } });
  return { store, cleanup: () => store.close() };
}, { uniqueEventIdsAcrossStreams: false, contiguousPositions: false });

const given = (gap = 0) => {
  const client = new FakeKurrentClient(gap);
  const sent: AppendToStreamOptions[] = [];
  const append = client.appendToStream.bind(client);
  client.appendToStream = (name: string, events: EventData[], options: AppendToStreamOptions) => { sent.push(options); return append(name, events, options); };
  const reads = jest.spyOn(client, 'readStream');
  return { client, sent, reads, store: new KurrentDbEventStore(client, { deadlineMs: 1234 }) };
};

describe('KurrentDbEventStore', () => {
  it('always writes with the exact revision it chained to, whatever the caller expected', async () => {
    const { store, sent } = given();
    const stream = uniqueStream();
    await store.append(stream, [makeEvent('A.v1', {})], 'no-stream');
    await store.append(stream, [makeEvent('A.v1', {})], 0);
    await store.append(stream, [makeEvent('A.v1', {})], 'any');
    await store.append(stream, [makeEvent('A.v1', {})], 'stream-exists');
    expect(sent.map((o) => o.streamState)).toEqual([NO_STREAM, 0n, 1n, 2n]);
    expect(sent.every((o) => o.deadline === 1234)).toBe(true);
  });

  it('reads only the tail for an append with the exact expected revision, and the whole stream when it may be a retry', async () => {
    const { store, reads } = given();
    const stream = uniqueStream();
    await store.append(stream, [makeEvent('A.v1', {})], 'no-stream');
    reads.mockClear();
    await store.append(stream, [makeEvent('A.v1', {})], 0);
    expect(reads).toHaveBeenCalledTimes(1);
    reads.mockClear();
    await store.append(stream, [makeEvent('A.v1', {})], 'any');
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('chains to the new tail when an `any` append loses a race, so the hash chain never forks', async () => {
    const { client, store } = given();
    const other = new KurrentDbEventStore(client);
    const stream = uniqueStream();
    await store.append(stream, [makeEvent('A.v1', { n: 0 })], 'no-stream');
    const append = client.appendToStream.bind(client);
    let raced = false;
    client.appendToStream = async (name, events, options) => {
      if (!raced) { raced = true; await other.append(stream, [makeEvent('B.v1', { n: 1 })], 0); }
      return append(name, events, options);
    };

    expect(await store.append(stream, [makeEvent('A.v1', { n: 2 })], 'any')).toMatchObject({ revision: 2, duplicate: false });

    const stored = await store.readStream(stream);
    expect(stored.map((e) => e.data)).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
    stored.forEach((e, i) => {
      expect(e.prevHash).toBe(i === 0 ? '' : stored[i - 1].hash);
      expect(e.hash).toBe(eventHash(e.prevHash, stream, e.revision, { eventId: e.eventId, type: e.type, data: e.data, metadata: e.metadata }));
    });
  });

  it('stores the hash chain in the server metadata beside the product metadata, and reads it back out', async () => {
    const { client, store } = given();
    const event = makeEvent('A.v1', { n: 1 });
    await store.append(uniqueStream(), [event], 'no-stream');
    const stored = JSON.parse(client.rows[0].metadata) as Record<string, unknown>;
    expect(Object.keys(stored).sort()).toEqual([...Object.keys(event.metadata), 'hash', 'prevHash'].sort());
    const [read] = (await readAllEvents(store)).events;
    expect(read.metadata).toEqual(event.metadata);
  });

  it('answers a retry from the stream, marked duplicate, and writes nothing', async () => {
    const { client, store } = given(41);
    const stream = uniqueStream();
    const batch = [makeEvent('A.v1', { n: 1 }), makeEvent('A.v1', { n: 2 })];
    const first = await store.append(stream, batch, 'no-stream');
    await store.append(stream, [makeEvent('A.v1', { n: 3 })], 1);

    expect(await store.append(stream, batch, 'no-stream')).toEqual({ ...first, duplicate: true });
    expect(await store.append(stream, batch, 'any')).toEqual({ ...first, duplicate: true });
    expect(client.rows).toHaveLength(3);
  });

  it('reports commit positions with their gaps, the same in append results, reads and the head', async () => {
    const { store } = given(99);
    const a = await store.append(uniqueStream(), [makeEvent('A.v1', {}), makeEvent('A.v1', {})], 'no-stream');
    const b = await store.append(uniqueStream(), [makeEvent('A.v1', {})], 'no-stream');

    const { events, batchSizes } = await readAllEvents(store, { batchSize: 2 });
    expect(events.map((e) => e.position)).toEqual([1, 101, 201]);
    expect(batchSizes).toEqual([2, 1]);
    expect([a.position, b.position, await store.headPosition()]).toEqual([101, 201, 201]);
    expect((await readAllEvents(store, { after: 1, until: 101 })).events.map((e) => e.position)).toEqual([101]);
  });

  it('leaves the server\'s own events out of reads, the head and subscriptions', async () => {
    const { client, store } = given();
    await store.append(uniqueStream(), [makeEvent('A.v1', {})], 'no-stream');
    client.writeSystemEvent();
    await store.append(uniqueStream(), [makeEvent('B.v1', {})], 'no-stream');
    client.writeSystemEvent();

    expect((await readAllEvents(store)).events.map((e) => [e.type, e.position])).toEqual([['A.v1', 1], ['B.v1', 3]]);
    expect(await store.headPosition()).toBe(3);
  });

  it('keeps each namespace to its own streams on a shared server', async () => {
    const client = new FakeKurrentClient();
    const [one, two] = [new KurrentDbEventStore(client, { namespace: 'one-' }), new KurrentDbEventStore(client, { namespace: 'two-' })];
    await one.append('household-1', [makeEvent('A.v1', {})], 'no-stream');
    await two.append('household-1', [makeEvent('B.v1', {})], 'no-stream');

    expect(client.rows.map((r) => r.streamName)).toEqual(['one-household-1', 'two-household-1']);
    expect((await readAllEvents(two)).events.map((e) => [e.streamId, e.type])).toEqual([['household-1', 'B.v1']]);
    expect(await one.headPosition()).toBe(1);
    await expect(two.readStream('household-2')).rejects.toBeInstanceOf(StreamNotFoundError);
  });

  it.each([
    ['appendToStream', (s: KurrentDbEventStore) => s.append(uniqueStream(), [makeEvent('A.v1', {})], 'no-stream')],
    ['readStream', (s: KurrentDbEventStore) => s.readStream(uniqueStream())],
    ['readAll', (s: KurrentDbEventStore) => readAllEvents(s)],
  ] as const)('turns a connection failure in %s into EventStoreUnavailableError', async (method, call) => {
    const { client, store } = given();
    client.failNext(method, new UnavailableError(undefined, 'connect ECONNREFUSED'));
    await expect(call(store)).rejects.toBeInstanceOf(EventStoreUnavailableError);
    expect(client.rows).toHaveLength(0);
  });

  it('disposes the client on close', async () => {
    const { client, store } = given();
    await store.close();
    expect(client.disposed).toBe(true);
    await expect(store.append(uniqueStream(), [], 'any')).rejects.toBeInstanceOf(EventStoreUnavailableError);
  });
});

describe('client error mapping', () => {
  it('maps a wrong expected version to WrongExpectedRevisionError with the actual revision', () => {
    const error = toStoreError(new WrongExpectedVersionError(undefined, { streamName: 'x', expected: 0n, current: 3n }), 'x');
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect((error as WrongExpectedRevisionError).actual).toBe(3);
    expect((toStoreError(new WrongExpectedVersionError(undefined, { streamName: 'x', expected: 'stream_exists', current: 'no_stream' }), 'x') as WrongExpectedRevisionError).actual).toBe('no-stream');
  });

  it('maps a missing stream, an unreachable server and a passed deadline, and passes anything else through', () => {
    expect(toStoreError(new ClientStreamNotFound(undefined, 'x'), 'x')).toBeInstanceOf(StreamNotFoundError);
    expect(toStoreError(new UnavailableError(), 'x')).toBeInstanceOf(EventStoreUnavailableError);
    expect(toStoreError(new DeadlineExceededError(), 'x')).toBeInstanceOf(EventStoreUnavailableError);
    const other = new Error('boom');
    expect(toStoreError(other, 'x')).toBe(other);
  });

  it('refuses a log position a JavaScript number cannot hold exactly', () => {
    expect(toPosition(2n ** 53n - 1n)).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => toPosition(2n ** 53n)).toThrow(RangeError);
  });
});
