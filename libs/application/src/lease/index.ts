export * from './lease.port';
export * from './memory-lease';
export * from './mongo-lease';
export * from './lease-keeper';
