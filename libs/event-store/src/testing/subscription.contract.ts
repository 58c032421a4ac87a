import { RecordedEvent } from '../envelope';
import { collectEvents, logPositions, readAllEvents, settle } from './collect';
import { ContractContext } from './contract-context';
import { makeEvent, uniqueStream } from './make-event';

const positions = (events: readonly RecordedEvent[]) => events.map((e) => e.position);

/** Catch-up then live: in order, no gap, no duplicate, and quiet once unsubscribed. */
export function subscriptionContract(ctx: ContractContext): void {
  describe('subscribe', () => {
    const given = async (n: number) => {
      const stream = uniqueStream();
      for (let i = 0; i < n; i += 10) {
        await ctx.store.append(stream, Array.from({ length: Math.min(10, n - i) }, (_, j) => makeEvent('HouseholdAssessed.v1', { i: i + j })), 'any');
      }
      return stream;
    };

    it('catches up with stored events, then delivers live appends in order', async () => {
      const stream = await given(25);

      const received = collectEvents(ctx.store.subscribe(0, 10), 31, (_, index) => {
        if (index === 2) void ctx.store.append(stream, [makeEvent('Live.v1', { n: 1 }), makeEvent('Live.v1', { n: 2 })], 'any');
      });
      await settle();
      await ctx.store.append(uniqueStream(), [1, 2, 3, 4].map((n) => makeEvent('Live.v1', { n })), 'no-stream');

      const { events, batchSizes } = await received;
      expect(positions(events)).toEqual(await logPositions(ctx.store));
      expect(batchSizes.every((size) => size > 0 && size <= 10)).toBe(true);
      expect(events).toEqual((await readAllEvents(ctx.store)).events);
    });

    it('starts after the given position', async () => {
      await given(12);
      const log = await logPositions(ctx.store);
      const { events } = await collectEvents(ctx.store.subscribe(log[8], 100), 3);
      expect(positions(events)).toEqual(log.slice(9));
    });

    it('misses nothing appended while it is catching up', async () => {
      await given(60);
      const writers: Promise<unknown>[] = [];

      const { events } = await collectEvents(ctx.store.subscribe(0, 5), 60 + 3 * 12, (_, index) => {
        if (index < 12) writers.push(ctx.store.append(uniqueStream(), [1, 2, 3].map((n) => makeEvent('Live.v1', { n })), 'no-stream'));
      });

      await Promise.all(writers);
      expect(positions(events)).toEqual(await logPositions(ctx.store));
      expect(events).toHaveLength(96);
    });

    it('delivers concurrent live appends from many writers exactly once, in log order', async () => {
      const received = collectEvents(ctx.store.subscribe(0, 50), 100);
      await settle();

      await Promise.all(Array.from({ length: 50 }, () => ctx.store.append(uniqueStream(), [makeEvent('A.v1', {}), makeEvent('B.v1', {})], 'no-stream')));

      const { events } = await received;
      expect(positions(events)).toEqual(await logPositions(ctx.store));
      expect(events.map((e) => e.eventId)).toEqual((await readAllEvents(ctx.store)).events.map((e) => e.eventId));
    });

    it('delivers nothing more once unsubscribed', async () => {
      await given(3);
      const stored = await logPositions(ctx.store);
      const seen: number[] = [];
      const subscription = ctx.store.subscribe(0).subscribe((batch) => seen.push(...positions(batch)));
      await settle();

      subscription.unsubscribe();
      await ctx.store.append(uniqueStream(), [makeEvent('Late.v1', {})], 'no-stream');
      await settle();

      expect(seen).toEqual(stored);
    });

    it('lets several subscribers follow the log independently', async () => {
      await given(5);
      const stored = await logPositions(ctx.store);
      const [one, two] = [collectEvents(ctx.store.subscribe(0, 2), 8), collectEvents(ctx.store.subscribe(stored[3], 3), 4)];
      await settle();
      await ctx.store.append(uniqueStream(), [1, 2, 3].map((n) => makeEvent('Live.v1', { n })), 'no-stream');

      const log = await logPositions(ctx.store);
      expect(positions((await one).events)).toEqual(log);
      expect(positions((await two).events)).toEqual(log.slice(4));
    });
  });
}
