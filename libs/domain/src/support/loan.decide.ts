import { conflict, invalid, notFound, ruleViolated } from '../shared/errors';
import { vnd } from '../shared/money';
import { borrowerCategoryOn, statusOn } from './eligibility';
import { DEFAULT_LENDER, loanCapOn, loanRateFor, MAX_LOAN_TERM_MONTHS, overdueRateFor, sameRate } from './loan-terms';
import { SUPPORT_KINDS } from './support-kinds';
import { DisburseLoan, MarkLoanOverdue, RecordRepayment } from './support.commands';
import { HouseholdLoanDisbursed, HouseholdLoanOverdue, HouseholdLoanRepaid, HouseholdLoanSettled } from './support.events';
import { activeHousehold, checkDecision, checkText, settle, Violation } from './support.rules';
import { HouseholdSupportState, LoanRecord } from './support.state';

/**
 * Lends at the rate of the household's status on the disbursement day. Eligibility itself cannot be
 * set aside: a loan to a household outside the three categories belongs to another programme.
 */
export function disburseLoan(command: DisburseLoan, state: HouseholdSupportState): readonly [HouseholdLoanDisbursed] {
  const { householdId, loanId, programme, amount, termMonths, disbursedOn, fund, decision, exception } = command.data;
  activeHousehold(state, householdId);
  checkText(loanId, 'LOAN_ID_REQUIRED', 'the loan id');
  checkText(programme, 'PROGRAMME_REQUIRED', 'the lending programme');
  checkDecision(decision);
  if (!Number.isInteger(termMonths) || termMonths < 1) throw invalid('INVALID_TERM', `a loan term is a whole number of months, got ${termMonths}`);
  if (amount <= 0) throw invalid('INVALID_AMOUNT', 'a loan lends more than 0 VND');
  if (state.loans[loanId]) throw conflict('DUPLICATE_LOAN_ID', `loan ${loanId} is already recorded`, { loanId });
  const status = statusOn(state, disbursedOn);
  const borrowerCategory = borrowerCategoryOn(state, disbursedOn);
  if (!borrowerCategory) {
    throw ruleViolated(
      'NOT_ELIGIBLE_ON_DISBURSEMENT_DATE',
      `on ${disbursedOn} the household was ${status}; preferential credit requires poor, near-poor or escaped within three years`,
      { disbursedOn, status },
    );
  }
  const ruleRate = loanRateFor(borrowerCategory);
  const rate = command.data.annualRatePercent ?? ruleRate;
  const violations: Violation[] = [];
  if (!sameRate(rate, ruleRate)) {
    violations.push({
      code: 'WRONG_RATE',
      message: `a ${borrowerCategory} borrower pays ${ruleRate} %/year on ${disbursedOn}, not ${rate}`,
      details: { borrowerCategory, expected: ruleRate, given: rate },
    });
  }
  const credit = SUPPORT_KINDS['preferential-credit'];
  if (!credit.funds.includes(fund)) {
    violations.push({
      code: 'FUND_NOT_ALLOWED',
      message: `preferential credit is lent from ${credit.funds.join(', ')}, not ${fund}`,
      details: { fund },
    });
  }
  const cap = loanCapOn(disbursedOn);
  if (cap !== undefined && amount > cap) {
    violations.push({ code: 'LOAN_ABOVE_CAP', message: `a preferential loan is capped at ${cap} VND, got ${amount}`, details: { cap, amount } });
  }
  if (termMonths > MAX_LOAN_TERM_MONTHS) {
    violations.push({
      code: 'LOAN_TERM_TOO_LONG',
      message: `a preferential loan runs at most ${MAX_LOAN_TERM_MONTHS} months, got ${termMonths}`,
      details: { termMonths, max: MAX_LOAN_TERM_MONTHS },
    });
  }
  const recorded = settle(violations, exception);
  return [
    {
      type: 'HouseholdLoanDisbursed.v1',
      data: {
        householdId,
        loanId,
        programme,
        lender: command.data.lender?.trim() || DEFAULT_LENDER,
        amount,
        termMonths,
        annualRatePercent: rate,
        disbursedOn,
        fund,
        decision,
        statusOnDisbursement: status,
        borrowerCategory,
        ...(recorded ? { exception: recorded } : {}),
      },
    },
  ];
}

function openLoan(state: HouseholdSupportState, loanId: string): LoanRecord {
  const loan = state.loans[loanId];
  if (!loan) throw notFound('LOAN_NOT_FOUND', `loan ${loanId} is not recorded for this household`, { loanId });
  if (loan.settledOn) throw ruleViolated('LOAN_SETTLED', `loan ${loanId} was settled on ${loan.settledOn}`, { loanId, settledOn: loan.settledOn });
  return loan;
}

// A repayment or an overdue mark may follow dissolution: a debt outlives the household record.

/** Records a repayment; the one that clears the balance also settles the loan. */
export function recordRepayment(command: RecordRepayment, state: HouseholdSupportState): readonly (HouseholdLoanRepaid | HouseholdLoanSettled)[] {
  const { householdId, loanId, amount, paidOn } = command.data;
  const loan = openLoan(state, loanId);
  if (amount <= 0) throw invalid('INVALID_AMOUNT', 'a repayment pays more than 0 VND');
  if (amount > loan.balance) {
    throw ruleViolated('REPAYMENT_ABOVE_BALANCE', `loan ${loanId} has ${loan.balance} VND outstanding, the repayment is ${amount}`, {
      loanId,
      balance: loan.balance,
      amount,
    });
  }
  const balanceAfter = vnd(loan.balance - amount);
  const repaid: HouseholdLoanRepaid = { type: 'HouseholdLoanRepaid.v1', data: { householdId, loanId, amount, paidOn, balanceAfter } };
  if (balanceAfter > 0) return [repaid];
  return [repaid, { type: 'HouseholdLoanSettled.v1', data: { householdId, loanId, settledOn: paidOn } }];
}

/** Marks a loan overdue from a date, at 130 % of its rate. */
export function markLoanOverdue(command: MarkLoanOverdue, state: HouseholdSupportState): readonly [HouseholdLoanOverdue] {
  const { householdId, loanId, since } = command.data;
  const loan = openLoan(state, loanId);
  if (loan.overdue) throw ruleViolated('ALREADY_OVERDUE', `loan ${loanId} is overdue since ${loan.overdue.since}`, { loanId });
  if (since < loan.disbursedOn) throw invalid('OVERDUE_BEFORE_DISBURSEMENT', `loan ${loanId} was disbursed on ${loan.disbursedOn}`);
  return [{ type: 'HouseholdLoanOverdue.v1', data: { householdId, loanId, since, overdueRatePercent: overdueRateFor(loan.annualRatePercent) } }];
}
