import { RecordedEvent } from '../envelope';
import { collectEvents, readAllEvents, settle } from './collect';
import { ContractContext } from './contract-context';
import { makeEvent, uniqueStream } from './make-event';

const positions = (events: readonly RecordedEvent[]) => events.map((e) => e.position);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

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
      expect(positions(events)).toEqual(range(1, 31));
      expect(batchSizes.every((size) => size > 0 && size <= 10)).toBe(true);
      expect(events).toEqual((await readAllEvents(ctx.store)).events);
    });

    it('starts after the given position', async () => {
      await given(12);
      const { events } = await collectEvents(ctx.store.subscribe(9, 100), 3);
      expect(positions(events)).toEqual([10, 11, 12]);
    });

    it('misses nothing appended while it is catching up', async () => {
      await given(60);
      const writers: Promise<unknown>[] = [];

      const { events } = await collectEvents(ctx.store.subscribe(0, 5), 60 + 3 * 12, (_, index) => {
        if (index < 12) writers.push(ctx.store.append(uniqueStream(), [1, 2, 3].map((n) => makeEvent('Live.v1', { n })), 'no-stream'));
      });

      await Promise.all(writers);
      expect(positions(events)).toEqual(range(1, 96));
    });

    it('delivers concurrent live appends from many writers exactly once, in log order', async () => {
      const received = collectEvents(ctx.store.subscribe(0, 50), 100);
      await settle();

      await Promise.all(Array.from({ length: 50 }, () => ctx.store.append(uniqueStream(), [makeEvent('A.v1', {}), makeEvent('B.v1', {})], 'no-stream')));

      const { events } = await received;
      expect(positions(events)).toEqual(range(1, 100));
      expect(events.map((e) => e.eventId)).toEqual((await readAllEvents(ctx.store)).events.map((e) => e.eventId));
    });

    it('delivers nothing more once unsubscribed', async () => {
      await given(3);
      const seen: number[] = [];
      const subscription = ctx.store.subscribe(0).subscribe((batch) => seen.push(...positions(batch)));
      await settle();

      subscription.unsubscribe();
      await ctx.store.append(uniqueStream(), [makeEvent('Late.v1', {})], 'no-stream');
      await settle();

      expect(seen).toEqual([1, 2, 3]);
    });

    it('lets several subscribers follow the log independently', async () => {
      await given(5);
      const [one, two] = [collectEvents(ctx.store.subscribe(0, 2), 8), collectEvents(ctx.store.subscribe(4, 3), 4)];
      await settle();
      await ctx.store.append(uniqueStream(), [1, 2, 3].map((n) => makeEvent('Live.v1', { n })), 'no-stream');

      expect(positions((await one).events)).toEqual(range(1, 8));
      expect(positions((await two).events)).toEqual(range(5, 8));
    });
  });
}
