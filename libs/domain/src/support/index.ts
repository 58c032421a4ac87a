export * from './support.values';
export * from './support-kinds';
export * from './support.events';
export * from './support.state';
export * from './support.commands';
export * from './support.decider';
export { loanRateFor, overdueRateFor, loanCapOn, MAX_LOAN_TERM_MONTHS, DEFAULT_LENDER } from './loan-terms';
export { statusOn, newlyEscapedOn, eligibility, priorityGroupOn, borrowerCategoryOn } from './eligibility';
export type { Eligibility, EligibilityReason } from './eligibility';
