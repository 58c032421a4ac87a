export * from './audit-rules';
export * from './audit-finding.commands';
export * from './audit-finding.events';
export * from './audit-finding.decider';
