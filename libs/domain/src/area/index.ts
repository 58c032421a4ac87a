export * from './area.events';
export * from './area.commands';
export * from './area.decider';
