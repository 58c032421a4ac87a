import { addYears, IsoDate } from '../shared/calendar';
import { HouseholdStatus } from '../household';
import { SUPPORT_KINDS, SupportKindId } from './support-kinds';
import { HouseholdSupportState, StatusPeriod } from './support.state';
import { BorrowerCategory, EligibleGroup, PriorityGroup } from './support.values';

/** Why a household may not receive a kind of support, named by the code a refusal carries. */
export type EligibilityReason = Readonly<{ code: string; message: string; details?: Readonly<Record<string, unknown>> }>;

/** Whether a household may receive a kind on a date, and if not, every reason why. */
export type Eligibility = Readonly<{ eligible: boolean; reasons: readonly EligibilityReason[] }>;

const periodOn = (state: HouseholdSupportState, date: IsoDate): StatusPeriod | undefined => state.statusHistory.filter((p) => p.since <= date).at(-1);

/** The status a household had on a date: a decision takes effect on the day it is dated. */
export function statusOn(state: HouseholdSupportState, date: IsoDate): HouseholdStatus {
  return periodOn(state, date)?.status ?? 'not-listed';
}

/** Within three years of the decision that took the household off the lists (Decision 28/2015/QĐ-TTg), as `isNewlyEscaped` counts them. */
export function newlyEscapedOn(state: HouseholdSupportState, date: IsoDate): boolean {
  const period = periodOn(state, date);
  return period?.status === 'escaped' && date < addYears(period.since, 3);
}

/** The groups of docs/domain-rules.md §3 the household belonged to on a date. */
export function groupOn(state: HouseholdSupportState, date: IsoDate): EligibleGroup | undefined {
  const status = statusOn(state, date);
  if (status === 'poor' || status === 'near-poor') return status;
  return newlyEscapedOn(state, date) ? 'newly-escaped' : undefined;
}

/** The borrower category that sets a preferential loan's rate, or undefined when the household may not borrow. */
export const borrowerCategoryOn = (state: HouseholdSupportState, date: IsoDate): BorrowerCategory | undefined => groupOn(state, date);

/** Priority order of docs/domain-rules.md §3: meritorious service, policy family, poor, near-poor. */
export function priorityGroupOn(state: HouseholdSupportState, date: IsoDate, meritoriousService = false): PriorityGroup {
  if (meritoriousService) return 'meritorious-service';
  if (state.household.registered && state.household.policyFamily) return 'policy-family';
  const status = statusOn(state, date);
  return status === 'poor' || status === 'near-poor' ? status : 'other';
}

/** Whether a household may receive `kind` on `date`; income plays no part: the recognised status decides. */
export function eligibility(kind: SupportKindId, state: HouseholdSupportState, date: IsoDate): Eligibility {
  const reasons: EligibilityReason[] = [];
  const household = state.household;
  if (!household.registered) {
    return { eligible: false, reasons: [{ code: 'HOUSEHOLD_NOT_FOUND', message: 'the household is not registered' }] };
  }
  if (household.dissolved) {
    reasons.push({ code: 'HOUSEHOLD_DISSOLVED', message: `household ${household.householdId} is dissolved: no support follows` });
  }
  const rule = SUPPORT_KINDS[kind];
  const group = groupOn(state, date);
  if (!group || !rule.eligible.includes(group)) {
    const status = statusOn(state, date);
    const had = status === 'escaped' && !group ? 'escaped more than three years before' : status;
    reasons.push({
      code: 'NOT_ELIGIBLE_ON_GRANT_DATE',
      message: `on ${date} the household was ${had}; ${kind} requires ${rule.eligible.join(' or ')}`,
      details: { kind, date, status, required: rule.eligible },
    });
  }
  const earlier = rule.oneOff ? state.given.find((g) => g.kind === kind) : undefined;
  if (earlier) {
    const by = earlier.grantId ? `grant ${earlier.grantId}` : `the earlier programme "${earlier.programme}"`;
    reasons.push({
      code: 'ALREADY_GRANTED',
      message: `${kind} is given once per household and was already given by ${by} on ${earlier.on}`,
      details: { kind, earlierGrantId: earlier.grantId, earlierOn: earlier.on, programme: earlier.programme },
    });
  }
  return { eligible: reasons.length === 0, reasons };
}
