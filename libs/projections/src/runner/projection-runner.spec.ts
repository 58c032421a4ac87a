import { MemoryEventStore, RecordedEvent, makeEvent, watchHandedOut } from '@pl/event-store';
import { Document, MemoryReadStore } from '@pl/read-store';
import { Projection, collectionOf } from '../projection';
import { ProjectionRunner } from './projection-runner';

interface Tally extends Document { readonly count: number; readonly last: string }

/** Counts events per stream; throws on a `Poison.v1` event to exercise the poisoned path. */
const tally: Projection<Tally> = {
  name: 'tally',
  version: 1,
  handles: new Set(['Counted.v1', 'Poison.v1']),
  indexes: [],
  keys: (e) => [e.streamId],
  evolve: (doc, e: RecordedEvent) => {
    if (e.type === 'Poison.v1' && (e.data as { fatal: boolean }).fatal) throw new Error('cannot apply a fatal poison');
    return { _id: e.streamId, count: (doc?.count ?? 0) + 1, last: e.eventId };
  },
};

async function setup() {
  const events = new MemoryEventStore();
  const readModels = new MemoryReadStore();
  const runner = new ProjectionRunner(events, readModels, [tally as unknown as Projection<Document>], { batchSize: 3 });
  const docs = () => readModels.collection<Tally>(collectionOf(tally));
  return { events, readModels, runner, docs };
}

describe('ProjectionRunner', () => {
  it('given stored events, when started, then the read model has caught up and records positions', async () => {
    const { events, runner, docs } = await setup();
    for (let i = 0; i < 7; i++) await events.append('s-1', [makeEvent('Counted.v1', { i })], 'any');
    await events.append('s-2', [makeEvent('Ignored.v1', {})], 'any');
    await runner.start();
    expect(await docs().get('s-1')).toMatchObject({ count: 7, _position: 7 });
    expect(await docs().get('s-2')).toBeUndefined();
    expect(runner.position()).toBe(8);
    await runner.stop();
  });

  it('given a running projection, when events are appended, then a wait for their position sees them', async () => {
    const { events, runner, docs } = await setup();
    await runner.start();
    const { position } = await events.append('s-1', [makeEvent('Counted.v1', {}), makeEvent('Counted.v1', {})], 'no-stream');
    expect(await runner.waitFor(position, 2000)).toBe(true);
    expect(await docs().get('s-1')).toMatchObject({ count: 2, _position: position });
    await runner.stop();
  });

  it('given a checkpoint lost after a write, when the same batch is applied again, then nothing changes', async () => {
    const { events, readModels, runner, docs } = await setup();
    for (let i = 0; i < 4; i++) await events.append('s-1', [makeEvent('Counted.v1', {})], 'any');
    await runner.start();
    await runner.stop();
    await readModels.setCheckpoint(collectionOf(tally), 0);
    const again = new ProjectionRunner(events, readModels, [tally as unknown as Projection<Document>]);
    await again.start();
    expect(await docs().get('s-1')).toMatchObject({ count: 4 });
    await again.stop();
  });

  it('given a long backlog and a read store that writes slowly, when started, then it reads no further ahead than the batch it is applying', async () => {
    const { events, readModels, runner, docs } = await setup();
    for (let i = 0; i < 60; i++) await events.append(`s-${i % 7}`, [makeEvent('Counted.v1', { i })], 'any');
    const handedOut = watchHandedOut(events);
    let lead = 0;
    const collection = readModels.collection(collectionOf(tally));
    const bulkWrite = collection.bulkWrite.bind(collection);
    collection.bulkWrite = async (writes) => {
      lead = Math.max(lead, handedOut() - runner.position());
      await new Promise((resolve) => setTimeout(resolve, 2));
      return bulkWrite(writes);
    };

    await runner.start();

    expect(await docs().get('s-0')).toMatchObject({ count: 9 });
    expect(runner.position()).toBe(60);
    expect(lead).toBeLessThanOrEqual(3);
    await runner.stop();
  });

  it('given a poison event, then the projection stops before it, reports it, and resumes when skipped', async () => {
    const { events, runner, docs } = await setup();
    await events.append('s-1', [makeEvent('Counted.v1', {})], 'any');
    const poison = await events.append('s-1', [makeEvent('Poison.v1', { fatal: true })], 'any');
    await events.append('s-1', [makeEvent('Counted.v1', {})], 'any');
    await runner.start();
    expect(runner.poisoned()).toEqual([expect.objectContaining({ projection: 'tally', position: poison.position, error: 'cannot apply a fatal poison' })]);
    expect(runner.snapshot()[0]).toMatchObject({ state: 'stopped', checkpoint: poison.position - 1 });
    expect(await runner.waitFor(poison.position, 50)).toBe(false);
    expect(await docs().get('s-1')).toMatchObject({ count: 1 });

    await runner.resolvePoison('tally', 'skip');
    expect(runner.poisoned()).toEqual([]);
    expect(await docs().get('s-1')).toMatchObject({ count: 2, _position: poison.position + 1 });
    await runner.stop();
  });
});
