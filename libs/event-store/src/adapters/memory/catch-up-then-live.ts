import { Observable } from 'rxjs';
import { RecordedEvent } from '../../envelope';

/** What a store offers a subscription: a synchronous read of committed events, and each commit as it happens. */
export interface SubscriptionSource {
  readAfter(after: number, limit: number): readonly RecordedEvent[];
  readonly committed$: Observable<readonly RecordedEvent[]>;
}

/**
 * Catch-up then live, in batches of at most `batchSize`, with no gap and no duplicate.
 * The live feed is joined before catching up; while catching up its batches are dropped
 * because the next read returns them. Going live happens only after a read finds nothing,
 * in the same synchronous step, so no commit can fall between the two. Delivery goes
 * through one queue so a consumer that appends from its handler cannot reorder batches.
 */
export function catchUpThenLive(source: SubscriptionSource, after: number, batchSize: number): Observable<readonly RecordedEvent[]> {
  return new Observable<readonly RecordedEvent[]>((subscriber) => {
    let last = after;
    let live = false;
    let draining = false;
    let timer: NodeJS.Immediate | undefined;
    const pending: RecordedEvent[] = [];

    const deliver = (events: readonly RecordedEvent[]): void => {
      for (const event of events) {
        const tail = pending.length ? pending[pending.length - 1].position : last;
        if (event.position > tail) pending.push(event);
      }
      if (draining) return;
      draining = true;
      try {
        while (pending.length && !subscriber.closed) {
          const chunk = pending.splice(0, batchSize);
          last = chunk[chunk.length - 1].position;
          subscriber.next(chunk);
        }
      } finally {
        draining = false;
      }
    };

    const liveFeed = source.committed$.subscribe({
      next: (events) => { if (live) deliver(events); },
      error: (error: unknown) => subscriber.error(error),
      complete: () => subscriber.complete(),
    });

    const catchUp = (): void => {
      timer = undefined;
      try {
        for (;;) {
          if (subscriber.closed) return;
          const batch = source.readAfter(last, batchSize);
          if (batch.length === 0) { live = true; return; }
          deliver(batch);
          // A full batch means more may be stored: yield to the event loop before reading on.
          if (batch.length === batchSize) { timer = setImmediate(catchUp); return; }
        }
      } catch (error) {
        subscriber.error(error);
      }
    };
    timer = setImmediate(catchUp);

    return () => {
      if (timer) clearImmediate(timer);
      liveFeed.unsubscribe();
    };
  });
}
