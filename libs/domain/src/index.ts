export * from './shared/brand';
export * from './shared/errors';
export * from './shared/calendar';
export * from './shared/money';
export * from './shared/ids';
export * from './shared/decider';
