import { MemoryEventStore } from './adapters/memory/memory-event-store';
import { followInStep } from './follow-in-step';
import { makeEvent } from './testing/make-event';
import { watchHandedOut } from './testing/handed-out';

describe('followInStep', () => {
  it('given a backlog and then live appends, when a slow consumer follows, then it gets every event once, in order, never a batch ahead of what it applied', async () => {
    const store = new MemoryEventStore();
    for (let i = 0; i < 25; i++) await store.append(`s-${i % 3}`, [makeEvent('Counted.v1', { i })], 'any');
    const handedOut = watchHandedOut(store);
    const applied: number[] = [];
    let lead = 0;
    const following = followInStep(store, 0, async (batch) => {
      lead = Math.max(lead, handedOut() - (applied[applied.length - 1] ?? 0));
      await new Promise((resolve) => setTimeout(resolve, 2));
      applied.push(...batch.map((e) => e.position));
    }, { batchSize: 4, onLiveError: (error) => { throw error; } });

    expect(await following.caughtUp).toBe(true);
    for (let i = 0; i < 5; i++) await store.append('s-live', [makeEvent('Counted.v1', { i })], 'any');
    for (let tries = 0; tries < 100 && applied.length < 30; tries++) await new Promise((resolve) => setTimeout(resolve, 5));
    await following.stop();

    expect(applied).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(lead).toBeLessThanOrEqual(4);
  });

  it('given a consumer stopped while the backlog is read, then caught-up says false and nothing more is applied', async () => {
    const store = new MemoryEventStore();
    for (let i = 0; i < 20; i++) await store.append('s-1', [makeEvent('Counted.v1', { i })], 'any');
    const applied: number[] = [];
    const following = followInStep(store, 0, async (batch) => {
      applied.push(...batch.map((e) => e.position));
      if (applied.length === 4) void following.stop();
    }, { batchSize: 4, onLiveError: (error) => { throw error; } });

    expect(await following.caughtUp).toBe(false);
    expect(applied).toEqual([1, 2, 3, 4]);
  });
});
