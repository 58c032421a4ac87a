export * from './what-if-standard';
export * from './household-facts.projection';
export * from './judge';
export * from './transition-matrix';
export * from './what-if-report';
export * from './run-what-if';
export * from './run-what-if.query';
