export * from './poverty-statistics.answer';
export * from './statistics-units';
export * from './statistics-replay';
export * from './statistics-source';
export * from './get-poverty-statistics.query';
