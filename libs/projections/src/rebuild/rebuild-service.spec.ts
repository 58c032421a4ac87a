import { MemoryEventStore, RecordedEvent, makeEvent } from '@pl/event-store';
import { Document, MemoryReadStore } from '@pl/read-store';
import { filter, firstValueFrom, toArray } from 'rxjs';
import { Projection, collectionOf } from '../projection';
import { ProjectionRunner } from '../runner/projection-runner';
import { ReadModels } from './read-models';
import { RebuildService } from './rebuild-service';

interface Tally extends Document { readonly count: number; readonly doubled?: boolean }

let evolved = 0;

/** Counts events per stream; version 2 also marks its documents, so a diff has something to find. */
const tally = (version: number): Projection<Tally> => ({
  name: 'tally', version, handles: new Set(['Counted.v1']), indexes: [{ fields: ['count'] }],
  keys: (e: RecordedEvent) => [e.streamId],
  evolve: (doc, e) => (evolved++, { _id: e.streamId, count: (doc?.count ?? 0) + 1, ...(version > 1 ? { doubled: true } : {}) }),
});
const defs = [tally(1), tally(2)] as unknown as Projection<Document>[];

async function given(streams: number, perStream: number, readStore = new MemoryReadStore(), events = new MemoryEventStore()) {
  for (let s = 0; s < streams; s++) for (let i = 0; i < perStream; i++) await events.append(`s-${s}`, [makeEvent('Counted.v1', { i })], 'any');
  const runner = new ProjectionRunner(events, readStore, [defs[0]], { followAliases: true });
  await runner.start();
  const readModels = new ReadModels(readStore);
  const service = new RebuildService(readStore, events, runner, readModels, defs, { now: () => new Date() });
  return { events, readStore, runner, readModels, service };
}

describe('RebuildService', () => {
  it('given a live read model, when the same version is rebuilt, then it builds into a fresh collection, reports progress and no difference', async () => {
    const { service, runner, readModels } = await given(4, 5);
    const started = await service.start('tally');
    expect(started).toMatchObject({ _id: 'tally_v1_b1', fromCollection: 'tally_v1', toCollection: 'tally_v1_b1', state: 'building' });
    const progress = firstValueFrom(service.progress(started._id).pipe(toArray()));
    const ready = await service.whenSettled(started._id);
    expect(ready).toMatchObject({ state: 'ready', progress: { done: 20, total: 20, etaSeconds: 0 } });
    expect(ready.diff).toMatchObject({ liveCount: 4, rebuiltCount: 4, identical: true, differing: [] });
    expect((await readModels.live(tally(1))).name).toBe('tally_v1');
    await service.switch(started._id);
    expect((await progress).at(-1)).toMatchObject({ done: 20 });
    expect((await readModels.live(tally(1))).name).toBe('tally_v1_b1');
    await runner.stop();
  });

  it('given a new version, when rebuilt and switched, then the diff names what changed and later events reach the new collection', async () => {
    const { service, runner, readModels, events, readStore } = await given(3, 2);
    const { _id } = await service.start('tally', { toVersion: 2 });
    const ready = await service.whenSettled(_id);
    expect(ready.diff).toMatchObject({ identical: false, differingCount: 3, differing: ['s-0', 's-1', 's-2'], onlyInLive: [], onlyInRebuilt: [] });
    await service.switch(_id);
    expect(await service.get(_id)).toMatchObject({ state: 'switched' });
    const { position } = await events.append('s-9', [makeEvent('Counted.v1', {})], 'any');
    expect(await runner.waitFor(position, 2000)).toBe(true);
    expect(await (await readModels.live<Tally>(tally(2))).get('s-9')).toMatchObject({ count: 1, doubled: true });
    expect(runner.snapshot()[0]).toMatchObject({ collection: 'tally_v2', version: 2 });
    expect(await readStore.collection('tally_v1').get('s-9')).toBeUndefined();
    await runner.stop();
  });

  it('given a ready rebuild, when aborted, then its collection is dropped and the old one stays live', async () => {
    const { service, runner, readModels, readStore } = await given(2, 2);
    const { _id } = await service.start('tally');
    await service.whenSettled(_id);
    await expect(service.start('tally')).rejects.toMatchObject({ code: 'REBUILD_IN_PROGRESS' });
    expect(await service.abort(_id)).toMatchObject({ state: 'aborted' });
    expect(await readStore.listCollections()).not.toContain('tally_v1_b1');
    expect((await readModels.live(tally(1))).name).toBe('tally_v1');
    await expect(service.switch(_id)).rejects.toMatchObject({ code: 'REBUILD_NOT_READY' });
    expect((await service.start('tally'))._id).toBe('tally_v1_b2');
    await service.close();
    await runner.stop();
  });

  it('given an unknown projection or version, then start refuses it', async () => {
    const { service, runner } = await given(1, 1);
    await expect(service.start('nothing')).rejects.toMatchObject({ code: 'PROJECTION_NOT_FOUND' });
    await expect(service.start('tally', { toVersion: 7 })).rejects.toMatchObject({ code: 'PROJECTION_VERSION_UNKNOWN' });
    await expect(service.get('tally_v9')).rejects.toMatchObject({ code: 'REBUILD_NOT_FOUND' });
    await runner.stop();
  });

  it('given a rebuild cut off by a restart, when started again on the same stores, then it resumes from its checkpoint', async () => {
    const readStore = new MemoryReadStore();
    const events = new MemoryEventStore();
    const first = await given(30, 400, readStore, events);
    const { _id } = await first.service.start('tally', { toVersion: 2 });
    // Cut off once some batches are in: the process ends, the read store keeps what it had.
    await firstValueFrom(first.service.progress(_id).pipe(filter((p) => p.done >= 5000)));
    await first.service.close();
    await first.runner.stop();
    const checkpoint = await readStore.getCheckpoint('tally_v2');
    expect(checkpoint).toBeGreaterThan(0);
    expect(checkpoint).toBeLessThan(12_000);

    const second = await given(0, 0, readStore, events);
    evolved = 0;
    expect(await second.service.start('tally')).toMatchObject({ _id, state: 'building', toVersion: 2, resumedFrom: checkpoint });
    const ready = await second.service.whenSettled(_id);
    expect(ready).toMatchObject({ state: 'ready', progress: { done: 12_000 } });
    // Only what followed the checkpoint was applied again (the live version 1 kept its own checkpoint).
    expect(evolved).toBe(12_000 - checkpoint);
    expect(ready.diff).toMatchObject({ rebuiltCount: 30, differingCount: 30 });
    const counts = (await readStore.collection<Tally>('tally_v2').getMany(['s-0', 's-29']));
    expect([...counts.values()].map((d) => d.count)).toEqual([400, 400]);
    expect(collectionOf(tally(2))).toBe('tally_v2');
    await second.service.close();
    await second.runner.stop();
  });
});
