export * from './envelope';
export * from './event-store.port';
export * from './errors';
export * from './hash';
export * from './adapters/memory/memory-event-store';
export * from './adapters/sqlite/sqlite-event-store';
export type { SqliteSynchronous } from './adapters/sqlite/schema';
export { makeEvent } from './testing/make-event';
