import { HouseholdStreamEvent, isoDate, vnd } from '@pl/domain';
import { disbursed, grant, poorHousehold } from '../../../../domain/src/support/support.fixtures';
import { project } from './project.spec-helper';
import { FundYearLedgerDoc, HouseholdLedgerDoc, SupportLedgerDoc } from './support-ledger.document';
import { supportLedgerProjection } from './support-ledger.projection';
import { communeYearTotals, fundYearTotals, householdTotals } from './support-ledger.totals';

const granted = (overrides: Partial<ReturnType<typeof grant>['data']> = {}, exception = false): HouseholdStreamEvent => {
  const { meritoriousService: _m, exception: _e, ...data } = grant(overrides).data;
  return {
    type: 'HouseholdSupportGranted.v1',
    data: {
      ...data, kind: 'smartphone', priorityGroup: 'poor', statusOnGrantDate: 'poor',
      ...(exception ? { exception: { legalBasis: { number: '45/QĐ-UBND', date: isoDate('2024-05-20') }, reason: 'flood', overrides: ['NOT_ELIGIBLE_ON_GRANT_DATE'] } } : {}),
    },
  } as HouseholdStreamEvent;
};

const ledger = (events: readonly HouseholdStreamEvent[]) => {
  const docs = project<SupportLedgerDoc>(supportLedgerProjection, events);
  return { household: docs.get('household:hh-1') as HouseholdLedgerDoc, fund: (f: string, y: number) => docs.get(`fund:${f}:${y}`) as FundYearLedgerDoc | undefined };
};

describe('support ledger projection', () => {
  it('given a grant and a loan, then the household, commune-year and fund-year totals count them by kind and year', () => {
    const { household, fund } = ledger([...poorHousehold(), granted(), disbursed()]);
    expect(householdTotals(household)).toMatchObject({
      lines: [{ kind: 'preferential-credit', year: 2024, count: 1, amount: 50_000_000 }, { kind: 'smartphone', year: 2024, count: 1, amount: 500_000 }],
      total: { count: 2, amount: 50_500_000 },
      exceptions: [],
    });
    expect(communeYearTotals([household], '00001', 2024).total).toEqual({ count: 2, amount: 50_500_000 });
    expect(communeYearTotals([household], '00001', 2023).total).toEqual({ count: 0, amount: 0 });
    expect(fundYearTotals(fund('vbsp', 2024), 2024).lines).toEqual([{ kind: 'preferential-credit', year: 2024, count: 1, amount: 50_000_000 }]);
    expect(fundYearTotals(fund('public-utility-telecom-fund', 2024), 2024).total).toEqual({ count: 1, amount: 500_000 });
  });

  it('given a grant under an exception, then the household and its fund list it with the rules set aside', () => {
    const { household, fund } = ledger([...poorHousehold(), granted({}, true)]);
    expect(householdTotals(household).exceptions).toEqual([
      expect.objectContaining({ householdId: 'hh-1', ref: 'g-1', communeCode: '00001', exception: expect.objectContaining({ overrides: ['NOT_ELIGIBLE_ON_GRANT_DATE'] }) }),
    ]);
    expect(fundYearTotals(fund('public-utility-telecom-fund', 2024), 2024).exceptions).toHaveLength(1);
  });

  it('given a grant and then a move, then the grant still counts in the commune where it was given', () => {
    const moved: HouseholdStreamEvent = {
      type: 'HouseholdRelocated.v1',
      data: { householdId: 'hh-1', to: { communeCode: '00002', village: 'Xóm Mới' }, areaType: 'rural', movedOn: isoDate('2024-08-01') },
    } as HouseholdStreamEvent;
    const { household } = ledger([...poorHousehold(), granted(), moved]);
    expect(household.communeCode).toBe('00002');
    expect(communeYearTotals([household], '00001', 2024).total.count).toBe(1);
    expect(communeYearTotals([household], '00002', 2024).total.count).toBe(0);
  });

  it('given repayments, then the loan balance follows and the last one settles it', () => {
    const repaid = (amount: number, balanceAfter: number): HouseholdStreamEvent =>
      ({ type: 'HouseholdLoanRepaid.v1', data: { householdId: 'hh-1', loanId: 'loan-1', amount: vnd(amount), paidOn: isoDate('2025-01-01'), balanceAfter: vnd(balanceAfter) } }) as HouseholdStreamEvent;
    const settled = { type: 'HouseholdLoanSettled.v1', data: { householdId: 'hh-1', loanId: 'loan-1', settledOn: isoDate('2025-02-01') } } as HouseholdStreamEvent;
    const { household } = ledger([...poorHousehold(), disbursed(), repaid(20_000_000, 30_000_000), repaid(30_000_000, 0), settled]);
    expect(household.loans['loan-1']).toMatchObject({ balance: 0, settledOn: '2025-02-01' });
  });
});
