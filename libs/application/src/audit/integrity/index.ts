export * from './anchor-log';
export * from './anchor-reactor';
