import { Observable, map } from 'rxjs';
import { EventToAppend, RecordedEvent } from '../envelope';
import { AppendResult, EventStore, ExpectedRevision, ReadAllOptions } from '../event-store.port';
import { Upcaster, UpcasterRegistry } from './upcaster';

/**
 * The event log as every reader should see it: old event versions upcast on the way out,
 * appends passed through untouched. Stored events are never rewritten (STYLE.md rule 5), so
 * the hash chain stays verifiable against `raw`.
 */
export class UpcastingEventStore implements EventStore {
  private readonly registry: UpcasterRegistry;

  constructor(readonly raw: EventStore, upcasters: readonly Upcaster[] | UpcasterRegistry) {
    this.registry = upcasters instanceof UpcasterRegistry ? upcasters : new UpcasterRegistry(upcasters);
  }

  append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    return this.raw.append(streamId, events, expected);
  }

  async readStream(streamId: string, fromRevision?: number): Promise<readonly RecordedEvent[]> {
    return this.current(await this.raw.readStream(streamId, fromRevision));
  }

  async *readAll(options?: ReadAllOptions): AsyncIterable<readonly RecordedEvent[]> {
    for await (const batch of this.raw.readAll(options)) yield this.current(batch);
  }

  subscribe(after: number, batchSize?: number): Observable<readonly RecordedEvent[]> {
    return this.raw.subscribe(after, batchSize).pipe(map((batch) => this.current(batch)));
  }

  headPosition(): Promise<number> {
    return this.raw.headPosition();
  }

  close(): Promise<void> {
    return this.raw.close();
  }

  private current(batch: readonly RecordedEvent[]): readonly RecordedEvent[] {
    // Most batches hold nothing old: hand them on without copying.
    return batch.some((e) => this.registry.upcasts(e.type)) ? batch.map((e) => this.registry.upcast(e)) : batch;
  }
}

/** The log as stored, for readers that check stored bytes (hash-chain verification): upcast events no longer hash to their `hash`. */
export const storedForm = (store: EventStore): EventStore => (store instanceof UpcastingEventStore ? storedForm(store.raw) : store);
