import { isoDate } from '../shared/calendar';
import { vnd } from '../shared/money';
import { deciderSpec } from '../shared/testing/decider-spec';
import { householdSupportDecider } from './support.decider';
import { disbursed, HH, poorHousehold } from './support.fixtures';

const spec = deciderSpec(householdSupportDecider);
const repay = (amount: number, paidOn = '2025-06-10') => ({
  type: 'RecordRepayment' as const,
  data: { householdId: HH, loanId: 'loan-1', amount: vnd(amount), paidOn: isoDate(paidOn) },
});
const overdue = (since = '2025-07-01') => ({ type: 'MarkLoanOverdue' as const, data: { householdId: HH, loanId: 'loan-1', since: isoDate(since) } });

describe('repaying a loan', () => {
  it('when part is repaid, then the balance after is recorded', () => {
    spec
      .given([...poorHousehold(), disbursed()])
      .when(repay(20_000_000))
      .then([
        {
          type: 'HouseholdLoanRepaid.v1',
          data: { householdId: HH, loanId: 'loan-1', amount: vnd(20_000_000), paidOn: isoDate('2025-06-10'), balanceAfter: vnd(30_000_000) },
        },
      ]);
  });

  it('given repayments, when the last one clears the balance, then the loan is settled that day', () => {
    const history = [
      ...poorHousehold(),
      disbursed(),
      ...spec
        .given([...poorHousehold(), disbursed()])
        .when(repay(20_000_000))
        .events(),
    ];
    const events = spec.given(history).when(repay(30_000_000, '2026-06-10')).events();
    expect(events.map((e) => e.type)).toEqual(['HouseholdLoanRepaid.v1', 'HouseholdLoanSettled.v1']);
    expect(events[1].data).toEqual({ householdId: HH, loanId: 'loan-1', settledOn: '2026-06-10' });
  });

  it('when more than the balance is repaid, then refused', () => {
    spec
      .given([...poorHousehold(), disbursed()])
      .when(repay(50_000_001))
      .thenThrows('REPAYMENT_ABOVE_BALANCE', 'rule-violated');
  });

  it('given a settled loan, when repaid again, then refused as settled', () => {
    const history = [
      ...poorHousehold(),
      disbursed(),
      ...spec
        .given([...poorHousehold(), disbursed()])
        .when(repay(50_000_000))
        .events(),
    ];
    spec.given(history).when(repay(1)).thenThrows('LOAN_SETTLED');
  });

  it('given no such loan, then not found', () => {
    spec.given(poorHousehold()).when(repay(1)).thenThrows('LOAN_NOT_FOUND', 'not-found');
  });
});

describe('an overdue loan', () => {
  it.each([
    [6.6, 8.58],
    [7.92, 10.296],
    [8.25, 10.725],
  ])('given a loan at %s %%/year, when marked overdue, then the overdue rate is 130 %% of it (%s)', (rate, overdueRate) => {
    const loan = { ...disbursed(), data: { ...disbursed().data, annualRatePercent: rate } };
    const [event] = spec
      .given([...poorHousehold(), loan])
      .when(overdue())
      .events();
    expect(event.data).toEqual({ householdId: HH, loanId: 'loan-1', since: '2025-07-01', overdueRatePercent: overdueRate });
  });

  it('given an overdue loan, when marked again, then refused', () => {
    const history = [
      ...poorHousehold(),
      disbursed(),
      ...spec
        .given([...poorHousehold(), disbursed()])
        .when(overdue())
        .events(),
    ];
    spec.given(history).when(overdue('2025-08-01')).thenThrows('ALREADY_OVERDUE');
  });

  it('given an overdue loan, when it is repaid in full, then it is settled', () => {
    const history = [
      ...poorHousehold(),
      disbursed(),
      ...spec
        .given([...poorHousehold(), disbursed()])
        .when(overdue())
        .events(),
    ];
    expect(
      spec
        .given(history)
        .when(repay(50_000_000))
        .events()
        .map((e) => e.type),
    ).toEqual(['HouseholdLoanRepaid.v1', 'HouseholdLoanSettled.v1']);
  });
});
