export * from './export-columns';
export * from './csv-writer';
export * from './registry-export-rows';
export * from './xlsx-writer';
export * from './export-registry.query';
