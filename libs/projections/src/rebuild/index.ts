export * from './rebuild-record';
export * from './collection-diff';
export * from './read-models';
export * from './rebuild-job';
export * from './rebuild-service';
