export * from './operations-log';
export * from './rebuild-commands';
export * from './projections-status.query';
export * from './resolve-poisoned-event.command';
