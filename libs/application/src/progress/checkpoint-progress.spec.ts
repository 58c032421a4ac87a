import { MemoryEventStore, makeEvent } from '@pl/event-store';
import { Document, MemoryReadStore } from '@pl/read-store';
import { Projection, ProjectionRunner } from '@pl/projections';
import { CheckpointProgress } from './checkpoint-progress';

const counter = (name: string): Projection<Document> => ({
  name, version: 1, handles: new Set(['Tick.v1']), indexes: [],
  keys: () => ['total'],
  evolve: (doc) => ({ count: Number((doc as { count?: number } | null)?.count ?? 0) + 1 }) as never,
});

// The runner stands for the projector process; the progress reads only what it stored.
describe('CheckpointProgress', () => {
  const setup = async () => {
    const events = new MemoryEventStore();
    const readStore = new MemoryReadStore();
    const projections = [counter('a'), counter('b')];
    const progress = new CheckpointProgress(readStore, events, projections, 5);
    return { events, readStore, projections, progress };
  };

  it('waits until every checkpoint reaches the position a projector applies later', async () => {
    const { events, readStore, projections, progress } = await setup();
    const { position } = await events.append('s-1', [makeEvent('Tick.v1', {})], 'no-stream');
    const waiting = progress.waitFor(position, 2000);
    const runner = new ProjectionRunner(events, readStore, projections);
    await runner.start();
    expect(await waiting).toBe(true);
    expect(progress.position()).toBe(position);
    await runner.stop();
  });

  it('answers false after the timeout when no projector runs, and reports the lag', async () => {
    const { events, progress } = await setup();
    const { position } = await events.append('s-1', [makeEvent('Tick.v1', {})], 'no-stream');
    const started = Date.now();
    expect(await progress.waitFor(position, 60)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect(progress.snapshot().map((s) => [s.name, s.checkpoint, s.state])).toEqual([['a', 0, 'catching-up'], ['b', 0, 'catching-up']]);
  });

  it('takes the lowest checkpoint: one projection behind holds the position back', async () => {
    const { events, readStore, progress } = await setup();
    await events.append('s-1', [makeEvent('Tick.v1', {}), makeEvent('Tick.v1', {})], 'no-stream');
    await readStore.setCheckpoint('a_v1', 2);
    await readStore.setCheckpoint('b_v1', 1);
    await progress.refresh();
    expect(progress.position()).toBe(1);
    expect(progress.snapshot().find((s) => s.name === 'a')?.state).toBe('live');
  });

  it('follows an alias to a blue/green collection of the same version, as the runner does', async () => {
    const { readStore, progress } = await setup();
    await readStore.setAlias('a', 'a_v1_b2');
    await readStore.setCheckpoint('a_v1_b2', 9);
    await readStore.setAlias('b', 'b_v0');
    await readStore.setCheckpoint('b_v1', 4);
    await progress.refresh();
    expect(progress.snapshot().map((s) => [s.collection, s.checkpoint])).toEqual([['a_v1_b2', 9], ['b_v1', 4]]);
  });
});
