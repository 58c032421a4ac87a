export * from './audit-index.document';
export * from './audit-index.projection';
