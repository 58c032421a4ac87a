export * from './directive-reader';
export * from './execute-directive-command';
export * from './get-directive-board.query';
export * from './get-target-progress.query';
export * from './get-directive-area.query';
