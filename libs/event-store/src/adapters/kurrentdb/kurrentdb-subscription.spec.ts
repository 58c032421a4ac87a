import { AccessDeniedError, UnavailableError } from '@kurrent/kurrentdb-client';
import { RecordedEvent } from '../../envelope';
import { EventStoreUnavailableError } from '../../errors';
import { collectEvents, settle } from '../../testing/collect';
import { makeEvent, uniqueStream } from '../../testing/make-event';
import { FakeKurrentClient } from './fake-kurrentdb-client';
import { KurrentDbEventStore } from './kurrentdb-event-store';

const given = (maxFailures = 5) => {
  const client = new FakeKurrentClient(9);
  const subscribes = jest.spyOn(client, 'subscribeToAll');
  const store = new KurrentDbEventStore(client, { resubscribe: { initialMs: 1, maxMs: 4, maxFailures } });
  const write = (n: number) => store.append(uniqueStream(), Array.from({ length: n }, (_, i) => makeEvent('A.v1', { i })), 'no-stream');
  return { client, store, subscribes, write };
};
const ids = (events: readonly RecordedEvent[]) => events.map((e) => e.eventId);
const allIds = (client: FakeKurrentClient) => client.rows.map((r) => r.id);

describe('KurrentDbEventStore subscription', () => {
  it('comes back after a lost connection and delivers what was appended meanwhile, once each', async () => {
    const { client, store, subscribes, write } = given();
    await write(5);
    let broken = false;
    const received = collectEvents(store.subscribe(0, 10), 12, (_, index) => {
      if (index === 0 && !broken) {
        broken = true;
        client.breakSubscriptions(new UnavailableError(undefined, 'connection reset'));
        void write(7);
      }
    });

    const { events } = await received;
    expect(ids(events)).toEqual(allIds(client));
    expect(subscribes).toHaveBeenCalledTimes(2);
    expect(subscribes.mock.calls[1][0]?.fromPosition).toEqual({ commit: 41n, prepare: 41n });
  });

  it('loses nothing when the connection drops in the middle of catching up', async () => {
    const { client, store, write } = given();
    for (let i = 0; i < 6; i++) await write(5);
    const received = collectEvents(store.subscribe(0, 4), 30, (_, index) => {
      if (index === 1) client.breakSubscriptions(new UnavailableError());
    });
    const { events, batchSizes } = await received;
    expect(ids(events)).toEqual(allIds(client));
    expect(Math.max(...batchSizes)).toBeLessThanOrEqual(4);
  });

  it('gives up with EventStoreUnavailableError after the allowed failures in a row', async () => {
    const { client, store, subscribes } = given(3);
    for (let i = 0; i < 3; i++) client.failNext('subscribeToAll', new UnavailableError(undefined, 'connect ECONNREFUSED'));
    const outcome = new Promise((resolve, reject) => store.subscribe(0).subscribe({ next: resolve, error: reject }));
    await expect(outcome).rejects.toBeInstanceOf(EventStoreUnavailableError);
    expect(subscribes).toHaveBeenCalledTimes(3);
    expect(client.openSubscriptions).toBe(0);
  });

  it('counts failures in a row only: a subscription that was confirmed starts counting again', async () => {
    const { client, store, subscribes, write } = given(2);
    await write(1);
    const seen: number[] = [];
    const subscription = store.subscribe(0).subscribe({ next: (b) => seen.push(...b.map((e) => e.position)), error: () => seen.push(-1) });
    for (let i = 1; i <= 3; i++) {
      // Wait for the i-th server subscription to be open and confirmed, whatever the machine's load.
      while (subscribes.mock.calls.length < i || client.openSubscriptions === 0) await settle(2);
      await settle(5);
      client.breakSubscriptions(new UnavailableError());
    }
    await settle(20);
    await write(1);
    await settle(20);
    expect(seen).toEqual([1, 11]);
    subscription.unsubscribe();
  });

  it('errors at once on a failure no retry can mend', async () => {
    const { client, store, subscribes } = given();
    client.failNext('subscribeToAll', new AccessDeniedError());
    const outcome = new Promise((resolve, reject) => store.subscribe(0).subscribe({ next: resolve, error: reject }));
    await expect(outcome).rejects.toBeInstanceOf(AccessDeniedError);
    expect(subscribes).toHaveBeenCalledTimes(1);
  });

  it('closes the server subscription on unsubscribe, and completes open ones when the store closes', async () => {
    const { client, store, write } = given();
    await write(2);
    const first = store.subscribe(0).subscribe(() => undefined);
    await settle();
    expect(client.openSubscriptions).toBe(1);
    first.unsubscribe();
    await settle();
    expect(client.openSubscriptions).toBe(0);

    let completed = false;
    store.subscribe(0).subscribe({ complete: () => { completed = true; } });
    await settle();
    await store.close();
    await settle();
    expect(completed).toBe(true);
    expect(client.openSubscriptions).toBe(0);
  });
});
