import { isoDate } from '../shared/calendar';
import { vnd } from '../shared/money';
import { deciderSpec } from '../shared/testing/decider-spec';
import { assessed, recognised } from '../household/household.fixtures';
import { householdSupportDecider } from './support.decider';
import { HouseholdSupportGranted } from './support.events';
import { decision, escapedHousehold, grant, HH, nearPoorHousehold, poorHousehold, unlistedHousehold } from './support.fixtures';

const spec = deciderSpec(householdSupportDecider);
const dataOf = (events: readonly unknown[]) => (events[0] as HouseholdSupportGranted).data;
const exception = { legalBasis: { number: '45/NQ-HĐND', date: isoDate('2024-05-01') }, reason: 'household hit by the 2024 flood' };

describe('eligibility on the grant date', () => {
  // The household becomes poor by a decision of 2023-12-20 and escapes by one of 2024-12-20.
  it.each([
    ['2023-12-19', 'not-listed', false],
    ['2023-12-20', 'poor', true],
    ['2024-12-19', 'poor', true],
    ['2024-12-20', 'escaped', false],
    ['2024-12-21', 'escaped', false],
  ])('when a smartphone is granted on %s, then the status that day (%s) decides', (day, status, eligible) => {
    const when = spec.given(escapedHousehold()).when(grant({ grantedOn: isoDate(day) }));
    if (eligible) expect(dataOf(when.events()).statusOnGrantDate).toBe(status);
    else expect(when.thenThrows('NOT_ELIGIBLE_ON_GRANT_DATE', 'rule-violated').message).toContain(`was ${status}`);
  });

  it('when refused, then the message names what the kind requires', () => {
    const error = spec.given(unlistedHousehold()).when(grant()).thenThrows('NOT_ELIGIBLE_ON_GRANT_DATE');
    expect(error.message).toBe('on 2024-06-10 the household was not-listed; smartphone requires poor or near-poor');
  });

  it('given a decision recorded late, then the status is still read by decision date', () => {
    // The escape decision of 2024-12-20 is entered after a fall-back decided on 2025-12-20.
    const [reg, a23, poor23, a24, escaped24] = escapedHousehold();
    const history = [reg, a23, poor23, a24, assessed(2025), recognised(2025, 'escaped', 'poor'), escaped24];
    expect(
      dataOf(
        spec
          .given(history)
          .when(grant({ grantedOn: isoDate('2024-12-19') }))
          .events(),
      ).statusOnGrantDate,
    ).toBe('poor');
    spec
      .given(history)
      .when(grant({ grantedOn: isoDate('2025-06-01') }))
      .thenThrows('NOT_ELIGIBLE_ON_GRANT_DATE');
  });

  it('when tuition is granted to a near-poor household, then refused: only the poor are exempt', () => {
    spec
      .given(nearPoorHousehold())
      .when(grant({ kind: 'tuition', fund: 'provincial-budget', form: 'service' }))
      .thenThrows('NOT_ELIGIBLE_ON_GRANT_DATE');
  });

  it('given tuition granted, when granted again the next school year, then accepted: tuition is not one-off', () => {
    const tuition = (grantId: string, day: string) =>
      grant({ grantId, kind: 'tuition', fund: 'provincial-budget', form: 'service', grantedOn: isoDate(day), amount: vnd(1_200_000) });
    const [first] = spec.given(poorHousehold()).when(tuition('t-1', '2024-01-05')).events();
    expect(
      spec
        .given([...poorHousehold(), first])
        .when(tuition('t-2', '2024-09-05'))
        .events(),
    ).toHaveLength(1);
  });
});

describe('an exception with a legal basis', () => {
  it('given an escaped household, when a smartphone is granted with an exception, then accepted and the overridden rule recorded', () => {
    const [event] = spec
      .given(escapedHousehold())
      .when(grant({ grantedOn: isoDate('2025-02-01'), exception }))
      .events();
    expect((event as HouseholdSupportGranted).data.exception).toEqual({ ...exception, overrides: ['NOT_ELIGIBLE_ON_GRANT_DATE'] });
  });

  it('when it overrides several rules, then all are listed', () => {
    const [prior] = spec
      .given(escapedHousehold())
      .when({
        type: 'RecordPriorSupport',
        data: { householdId: HH, kind: 'smartphone', programme: '2021 programme', recordedOn: isoDate('2024-01-15'), source: 'list' },
      })
      .events();
    const event = dataOf(
      spec
        .given([...escapedHousehold(), prior])
        .when(grant({ grantedOn: isoDate('2025-02-01'), amount: vnd(600_000), exception }))
        .events(),
    );
    expect(event.exception?.overrides).toEqual(['NOT_ELIGIBLE_ON_GRANT_DATE', 'ALREADY_GRANTED', 'AMOUNT_ABOVE_LIMIT']);
  });

  it('when the reason is blank, then refused as incomplete', () => {
    spec
      .given(escapedHousehold())
      .when(grant({ exception: { ...exception, reason: ' ' } }))
      .thenThrows('EXCEPTION_INCOMPLETE', 'invalid');
  });

  it('given an eligible grant, then an unused exception is not recorded', () => {
    expect(dataOf(spec.given(poorHousehold()).when(grant({ exception })).events()).exception).toBeUndefined();
  });

  it('given a dissolved household, then no exception helps', () => {
    const dissolved = { type: 'HouseholdDissolved.v1' as const, data: { householdId: HH, dissolvedOn: isoDate('2024-03-01'), reason: 'merged' } };
    spec
      .given([...poorHousehold(), dissolved])
      .when(grant({ exception }))
      .thenThrows('HOUSEHOLD_DISSOLVED', 'rule-violated');
  });
});

describe('housing limits by date', () => {
  const housing = (kind: string, day: string, amount: number, grantId = 'g-1') =>
    grant({
      grantId,
      kind,
      grantedOn: isoDate(day),
      amount: vnd(amount),
      fund: 'national-target-programme',
      form: 'cash',
      decision: { ...decision, date: isoDate(day) },
    });

  it.each([
    ['housing-new', '2024-04-12', 40_000_000],
    ['housing-new', '2024-04-13', 60_000_000],
    ['housing-new', '2025-12-31', 60_000_000],
    ['housing-new', '2026-01-01', 40_000_000],
    ['housing-repair', '2024-04-12', 20_000_000],
    ['housing-repair', '2024-04-13', 30_000_000],
  ])('when %s is granted on %s, then %d VND is the most allowed', (kind, day, max) => {
    expect(
      spec
        .given(poorHousehold())
        .when(housing(kind, day, max))
        .events(),
    ).toHaveLength(1);
    spec
      .given(poorHousehold())
      .when(housing(kind, day, max + 1))
      .thenThrows('AMOUNT_ABOVE_LIMIT');
  });

  it('given a house repaired, when repaired again, then refused: a repair is one-off', () => {
    const [first] = spec
      .given(poorHousehold())
      .when(housing('housing-repair', '2024-05-01', 30_000_000))
      .events();
    spec
      .given([...poorHousehold(), first])
      .when(housing('housing-repair', '2025-05-01', 10_000_000, 'g-2'))
      .thenThrows('ALREADY_GRANTED');
  });
});

describe('refusals before any rule', () => {
  it('given no household, then not found', () => {
    spec.given([]).when(grant()).thenThrows('HOUSEHOLD_NOT_FOUND', 'not-found');
  });

  it('when preferential credit is granted, then refused: credit is disbursed as a loan', () => {
    spec
      .given(poorHousehold())
      .when(grant({ kind: 'preferential-credit', fund: 'vbsp' }))
      .thenThrows('LOAN_NEEDS_DISBURSEMENT', 'invalid');
  });

  it('when the kind is unknown, then refused', () => {
    spec
      .given(poorHousehold())
      .when(grant({ kind: 'bicycle' }))
      .thenThrows('UNKNOWN_SUPPORT_KIND', 'invalid');
  });
});
