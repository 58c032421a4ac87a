import { DuplicateEventIdError } from '../errors';
import { ContractContext } from './contract-context';
import { makeEvent, uniqueStream } from './make-event';

/** A retried append appends nothing and answers as the first time; reused ids for other content fail. */
export function idempotencyContract(ctx: ContractContext, uniqueAcrossStreams: boolean): void {
  describe('idempotent append', () => {
    const given = async () => {
      const stream = uniqueStream();
      const batch = [makeEvent('SupportGranted.v1', { kind: 'smartphone' }), makeEvent('SupportGranted.v1', { kind: 'radio' })];
      const first = await ctx.store.append(stream, batch, 'no-stream');
      await ctx.store.append(uniqueStream(), [makeEvent('HouseholdRegistered.v1', {})], 'no-stream');
      return { stream, batch, first, head: await ctx.store.headPosition() };
    };

    it('answers a retry with the first result, marked duplicate, without checking the expected revision', async () => {
      const { stream, batch, first, head } = await given();

      const retry = await ctx.store.append(stream, batch, 'no-stream');

      expect(retry).toEqual({ revision: first.revision, position: first.position, duplicate: true });
      expect(await ctx.store.headPosition()).toBe(head);
      expect(await ctx.store.readStream(stream)).toHaveLength(2);
    });

    it('answers a retry of the leading part of an append with that part\'s place', async () => {
      const { stream, batch } = await given();
      const [stored] = await ctx.store.readStream(stream);
      expect(await ctx.store.append(stream, [batch[0]], 5)).toEqual({ revision: 0, position: stored.position, duplicate: true });
    });

    it('treats the same event with its data keys in another order as the same event', async () => {
      const stream = uniqueStream();
      const event = makeEvent('SupportGranted.v1', { kind: 'loan', amount: 1000 });
      const first = await ctx.store.append(stream, [event], 'no-stream');
      const reordered = { ...event, data: { amount: 1000, kind: 'loan' } };
      expect(await ctx.store.append(stream, [reordered], 'no-stream')).toEqual({ ...first, duplicate: true });
    });

    it.each([
      ['other data', (e: ReturnType<typeof makeEvent>) => ({ ...e, data: { kind: 'loan' } })],
      ['another type', (e: ReturnType<typeof makeEvent>) => ({ ...e, type: 'SupportRevoked.v1' })],
    ])('rejects a stored event id reused with %s', async (_, change) => {
      const { stream, batch, head } = await given();

      await expect(ctx.store.append(stream, [change(batch[0]), batch[1]], 'any')).rejects.toBeInstanceOf(DuplicateEventIdError);

      expect(await ctx.store.headPosition()).toBe(head);
    });

    it('rejects a retry that runs past what was stored', async () => {
      const { stream, batch, head } = await given();
      const longer = [...batch, makeEvent('SupportGranted.v1', { kind: 'insurance' })];
      await expect(ctx.store.append(stream, longer, 'any')).rejects.toBeInstanceOf(DuplicateEventIdError);
      expect(await ctx.store.headPosition()).toBe(head);
    });

    if (uniqueAcrossStreams) it('rejects an event id stored in another stream, appending nothing of the batch', async () => {
      const { batch, head } = await given();
      const other = uniqueStream();

      await expect(ctx.store.append(other, [batch[0]], 'any')).rejects.toBeInstanceOf(DuplicateEventIdError);
      await expect(ctx.store.append(other, [makeEvent('SupportGranted.v1', {}), batch[1]], 'any')).rejects.toBeInstanceOf(DuplicateEventIdError);

      expect(await ctx.store.headPosition()).toBe(head);
    });

    if (!uniqueAcrossStreams) it('keeps event ids unique per stream: the same id in another stream is another event', async () => {
      const { batch } = await given();
      const other = uniqueStream();
      const result = await ctx.store.append(other, [batch[0]], 'no-stream');
      expect(result).toMatchObject({ revision: 0, duplicate: false });
    });

    it('rejects one append carrying the same event id twice', async () => {
      const event = makeEvent('SupportGranted.v1', {});
      await expect(ctx.store.append(uniqueStream(), [makeEvent('X.v1', {}), event, event], 'any')).rejects.toBeInstanceOf(DuplicateEventIdError);
      expect(await ctx.store.headPosition()).toBe(0);
    });
  });
}
