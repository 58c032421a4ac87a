export * from './targets.document';
export * from './targets.projection';
export * from './target-progress';
