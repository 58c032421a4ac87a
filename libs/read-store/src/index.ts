export * from './read-store.port';
export * from './adapters/memory/memory-read-store';
export * from './adapters/mongodb/mongo-read-store';
