export * from './household.values';
export { isNeedGroup, isPovertyCause, NEED_GROUPS, POVERTY_CAUSES } from './household.causes';
export type { NeedGroup, PovertyCause } from './household.causes';
export * from './household.events';
export * from './household.state';
export * from './household.commands';
export * from './household.decider';
export { checkCitizenIds } from './household.personal-data';
export * from './review-window';
