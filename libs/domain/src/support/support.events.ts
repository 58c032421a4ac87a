import { IsoDate } from '../shared/calendar';
import { Event } from '../shared/decider';
import { HouseholdId } from '../shared/ids';
import { Vnd } from '../shared/money';
import { HouseholdStatus } from '../household';
import { SupportKindId } from './support-kinds';
import { BorrowerCategory, PriorityGroup, RecordedException, SupportDecision, SupportForm, SupportFund } from './support.values';

// Support lives in the household's own stream (`household-<id>`), so its rules read the true status history.

/** Stored event type names of household support: explicit and versioned. */
export const SupportEventType = {
  Granted: 'HouseholdSupportGranted.v1',
  PriorRecorded: 'HouseholdPriorSupportRecorded.v1',
  LoanDisbursed: 'HouseholdLoanDisbursed.v1',
  LoanRepaid: 'HouseholdLoanRepaid.v1',
  LoanOverdue: 'HouseholdLoanOverdue.v1',
  LoanSettled: 'HouseholdLoanSettled.v1',
} as const;

export type HouseholdSupportGranted = Event<
  'HouseholdSupportGranted.v1',
  {
    householdId: HouseholdId;
    grantId: string;
    kind: SupportKindId;
    grantedOn: IsoDate;
    fund: SupportFund;
    decision: SupportDecision;
    amount: Vnd;
    form: SupportForm;
    programme?: string;
    priorityGroup: PriorityGroup;
    statusOnGrantDate: HouseholdStatus;
    exception?: RecordedException;
  }
>;

/** Support an earlier programme gave, recorded so that a one-off kind is not given twice. */
export type HouseholdPriorSupportRecorded = Event<
  'HouseholdPriorSupportRecorded.v1',
  { householdId: HouseholdId; kind: SupportKindId; programme: string; recordedOn: IsoDate; source: string; priorEquipment: true }
>;

export type HouseholdLoanDisbursed = Event<
  'HouseholdLoanDisbursed.v1',
  {
    householdId: HouseholdId;
    loanId: string;
    programme: string;
    lender: string;
    amount: Vnd;
    termMonths: number;
    annualRatePercent: number;
    disbursedOn: IsoDate;
    fund: SupportFund;
    decision: SupportDecision;
    statusOnDisbursement: HouseholdStatus;
    borrowerCategory: BorrowerCategory;
    exception?: RecordedException;
  }
>;

export type HouseholdLoanRepaid = Event<
  'HouseholdLoanRepaid.v1',
  { householdId: HouseholdId; loanId: string; amount: Vnd; paidOn: IsoDate; balanceAfter: Vnd }
>;

export type HouseholdLoanOverdue = Event<
  'HouseholdLoanOverdue.v1',
  { householdId: HouseholdId; loanId: string; since: IsoDate; overdueRatePercent: number }
>;

export type HouseholdLoanSettled = Event<'HouseholdLoanSettled.v1', { householdId: HouseholdId; loanId: string; settledOn: IsoDate }>;

/** Everything that can happen to a household's support. */
export type SupportEvent =
  | HouseholdSupportGranted
  | HouseholdPriorSupportRecorded
  | HouseholdLoanDisbursed
  | HouseholdLoanRepaid
  | HouseholdLoanOverdue
  | HouseholdLoanSettled;

const TYPES: readonly string[] = Object.values(SupportEventType);

/** True for a support event read back from a household stream. */
export const isSupportEvent = (event: { type: string }): event is SupportEvent => TYPES.includes(event.type);
