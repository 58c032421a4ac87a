export * from './demo-plan';
export * from './demo-facts';
export * from './load-demo';
export * from './open-demo';
