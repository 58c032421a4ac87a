export * from './audit-finding-stream';
export * from './finding-reader';
export * from './get-audit-findings.query';
export * from './get-audit-finding.query';
export * from './review-finding.command';
