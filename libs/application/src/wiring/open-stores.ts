import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EventStore, KurrentDbEventStore, MemoryEventStore, SqliteEventStore } from '@pl/event-store';
import { MemoryReadStore, MongoReadStore, ReadStore } from '@pl/read-store';
import { householdUpcasters } from '@pl/domain';
import { UpcastingEventStore } from '@pl/event-store';
import { AppConfig } from '../config/app-config';
import { IdempotencyStore } from '../idempotency/idempotency.port';
import { SqliteIdempotencyStore } from '../idempotency/sqlite-idempotency-store';
import { MemoryIdempotencyStore } from '../idempotency/memory-idempotency-store';
import { MongoIdempotencyStore } from '../idempotency/mongo-idempotency-store';
import { connectMongo } from './mongo-connection';

/** The stores the configuration names, opened; the embedded default needs nothing installed. */
export interface Stores {
  readonly events: EventStore;
  readonly readModels: ReadStore;
  readonly idempotency: IdempotencyStore;
}

/** How a process uses the stores beyond what the configuration says. */
export interface OpenStoresOptions {
  /** Another process appends to the embedded log (the projector beside the API): poll it for new events. */
  readonly followOtherWriters?: boolean;
}

// Short enough for read-your-writes within a second, long enough to cost nothing when idle.
const OTHER_WRITERS_POLL_MS = 100;

/**
 * Closes every store, each whatever the others do (a failing close does not keep the rest
 * open); `others` are closed alongside, e.g. the personal-data key store.
 */
export async function closeStores(stores: Stores, ...others: readonly { close(): Promise<void> }[]): Promise<void> {
  await Promise.allSettled([stores.events.close(), stores.readModels.close(), stores.idempotency.close(), ...others.map((o) => o.close())]);
}

/** Opens the configured event log, read store and idempotency records. */
export async function openStores(config: AppConfig, options: OpenStoresOptions = {}): Promise<Stores> {
  mkdirSync(config.dataDir, { recursive: true });
  // Every reader (deciders, projections, audit) sees current event shapes; stored events stay as written.
  const events = new UpcastingEventStore(await openEventStore(config, options), householdUpcasters);
  if (config.readStore.kind === 'mongodb') {
    // One client for read models and idempotency records; the read store owns and closes it.
    const client = await connectMongo(config.readStore);
    const shared = await MongoReadStore.connect(client, config.readStore.database);
    const readModels = new MongoReadStore(client.db(config.readStore.database), client, true, { positionGuard: shared.guard });
    return { events, readModels, idempotency: new MongoIdempotencyStore(client.db(config.readStore.database)) };
  }
  const idempotency = config.eventStore.kind === 'sqlite'
    ? new SqliteIdempotencyStore(join(config.dataDir, 'idempotency.sqlite'))
    : new MemoryIdempotencyStore();
  return { events, readModels: new MemoryReadStore(), idempotency };
}

async function openEventStore(config: AppConfig, options: OpenStoresOptions): Promise<EventStore> {
  const store = config.eventStore;
  switch (store.kind) {
    case 'sqlite':
      return SqliteEventStore.open({ file: store.file, synchronous: store.synchronous, ...(options.followOtherWriters ? { pollIntervalMs: OTHER_WRITERS_POLL_MS } : {}) });
    case 'kurrentdb':
      // The client connects lazily and reconnects by itself; check the server now so a wrong URL fails the start.
      return checked(KurrentDbEventStore.connect({ connectionString: store.connectionString }), store.connectionString);
  }
}

async function checked(store: EventStore, url: string): Promise<EventStore> {
  try {
    await store.headPosition();
    return store;
  } catch (error) {
    await store.close().catch(() => undefined);
    throw new Error(`cannot reach KurrentDB (EVENT_STORE=kurrentdb) at ${url.replace(/\/\/[^@/]*@/, '//***@')}: ${(error as Error).message}`);
  }
}

/** For tests: everything in memory. */
export function memoryStores(): Stores {
  return { events: new MemoryEventStore(), readModels: new MemoryReadStore(), idempotency: new MemoryIdempotencyStore() };
}
