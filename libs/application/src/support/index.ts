export * from './execute-support-command';
export * from './get-support-ledger.query';
export * from './get-support-coverage.query';
