export * from './execute-commune-command';
