export * from './directive-board.document';
export * from './directive-board.projection';
export * from './board-as-of';
