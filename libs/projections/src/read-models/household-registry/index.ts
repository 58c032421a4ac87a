export * from './household-registry.document';
export * from './household-registry.projection';
