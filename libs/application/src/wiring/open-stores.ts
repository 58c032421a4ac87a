import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EventStore, MemoryEventStore, SqliteEventStore } from '@pl/event-store';
import { MemoryReadStore, ReadStore } from '@pl/read-store';
import { householdUpcasters } from '@pl/domain';
import { UpcastingEventStore } from '@pl/event-store';
import { AppConfig } from '../config/app-config';
import { IdempotencyStore } from '../idempotency/idempotency.port';
import { SqliteIdempotencyStore } from '../idempotency/sqlite-idempotency-store';
import { MemoryIdempotencyStore } from '../idempotency/memory-idempotency-store';

/** The stores the configuration names, opened; the embedded default needs nothing installed. */
export interface Stores {
  readonly events: EventStore;
  readonly readModels: ReadStore;
  readonly idempotency: IdempotencyStore;
}

export async function openStores(config: AppConfig): Promise<Stores> {
  mkdirSync(config.dataDir, { recursive: true });
  // Every reader (deciders, projections, audit) sees current event shapes; stored events stay as written.
  const events = new UpcastingEventStore(await openEventStore(config), householdUpcasters);
  const readModels = await openReadStore(config);
  const idempotency = config.eventStore.kind === 'sqlite'
    ? new SqliteIdempotencyStore(join(config.dataDir, 'idempotency.sqlite'))
    : new MemoryIdempotencyStore();
  return { events, readModels, idempotency };
}

async function openEventStore(config: AppConfig): Promise<EventStore> {
  const store = config.eventStore;
  switch (store.kind) {
    case 'sqlite':
      return SqliteEventStore.open({ file: store.file, synchronous: store.synchronous });
    case 'kurrentdb':
      throw new Error('EVENT_STORE=kurrentdb is not available in this build');
  }
}

async function openReadStore(config: AppConfig): Promise<ReadStore> {
  const store = config.readStore;
  switch (store.kind) {
    case 'memory':
      return new MemoryReadStore();
    case 'mongodb':
      throw new Error('READ_STORE=mongodb is not available in this build');
  }
}

/** For tests: everything in memory. */
export function memoryStores(): Stores {
  return { events: new MemoryEventStore(), readModels: new MemoryReadStore(), idempotency: new MemoryIdempotencyStore() };
}
