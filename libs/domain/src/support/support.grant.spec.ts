import { isoDate } from '../shared/calendar';
import { vnd } from '../shared/money';
import { deciderSpec } from '../shared/testing/decider-spec';
import { assessed, registered } from '../household/household.fixtures';
import { householdSupportDecider } from './support.decider';
import { HouseholdSupportGranted } from './support.events';
import { decision, grant, HH, nearPoorHousehold, poorHousehold } from './support.fixtures';

const spec = deciderSpec(householdSupportDecider);
const dataOf = (events: readonly unknown[]) => (events[0] as HouseholdSupportGranted).data;

describe('granting a smartphone', () => {
  it('given a poor household, when 500,000 VND is granted towards a phone, then granted with its status and priority', () => {
    spec
      .given(poorHousehold())
      .when(grant())
      .then([
        {
          type: 'HouseholdSupportGranted.v1',
          data: {
            householdId: HH,
            grantId: 'g-1',
            kind: 'smartphone',
            grantedOn: isoDate('2024-06-10'),
            fund: 'public-utility-telecom-fund',
            decision,
            amount: vnd(500_000),
            form: 'cash',
            programme: 'Điện thoại thông minh cho hộ nghèo 2024',
            priorityGroup: 'poor',
            statusOnGrantDate: 'poor',
          },
        },
      ]);
  });

  it('given a poor household assessed above the line since, then its income plays no part: the recognised status decides', () => {
    const aboveTheLine = { ...assessed(2024, 'none'), data: { ...assessed(2024, 'none').data, incomePerPersonMonthly: vnd(5_000_000) } };
    expect(
      spec
        .given([...poorHousehold(), aboveTheLine])
        .when(grant())
        .events(),
    ).toHaveLength(1);
  });

  it('when 500,001 VND is granted in cash, then refused above the limit', () => {
    const error = spec
      .given(poorHousehold())
      .when(grant({ amount: vnd(500_001) }))
      .thenThrows('AMOUNT_ABOVE_LIMIT', 'rule-violated');
    expect(error.message).toContain('500000');
  });

  it('when a phone with a bundle worth more than 500,000 VND is given, then the cash limit does not apply', () => {
    expect(
      spec
        .given(poorHousehold())
        .when(grant({ form: 'device-with-bundle', amount: vnd(1_800_000) }))
        .events(),
    ).toHaveLength(1);
  });

  it('when given in kind, then refused: a smartphone is a device with a bundle or cash', () => {
    spec
      .given(poorHousehold())
      .when(grant({ form: 'in-kind' }))
      .thenThrows('FORM_NOT_ALLOWED', 'invalid');
  });

  it('when paid from the bank for social policies, then refused: the fund is not one of the kind', () => {
    spec
      .given(poorHousehold())
      .when(grant({ fund: 'vbsp' }))
      .thenThrows('FUND_NOT_ALLOWED', 'rule-violated');
  });

  it('given a smartphone already granted, when granted again, then refused naming the earlier grant and date', () => {
    const [first] = spec.given(poorHousehold()).when(grant()).events();
    const error = spec
      .given([...poorHousehold(), first])
      .when(grant({ grantId: 'g-2', grantedOn: isoDate('2025-03-01') }))
      .thenThrows('ALREADY_GRANTED', 'rule-violated');
    expect(error.message).toContain('g-1');
    expect(error.message).toContain('2024-06-10');
  });

  it('given a phone from an earlier programme, when granted, then refused naming that programme', () => {
    const [prior] = spec
      .given(poorHousehold())
      .when({
        type: 'RecordPriorSupport',
        data: {
          householdId: HH,
          kind: 'smartphone',
          programme: 'Sóng và máy tính cho em 2021',
          recordedOn: isoDate('2024-01-15'),
          source: 'commune list 12/DS-UBND',
        },
      })
      .events();
    expect(prior.data).toMatchObject({ priorEquipment: true, kind: 'smartphone' });
    const error = spec
      .given([...poorHousehold(), prior])
      .when(grant())
      .thenThrows('ALREADY_GRANTED');
    expect(error.message).toContain('Sóng và máy tính cho em 2021');
  });

  it('given the same grant id, when granted again, then a conflict', () => {
    const [first] = spec
      .given(poorHousehold())
      .when(grant({ kind: 'tuition', fund: 'provincial-budget', form: 'service' }))
      .events();
    spec
      .given([...poorHousehold(), first])
      .when(grant())
      .thenThrows('DUPLICATE_GRANT_ID', 'conflict');
  });

  it.each<[string, boolean, boolean, string]>([
    ['meritorious service', true, false, 'meritorious-service'],
    ['a policy family', false, true, 'policy-family'],
    ['a poor household', false, false, 'poor'],
  ])('given %s, then the priority group is computed', (_, meritoriousService, policyFamily, group) => {
    const reg = { ...registered(), data: { ...registered().data, policyFamily } };
    const [, ...rest] = poorHousehold();
    expect(
      dataOf(
        spec
          .given([reg, ...rest])
          .when(grant({ meritoriousService }))
          .events(),
      ).priorityGroup,
    ).toBe(group);
  });

  it('given a near-poor household, then its priority is near-poor', () => {
    expect(dataOf(spec.given(nearPoorHousehold()).when(grant()).events()).priorityGroup).toBe('near-poor');
  });
});
