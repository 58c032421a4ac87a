export * from './support-coverage.document';
export * from './support-coverage.projection';
export * from './coverage';
