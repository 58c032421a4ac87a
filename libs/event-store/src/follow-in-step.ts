import { Subscription, concatMap } from 'rxjs';
import { RecordedEvent } from './envelope';
import { EventStore } from './event-store.port';

/** A reader of the log that applies each batch before it reads the next. */
export interface InStep {
  /** True once the backlog is applied and live batches follow; false if stopped first. Rejects with the first error on the way. */
  readonly caughtUp: Promise<boolean>;
  /** Stops after the batch in hand; resolves once it is applied. */
  stop(): Promise<void>;
}

export interface InStepOptions {
  readonly batchSize?: number;
  /** An error once live (the subscription's, or `apply`'s): following stops. */
  readonly onLiveError: (error: unknown) => void;
}

/**
 * Hands `apply` the log after `after`, in order, a batch at a time, each only once the last is
 * applied: the backlog pulled with `readAll`, then live appends from a subscription that starts
 * where the backlog ended. A subscription alone would not do for the backlog: its catch-up pushes
 * a batch every turn of the event loop, whatever the consumer does, so in front of a consumer
 * that takes its time (a MongoDB read store, a hasher that yields to requests) it read the whole
 * backlog ahead and held it in memory.
 */
export function followInStep(store: EventStore, after: number, apply: (batch: readonly RecordedEvent[]) => Promise<void>, options: InStepOptions): InStep {
  let stopped = false;
  let seen = after;
  let subscription: Subscription | undefined;
  let inHand: Promise<void> = Promise.resolve();
  const step = (batch: readonly RecordedEvent[]): Promise<void> => {
    seen = batch[batch.length - 1].position;
    return (inHand = apply(batch));
  };
  const caughtUp = (async () => {
    for await (const batch of store.readAll({ after, batchSize: options.batchSize })) {
      if (stopped) return false;
      await step(batch);
    }
    if (stopped) return false;
    subscription = store.subscribe(seen, options.batchSize).pipe(concatMap(step)).subscribe({ error: options.onLiveError });
    return true;
  })();
  return {
    caughtUp,
    stop: async () => {
      stopped = true;
      subscription?.unsubscribe();
      await Promise.allSettled([caughtUp, inHand]);
    },
  };
}
