import { map } from 'rxjs';
import { EventStore } from '../event-store.port';

/**
 * Watches what a store hands its readers: returns the highest log position any `readAll` or
 * `subscribe` of `store` has delivered so far. For specs that hold a reader to reading no
 * further ahead than it has applied.
 */
export function watchHandedOut(store: EventStore): () => number {
  let handedOut = 0;
  const note = (position: number) => { handedOut = Math.max(handedOut, position); };
  const readAll = store.readAll.bind(store);
  store.readAll = async function* (options) {
    for await (const batch of readAll(options)) {
      note(batch[batch.length - 1].position);
      yield batch;
    }
  };
  const subscribe = store.subscribe.bind(store);
  store.subscribe = (after, batchSize) => subscribe(after, batchSize).pipe(map((batch) => { note(batch[batch.length - 1].position); return batch; }));
  return () => handedOut;
}
