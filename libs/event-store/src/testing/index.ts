export * from './event-store.contract';
export * from './contract-context';
export * from './make-event';
export * from './collect';
