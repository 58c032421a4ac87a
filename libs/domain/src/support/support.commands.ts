import { IsoDate } from '../shared/calendar';
import { Command } from '../shared/decider';
import { HouseholdId } from '../shared/ids';
import { Vnd } from '../shared/money';
import { SupportDecision, SupportException, SupportForm, SupportFund } from './support.values';

/** Give a household one kind of support under a decision. */
export type GrantSupport = Command<
  'GrantSupport',
  {
    householdId: HouseholdId;
    grantId: string;
    kind: string;
    grantedOn: IsoDate;
    fund: SupportFund;
    decision: SupportDecision;
    amount: Vnd;
    form: SupportForm;
    programme?: string;
    /** Attested from the list of people with meritorious service, which the household registry does not hold. */
    meritoriousService?: boolean;
    exception?: SupportException;
  }
>;

/** Record that an earlier programme already gave the household a one-off kind of support. */
export type RecordPriorSupport = Command<
  'RecordPriorSupport',
  { householdId: HouseholdId; kind: string; programme: string; recordedOn: IsoDate; source: string }
>;

/** Lend to a household at the preferential rate of its status on the disbursement day; the rate may be left to the rule. */
export type DisburseLoan = Command<
  'DisburseLoan',
  {
    householdId: HouseholdId;
    loanId: string;
    programme: string;
    lender?: string;
    amount: Vnd;
    termMonths: number;
    annualRatePercent?: number;
    disbursedOn: IsoDate;
    fund: SupportFund;
    decision: SupportDecision;
    exception?: SupportException;
  }
>;

export type RecordRepayment = Command<'RecordRepayment', { householdId: HouseholdId; loanId: string; amount: Vnd; paidOn: IsoDate }>;

export type MarkLoanOverdue = Command<'MarkLoanOverdue', { householdId: HouseholdId; loanId: string; since: IsoDate }>;

/** Everything that can be asked of a household's support. */
export type SupportCommand = GrantSupport | RecordPriorSupport | DisburseLoan | RecordRepayment | MarkLoanOverdue;
