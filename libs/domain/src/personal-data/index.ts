export * from './citizen-id';
export * from './province-of-birth-registration';
