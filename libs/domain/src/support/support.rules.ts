import { notFound, invalid, ruleViolated } from '../shared/errors';
import { HouseholdId } from '../shared/ids';
import { RegisteredHousehold } from '../household';
import { HouseholdSupportState } from './support.state';
import { RecordedException, SupportDecision, SupportException } from './support.values';

/** A rule a command breaks; an exception with a legal basis may set it aside. */
export type Violation = Readonly<{ code: string; message: string; details?: Readonly<Record<string, unknown>> }>;

/** The registered household a support command needs; nothing is given after dissolution. */
export function activeHousehold(state: HouseholdSupportState, householdId: HouseholdId): RegisteredHousehold {
  const household = state.household;
  if (!household.registered) throw notFound('HOUSEHOLD_NOT_FOUND', `household ${householdId} is not registered`, { householdId });
  if (household.dissolved) {
    throw ruleViolated('HOUSEHOLD_DISSOLVED', `household ${householdId} is dissolved: no support can follow`, { householdId });
  }
  return household;
}

export function checkDecision(decision: SupportDecision): void {
  if (!decision.number.trim() || !decision.issuer.trim()) {
    throw invalid('DECISION_REQUIRED', 'support is given under a decision: give its number and issuer');
  }
}

export function checkText(value: string, code: string, what: string): void {
  if (!value.trim()) throw invalid(code, `${what} must not be empty`);
}

/**
 * Without an exception, the first violation refuses the command; with one, every violation is
 * set aside and listed, so an audit sees which rules a legal basis overrode.
 */
export function settle(violations: readonly Violation[], exception: SupportException | undefined): RecordedException | undefined {
  if (exception && (!exception.legalBasis.number.trim() || !exception.reason.trim())) {
    throw invalid('EXCEPTION_INCOMPLETE', 'an exception names its legal basis (number and date) and a reason');
  }
  if (violations.length === 0) return undefined;
  if (!exception) {
    const [first] = violations;
    throw ruleViolated(first.code, first.message, { ...first.details, otherViolations: violations.slice(1).map((v) => v.code) });
  }
  return { ...exception, overrides: violations.map((v) => v.code) };
}
