import { isoDate } from '../shared/calendar';
import { vnd } from '../shared/money';
import { deciderSpec } from '../shared/testing/decider-spec';
import { householdSupportDecider } from './support.decider';
import { HouseholdLoanDisbursed } from './support.events';
import { disburse, disbursed, escapedHousehold, nearPoorHousehold, poorHousehold, unlistedHousehold } from './support.fixtures';
import { HouseholdStreamEvent } from './support.state';

const spec = deciderSpec(householdSupportDecider);
const loanOf = (events: readonly unknown[]) => (events[0] as HouseholdLoanDisbursed).data;

describe('disbursing a preferential loan', () => {
  it.each<[string, () => HouseholdStreamEvent[], string, number]>([
    ['poor', poorHousehold, '2024-06-10', 6.6],
    ['near-poor', nearPoorHousehold, '2024-06-10', 7.92],
    ['newly-escaped', escapedHousehold, '2025-06-10', 8.25],
  ])('given a %s household, when the rate is left out, then it is set by the category', (category, history, day, rate) => {
    const loan = loanOf(
      spec
        .given(history())
        .when(disburse({ disbursedOn: isoDate(day) }))
        .events(),
    );
    expect(loan).toMatchObject({ borrowerCategory: category, annualRatePercent: rate, lender: 'VBSP' });
  });

  it('given a poor household, then the whole event is recorded', () => {
    spec.given(poorHousehold()).when(disburse()).then([disbursed()]);
  });

  it('given a household escaping on 2024-12-20, then the rate follows the status on the disbursement day', () => {
    expect(
      loanOf(
        spec
          .given(escapedHousehold())
          .when(disburse({ disbursedOn: isoDate('2024-12-19') }))
          .events(),
      ),
    ).toMatchObject({
      statusOnDisbursement: 'poor',
      annualRatePercent: 6.6,
    });
    expect(
      loanOf(
        spec
          .given(escapedHousehold())
          .when(disburse({ disbursedOn: isoDate('2024-12-20') }))
          .events(),
      ),
    ).toMatchObject({
      statusOnDisbursement: 'escaped',
      borrowerCategory: 'newly-escaped',
      annualRatePercent: 8.25,
    });
  });

  it('given a household escaped on 2024-12-20, then it may borrow until 2027-12-19 and not on the third anniversary', () => {
    expect(
      loanOf(
        spec
          .given(escapedHousehold())
          .when(disburse({ disbursedOn: isoDate('2027-12-19') }))
          .events(),
      ).borrowerCategory,
    ).toBe('newly-escaped');
    const error = spec
      .given(escapedHousehold())
      .when(disburse({ disbursedOn: isoDate('2027-12-20') }))
      .thenThrows('NOT_ELIGIBLE_ON_DISBURSEMENT_DATE', 'rule-violated');
    expect(error.message).toContain('was escaped');
  });

  it('given a household never listed, then refused even with an exception: eligibility cannot be set aside', () => {
    const exception = { legalBasis: { number: '1/QĐ-UBND', date: isoDate('2024-01-01') }, reason: 'asked by the village' };
    spec.given(unlistedHousehold()).when(disburse({ exception })).thenThrows('NOT_ELIGIBLE_ON_DISBURSEMENT_DATE');
  });

  it('when the rule rate is given, then accepted', () => {
    expect(
      loanOf(
        spec
          .given(nearPoorHousehold())
          .when(disburse({ annualRatePercent: 7.92 }))
          .events(),
      ).annualRatePercent,
    ).toBe(7.92);
  });

  it('when another rate is given, then refused as the wrong rate', () => {
    const error = spec
      .given(nearPoorHousehold())
      .when(disburse({ annualRatePercent: 6.6 }))
      .thenThrows('WRONG_RATE', 'rule-violated');
    expect(error.message).toContain('7.92');
  });

  it('when another rate is given with an exception, then accepted and the override recorded', () => {
    const exception = { legalBasis: { number: '08/NQ-HĐND', date: isoDate('2024-03-01') }, reason: 'provincial rate support after the flood' };
    const loan = loanOf(
      spec
        .given(nearPoorHousehold())
        .when(disburse({ annualRatePercent: 6.6, exception }))
        .events(),
    );
    expect(loan).toMatchObject({ annualRatePercent: 6.6, exception: { ...exception, overrides: ['WRONG_RATE'] } });
  });

  it.each([
    [100_000_000, 120, undefined],
    [100_000_001, 120, 'LOAN_ABOVE_CAP'],
    [100_000_000, 121, 'LOAN_TERM_TOO_LONG'],
  ])('when %d VND is lent for %d months, then %s', (amount, termMonths, code) => {
    const when = spec.given(poorHousehold()).when(disburse({ amount: vnd(amount), termMonths }));
    if (code) when.thenThrows(code, 'rule-violated');
    else expect(when.events()).toHaveLength(1);
  });

  it('when the term is not a positive whole number of months, then invalid', () => {
    spec
      .given(poorHousehold())
      .when(disburse({ termMonths: 0 }))
      .thenThrows('INVALID_TERM', 'invalid');
  });

  it('when lent from the provincial budget, then refused: preferential credit comes from VBSP', () => {
    spec
      .given(poorHousehold())
      .when(disburse({ fund: 'provincial-budget' }))
      .thenThrows('FUND_NOT_ALLOWED');
  });

  it('given the same loan id, then a conflict', () => {
    spec
      .given([...poorHousehold(), disbursed()])
      .when(disburse())
      .thenThrows('DUPLICATE_LOAN_ID', 'conflict');
  });
});
