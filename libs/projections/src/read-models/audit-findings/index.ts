export * from './audit-findings.document';
export * from './audit-findings.projection';
export type { ProvinceLookup } from './household-subject';
