export * from './poverty-statistics.document';
export * from './flows';
export * from './statistics-areas';
export * from './poverty-statistics.projection';
export * from './annual-figures';
