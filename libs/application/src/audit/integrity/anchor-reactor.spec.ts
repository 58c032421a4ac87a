import { ANCHOR_STREAM, MemoryEventStore, RecordedEvent, makeEvent, verifyEventStore, watchHandedOut } from '@pl/event-store';
import { anchorLog } from './anchor-log';
import { AnchorReactor } from './anchor-reactor';

const appendSome = async (store: MemoryEventStore, stream: string, count: number) => {
  for (let i = 0; i < count; i++) await store.append(stream, [makeEvent('HouseholdAssessed.v1', { i })], 'any');
};
const anchors = async (store: MemoryEventStore): Promise<readonly RecordedEvent[]> => store.readStream(ANCHOR_STREAM).catch(() => []);
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('anchoring the log', () => {
  it('given a reactor every 10 events, when 25 are appended, then two anchors verify against the log', async () => {
    const store = new MemoryEventStore();
    const reactor = new AnchorReactor(store, 10);
    await reactor.start();
    await appendSome(store, 'household-a', 25);
    await settle();
    await reactor.stop();
    expect((await anchors(store)).map((e) => (e.data as { eventCount: number }).eventCount)).toEqual([10, 20]);
    expect(await verifyEventStore(store)).toMatchObject({ ok: true, anchorsChecked: 2, logEventCount: 25 });
  });

  it('given a restart, when more events come, then it resumes from the latest anchor', async () => {
    const store = new MemoryEventStore();
    const first = new AnchorReactor(store, 10);
    await first.start();
    await appendSome(store, 'household-a', 14);
    await settle();
    await first.stop();
    await appendSome(store, 'household-b', 3);
    const second = new AnchorReactor(store, 10);
    await second.start();
    await appendSome(store, 'household-b', 3);
    await settle();
    await second.stop();
    expect((await anchors(store)).map((e) => (e.data as { eventCount: number }).eventCount)).toEqual([10, 20]);
    expect(await verifyEventStore(store)).toMatchObject({ ok: true, anchorsChecked: 2 });
  });

  it('given a backlog of 3,000 events, when started, then it reads no further ahead than the batch it is hashing and anchors it all', async () => {
    const store = new MemoryEventStore();
    await appendSome(store, 'household-a', 3000);
    const handedOut = watchHandedOut(store);
    let lead = 0;
    const append = store.append.bind(store);
    store.append = (stream, events, expected) => {
      if (stream === ANCHOR_STREAM) lead = Math.max(lead, handedOut() - (events[0].data as { position: number }).position);
      return append(stream, events, expected);
    };
    const reactor = new AnchorReactor(store, 100);

    await reactor.start();
    for (let i = 0; i < 100 && (await anchors(store)).length < 30; i++) await settle();
    await reactor.stop();

    expect(await anchors(store)).toHaveLength(30);
    expect(lead).toBeLessThanOrEqual(500);
  });

  it('given an anchor from the command line in between, then the reactor counts from it', async () => {
    const store = new MemoryEventStore();
    const reactor = new AnchorReactor(store, 10);
    await reactor.start();
    await appendSome(store, 'household-a', 6);
    await anchorLog(store, { id: 'operator-1', role: 'operator' });
    await appendSome(store, 'household-a', 9);
    await settle();
    expect(await anchors(store)).toHaveLength(1);
    await appendSome(store, 'household-a', 1);
    await settle();
    await reactor.stop();
    expect((await anchors(store)).map((e) => (e.data as { eventCount: number }).eventCount)).toEqual([6, 16]);
    expect(await verifyEventStore(store)).toMatchObject({ ok: true, anchorsChecked: 2 });
  });
});
