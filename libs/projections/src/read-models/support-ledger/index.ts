export * from './support-ledger.document';
export * from './support-ledger.projection';
export * from './support-ledger.totals';
export * from './area-activities';
