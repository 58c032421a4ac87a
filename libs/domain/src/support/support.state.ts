import { IsoDate } from '../shared/calendar';
import { assertNever } from '../shared/decider';
import { Vnd } from '../shared/money';
import { HouseholdEvent, householdDecider, HouseholdState, HouseholdStatus } from '../household';
import { SupportKindId } from './support-kinds';
import { isSupportEvent, SupportEvent } from './support.events';

/** A household stream holds both the household's events and its support. */
export type HouseholdStreamEvent = HouseholdEvent | SupportEvent;

/** From `since` (a decision date) on, the household had `status`, until the next entry. */
export type StatusPeriod = Readonly<{ since: IsoDate; status: HouseholdStatus; decisionNumber: string }>;

/** Something given once: a grant of this registry, or support recorded from an earlier programme. */
export type GivenSupport = Readonly<{ kind: SupportKindId; on: IsoDate; grantId?: string; programme?: string }>;

/** One loan as its repayments leave it. */
export type LoanRecord = Readonly<{
  loanId: string;
  amount: Vnd;
  balance: Vnd;
  annualRatePercent: number;
  disbursedOn: IsoDate;
  overdue?: Readonly<{ since: IsoDate; overdueRatePercent: number }>;
  settledOn?: IsoDate;
}>;

/** What support rules need of a household stream: the household itself, its dated status history, what it was given. */
export type HouseholdSupportState = Readonly<{
  household: HouseholdState;
  /** Ordered by decision date; a later decision of the same date comes after. */
  statusHistory: readonly StatusPeriod[];
  given: readonly GivenSupport[];
  grantIds: readonly string[];
  loans: Readonly<Record<string, LoanRecord>>;
}>;

export const initialSupportState = (): HouseholdSupportState => ({
  household: householdDecider.initialState(),
  statusHistory: [],
  given: [],
  grantIds: [],
  loans: {},
});

/** Applies a household event or a support event to the stream's state. */
export function evolveSupport(state: HouseholdSupportState, event: HouseholdStreamEvent): HouseholdSupportState {
  if (isSupportEvent(event)) return evolveSupportEvent(state, event);
  const household = householdDecider.evolve(state.household, event);
  if (event.type !== 'HouseholdRecognised.v1') return { ...state, household };
  const { to, decision } = event.data;
  const entry: StatusPeriod = { since: decision.date, status: to, decisionNumber: decision.number };
  // Decisions may be recorded late: keep the history in decision-date order.
  const at = state.statusHistory.findIndex((p) => p.since > decision.date);
  const statusHistory = at < 0 ? [...state.statusHistory, entry] : [...state.statusHistory.slice(0, at), entry, ...state.statusHistory.slice(at)];
  return { ...state, household, statusHistory };
}

function evolveSupportEvent(state: HouseholdSupportState, event: SupportEvent): HouseholdSupportState {
  switch (event.type) {
    case 'HouseholdSupportGranted.v1': {
      const { kind, grantedOn, grantId, programme } = event.data;
      return { ...state, grantIds: [...state.grantIds, grantId], given: [...state.given, { kind, on: grantedOn, grantId, programme }] };
    }
    case 'HouseholdPriorSupportRecorded.v1': {
      const { kind, recordedOn, programme } = event.data;
      return { ...state, given: [...state.given, { kind, on: recordedOn, programme }] };
    }
    case 'HouseholdLoanDisbursed.v1': {
      const { loanId, amount, annualRatePercent, disbursedOn } = event.data;
      return withLoan(state, { loanId, amount, balance: amount, annualRatePercent, disbursedOn });
    }
    case 'HouseholdLoanRepaid.v1':
      return updateLoan(state, event.data.loanId, (loan) => ({ ...loan, balance: event.data.balanceAfter }));
    case 'HouseholdLoanOverdue.v1': {
      const { since, overdueRatePercent } = event.data;
      return updateLoan(state, event.data.loanId, (loan) => ({ ...loan, overdue: { since, overdueRatePercent } }));
    }
    case 'HouseholdLoanSettled.v1':
      return updateLoan(state, event.data.loanId, (loan) => ({ ...loan, settledOn: event.data.settledOn }));
    default:
      return assertNever(event, 'support event');
  }
}

const withLoan = (state: HouseholdSupportState, loan: LoanRecord): HouseholdSupportState => ({
  ...state,
  loans: { ...state.loans, [loan.loanId]: loan },
});

function updateLoan(state: HouseholdSupportState, loanId: string, change: (loan: LoanRecord) => LoanRecord): HouseholdSupportState {
  const loan = state.loans[loanId];
  return loan ? withLoan(state, change(loan)) : state;
}
