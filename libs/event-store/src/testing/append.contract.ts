import { WrongExpectedRevisionError } from '../errors';
import { ExpectedRevision } from '../event-store.port';
import { eventHash } from '../hash';
import { readAllEvents } from './collect';
import { ContractContext } from './contract-context';
import { makeEvent, uniqueStream } from './make-event';

const events = (n: number, type = 'HouseholdRegistered.v1') => Array.from({ length: n }, (_, i) => makeEvent(type, { n: i }));

/** Ordering, positions, expected revisions, concurrent writers and the hash chain. */
export function appendContract(ctx: ContractContext, contiguous: boolean): void {
  describe('append', () => {
    it('numbers revisions from 0 per stream and positions from 1 across the log, each append contiguous', async () => {
      const [a, b] = [uniqueStream(), uniqueStream()];
      const first = await ctx.store.append(a, events(3), 'no-stream');
      const second = await ctx.store.append(b, events(2), 'no-stream');
      const third = await ctx.store.append(a, events(1), 2);

      const { events: log } = await readAllEvents(ctx.store);
      const at = log.map((e) => e.position);
      expect(first).toEqual({ revision: 2, position: at[2], duplicate: false });
      expect(second).toEqual({ revision: 1, position: at[4], duplicate: false });
      expect(third).toEqual({ revision: 3, position: at[5], duplicate: false });
      expect(log.map((e) => [e.streamId, e.revision])).toEqual([[a, 0], [a, 1], [a, 2], [b, 0], [b, 1], [a, 3]]);
      expect(at.every((p, i) => i === 0 || p > at[i - 1])).toBe(true);
      if (contiguous) expect(at).toEqual([1, 2, 3, 4, 5, 6]);
      expect(await ctx.store.headPosition()).toBe(at[5]);
    });

    it('reports 0 as the head of an empty log', async () => {
      expect(await ctx.store.headPosition()).toBe(0);
    });

    describe.each<[string, ExpectedRevision, number]>([
      ['no-stream', 'no-stream', -1],
      ['any, on a new stream', 'any', -1],
      ['any, on an existing stream', 'any', 1],
      ['stream-exists', 'stream-exists', 1],
      ['the exact last revision', 1, 1],
    ])('expecting %s', (_, expected, existing) => {
      it('appends', async () => {
        const stream = uniqueStream();
        if (existing >= 0) await ctx.store.append(stream, events(existing + 1), 'no-stream');
        const result = await ctx.store.append(stream, events(1), expected);
        expect(result.revision).toBe(existing + 1);
        expect(await ctx.store.readStream(stream)).toHaveLength(existing + 2);
      });
    });

    describe.each<[string, ExpectedRevision, number]>([
      ['no-stream, when the stream has events', 'no-stream', 1],
      ['stream-exists, when the stream has none', 'stream-exists', -1],
      ['a revision behind the last', 0, 1],
      ['a revision ahead of the last', 2, 1],
      ['revision 0, when the stream has none', 0, -1],
    ])('expecting %s', (_, expected, existing) => {
      it('throws WrongExpectedRevisionError and appends nothing', async () => {
        const stream = uniqueStream();
        if (existing >= 0) await ctx.store.append(stream, events(existing + 1), 'no-stream');
        const head = await ctx.store.headPosition();

        await expect(ctx.store.append(stream, events(2), expected)).rejects.toBeInstanceOf(WrongExpectedRevisionError);

        expect(await ctx.store.headPosition()).toBe(head);
        const { events: log } = await readAllEvents(ctx.store);
        expect(log).toHaveLength(existing + 1);
      });
    });

    it('lets exactly one of 20 concurrent writers expecting the same revision win', async () => {
      const stream = uniqueStream();
      await ctx.store.append(stream, events(1), 'no-stream');

      const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => ctx.store.append(stream, events(1), 0)));

      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(19);
      for (const o of lost) expect(o.reason).toBeInstanceOf(WrongExpectedRevisionError);
      expect(await ctx.store.readStream(stream)).toHaveLength(2);
    });

    it('gives 20 concurrent writers expecting any distinct, gapless revisions', async () => {
      const stream = uniqueStream();
      const results = await Promise.all(Array.from({ length: 20 }, () => ctx.store.append(stream, events(2), 'any')));
      expect(results.map((r) => r.revision).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => 2 * i + 1));
      const stored = await ctx.store.readStream(stream);
      expect(stored.map((e) => e.revision)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    });

    it('answers an empty append with the current state and appends nothing', async () => {
      const stream = uniqueStream();
      const before = await ctx.store.append(uniqueStream(), events(2), 'no-stream');
      expect(await ctx.store.append(stream, [], 'any')).toEqual({ revision: -1, position: before.position, duplicate: false });
      const own = await ctx.store.append(stream, events(2), 'no-stream');
      const last = await ctx.store.append(uniqueStream(), events(1), 'no-stream');
      expect(await ctx.store.append(stream, [], 1)).toEqual({ revision: 1, position: own.position, duplicate: false });
      expect(await ctx.store.headPosition()).toBe(last.position);
    });

    it('chains each event to the previous one in its stream with a recomputable hash', async () => {
      const stream = uniqueStream();
      await ctx.store.append(stream, events(2), 'no-stream');
      await ctx.store.append(uniqueStream(), events(1), 'no-stream');
      await ctx.store.append(stream, [makeEvent('HouseholdAssessed.v1', { score: 42, items: ['a', { z: 1, a: 2 }] })], 1);

      const stored = await ctx.store.readStream(stream);

      expect(stored[0].prevHash).toBe('');
      stored.forEach((e, i) => {
        if (i > 0) expect(e.prevHash).toBe(stored[i - 1].hash);
        const { eventId, type, data, metadata } = e;
        expect(e.hash).toBe(eventHash(e.prevHash, stream, e.revision, { eventId, type, data, metadata }));
      });
    });
  });
}
