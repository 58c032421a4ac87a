export * from './directive.values';
export * from './directive.events';
export * from './directive.state';
export * from './directive.commands';
export * from './directive.decider';
export { dueDateFor, overdueReports } from './reporting';
export type { OverdueReport } from './reporting';
export { isCitable, requireCitable } from './citable';
