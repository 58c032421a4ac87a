import { Observable } from 'rxjs';
import { RecordedEvent } from '../envelope';
import { EventStore, ReadAllOptions } from '../event-store.port';

/** Everything `readAll` yields, flattened, with the size of each batch. */
export async function readAllEvents(store: EventStore, options?: ReadAllOptions): Promise<{ events: RecordedEvent[]; batchSizes: number[] }> {
  const events: RecordedEvent[] = [];
  const batchSizes: number[] = [];
  for await (const batch of store.readAll(options)) {
    batchSizes.push(batch.length);
    events.push(...batch);
  }
  return { events, batchSizes };
}

/**
 * Subscribes until `count` events arrived, then unsubscribes. `onBatch` runs after each
 * batch (to append while a subscription is catching up, for instance). Fails after `ms`.
 */
export function collectEvents(
  source: Observable<readonly RecordedEvent[]>,
  count: number,
  onBatch: (batch: readonly RecordedEvent[], index: number) => void = () => undefined,
  ms = 5000,
): Promise<{ events: RecordedEvent[]; batchSizes: number[] }> {
  return new Promise((resolve, reject) => {
    const events: RecordedEvent[] = [];
    const batchSizes: number[] = [];
    let done = false;
    const finish = (error?: unknown): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      queueMicrotask(() => subscription.unsubscribe());
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve({ events, batchSizes });
    };
    const timer = setTimeout(() => finish(new Error(`only ${events.length} of ${count} events arrived within ${ms} ms`)), ms);
    const subscription = source.subscribe({
      next: (batch) => {
        if (done) return;
        batchSizes.push(batch.length);
        events.push(...batch);
        onBatch(batch, batchSizes.length - 1);
        if (events.length >= count) finish();
      },
      error: (error: unknown) => finish(error),
      complete: () => finish(new Error(`the subscription completed after ${events.length} of ${count} events`)),
    });
  });
}

/** Lets pending timers and I/O callbacks run, so a live append has time to arrive. */
export const settle = (ms = 20): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Positions of the whole log, in order: what contract tests compare with, since some stores number with gaps. */
export async function logPositions(store: EventStore): Promise<number[]> {
  return (await readAllEvents(store)).events.map((e) => e.position);
}
