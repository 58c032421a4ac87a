import { Observable } from 'rxjs';
import { RecordedEvent } from '../../envelope';
import { EventStoreUnavailableError } from '../../errors';
import { isTransient } from './error-mapping';
import { AllSubscription } from './kurrentdb-client';
import { KurrentLog } from './kurrentdb-log';
import { BackoffPolicy, backoffDelay } from './kurrentdb-options';

/**
 * Catch-up then live over a server subscription to $all, in batches of at most `batchSize`.
 * The server does the catching up and the switch to live. Events arriving together are
 * gathered until the event loop turns (setImmediate) or a batch is full. When the connection
 * fails, it subscribes again after the last event it took, with bounded exponential backoff,
 * and skips anything at or before that position, so nothing is missed or delivered twice;
 * after `maxFailures` failures in a row it errors with EventStoreUnavailableError.
 * It completes when the store closes.
 */
export function followLog(log: KurrentLog, after: number, batchSize: number, policy: BackoffPolicy, closing: Observable<void>): Observable<readonly RecordedEvent[]> {
  return new Observable<readonly RecordedEvent[]>((subscriber) => {
    let last = after;
    let failures = 0;
    let stopped = false;
    let current: AllSubscription | undefined;
    let retryTimer: NodeJS.Timeout | undefined;
    let flushTimer: NodeJS.Immediate | undefined;
    const pending: RecordedEvent[] = [];

    const flush = (): void => {
      if (flushTimer) clearImmediate(flushTimer);
      flushTimer = undefined;
      while (pending.length && !subscriber.closed) subscriber.next(pending.splice(0, batchSize));
    };
    const take = (event: RecordedEvent): void => {
      if (event.position <= last) return;
      last = event.position;
      pending.push(event);
      if (pending.length >= batchSize) flush();
      else flushTimer ??= setImmediate(flush);
    };
    const stop = (): void => {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      if (flushTimer) clearImmediate(flushTimer);
      // Cancelling tells the server to stop; the loop then ends quietly because `stopped` is set.
      current?.unsubscribe().catch(() => undefined);
    };
    const end = (error?: unknown): void => {
      flush();
      stop();
      if (error === undefined) subscriber.complete();
      else subscriber.error(error);
    };

    const run = async (): Promise<void> => {
      while (!stopped) {
        try {
          current = log.subscribe(last);
          current.once('confirmation', () => { failures = 0; });
          for await (const resolved of current) {
            if (stopped) return;
            failures = 0;
            const event = log.recorded(resolved);
            if (event) take(event);
          }
          if (stopped) return;
          throw new EventStoreUnavailableError('the server ended the subscription');
        } catch (error) {
          if (stopped) return;
          if (log.isClosed) return end();
          if (!isTransient(error) && !(error instanceof EventStoreUnavailableError)) return end(error);
          failures += 1;
          if (failures >= policy.maxFailures) {
            return end(new EventStoreUnavailableError(`the subscription failed ${failures} times in a row: ${(error as Error).message}`));
          }
          flush();
          await new Promise<void>((resolve) => { retryTimer = setTimeout(resolve, backoffDelay(policy, failures)); });
        }
      }
    };

    const closed = closing.subscribe(() => end());
    void run();
    return () => {
      closed.unsubscribe();
      stop();
    };
  });
}
