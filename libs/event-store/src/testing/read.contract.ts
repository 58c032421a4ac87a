import { EventStoreUnavailableError, StreamNotFoundError } from '../errors';
import { logPositions, readAllEvents } from './collect';
import { ContractContext } from './contract-context';
import { makeEvent, uniqueStream } from './make-event';

/** Reading one stream and the whole log, and what a closed store answers. */
export function readContract(ctx: ContractContext, contiguous: boolean): void {
  describe('read', () => {
    const given = async (streams: number, perStream: number) => {
      const ids = Array.from({ length: streams }, () => uniqueStream());
      for (let i = 0; i < perStream; i++) {
        for (const id of ids) await ctx.store.append(id, [makeEvent('HouseholdAssessed.v1', { i })], 'any');
      }
      return ids;
    };

    it('reads a stream from a revision, with content as appended', async () => {
      const stream = uniqueStream();
      const appended = [0, 1, 2, 3].map((i) => makeEvent('HouseholdAssessed.v1', { i, note: 'hộ cận nghèo', nested: { list: [1, null, 'x'] } }));
      await ctx.store.append(stream, appended, 'no-stream');

      const tail = await ctx.store.readStream(stream, 2);

      expect(tail.map((e) => e.revision)).toEqual([2, 3]);
      expect(tail.map(({ eventId, type, data, metadata }) => ({ eventId, type, data, metadata }))).toEqual(appended.slice(2));
      expect(tail.every((e) => e.streamId === stream)).toBe(true);
    });

    it('reads nothing past the end of an existing stream', async () => {
      const [stream] = await given(1, 2);
      expect(await ctx.store.readStream(stream, 5)).toEqual([]);
    });

    it('throws StreamNotFoundError for a stream with no events', async () => {
      await given(1, 1);
      await expect(ctx.store.readStream(uniqueStream())).rejects.toBeInstanceOf(StreamNotFoundError);
    });

    it('reads the whole log in order, in batches no larger than asked', async () => {
      await given(3, 7);
      const { events, batchSizes } = await readAllEvents(ctx.store, { batchSize: 4 });
      const at = events.map((e) => e.position);
      expect(at).toHaveLength(21);
      expect(at.every((p, i) => i === 0 || p > at[i - 1])).toBe(true);
      if (contiguous) expect(at).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
      expect(batchSizes).toEqual([4, 4, 4, 4, 4, 1]);
    });

    it('reads the log after a position and up to an inclusive bound', async () => {
      await given(2, 10);
      const log = await logPositions(ctx.store);
      const { events, batchSizes } = await readAllEvents(ctx.store, { after: log[4], until: log[11], batchSize: 3 });
      expect(events.map((e) => e.position)).toEqual(log.slice(5, 12));
      expect(Math.max(...batchSizes)).toBeLessThanOrEqual(3);
      expect((await readAllEvents(ctx.store, { after: log[log.length - 1] })).events).toEqual([]);
    });

    it('refuses every call once closed', async () => {
      const [stream] = await given(1, 1);
      await ctx.store.close();

      const unavailable = expect.any(EventStoreUnavailableError);
      await expect(ctx.store.append(stream, [makeEvent('X.v1', {})], 'any')).rejects.toEqual(unavailable);
      await expect(ctx.store.readStream(stream)).rejects.toEqual(unavailable);
      await expect(readAllEvents(ctx.store)).rejects.toEqual(unavailable);
      await expect(ctx.store.headPosition()).rejects.toEqual(unavailable);
      await expect(new Promise((resolve, reject) => ctx.store.subscribe(0).subscribe({ next: resolve, error: reject }))).rejects.toEqual(unavailable);
    });
  });
}
