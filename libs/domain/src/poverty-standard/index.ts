export * from './poverty-standard';
export * from './standards';
export * from './standard-for-year';
export * from './classify';
export * from './local-standard';
