export * from './audit-subject';
export * from './trail-locator';
export * from './get-audit-trail.query';
export * from './audit-trail-csv';
