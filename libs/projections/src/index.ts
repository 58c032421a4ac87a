export * from './projection';
export * from './runner/poison';
export * from './runner/apply-batch';
export * from './runner/projection-runner';
export * from './read-models/household-registry';
