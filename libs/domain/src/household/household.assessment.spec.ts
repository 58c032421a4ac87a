import { isoDate } from '../shared/calendar';
import { vnd } from '../shared/money';
import { nationalStandard } from '../poverty-standard/standard-for-year';
import { deciderSpec } from '../shared/testing/decider-spec';
import { AssessHousehold } from './household.commands';
import { householdDecider } from './household.decider';
import { HouseholdEvent } from './household.events';
import { HH, registered } from './household.fixtures';

const spec = deciderSpec(householdDecider);

const assess = (overrides: Partial<AssessHousehold['data']> = {}): AssessHousehold => ({
  type: 'AssessHousehold',
  data: {
    householdId: HH,
    reviewYear: 2024,
    reviewKind: 'periodic',
    assessedOn: isoDate('2024-09-01'),
    incomePerPersonMonthly: vnd(1_500_000),
    deficientIndicators: ['employment', 'nutrition', 'latrine', 'latrine'],
    surveyor: 'reviewer-1',
    ...overrides,
  },
});

const urbanHousehold: HouseholdEvent = { ...registered(), data: { ...registered().data, areaType: 'urban' } };

describe('assessing a household', () => {
  it('given a rural household, when assessed at the line with 3 deprivations, then proposed poor under the year\'s standard', () => {
    spec
      .given([registered()])
      .when(assess())
      .then([
        {
          type: 'HouseholdAssessed.v2',
          data: {
            ...assess().data,
            indicatorsAssessed: nationalStandard('2022-2025').indicators,
            deficientIndicators: ['employment', 'nutrition', 'latrine'],
            standardId: '2022-2025',
            proposedCategory: 'poor',
            deprivations: 3,
          },
        },
      ]);
  });

  it('given an urban household, when the same income is assessed, then the urban line applies', () => {
    const [event] = spec.given([urbanHousehold]).when(assess({ incomePerPersonMonthly: vnd(1_800_000), deficientIndicators: [] })).events();
    expect(event.data).toMatchObject({ proposedCategory: 'near-poor', deprivations: 0 });
  });

  it('when the 2021 review is assessed, then the 2016-2020 standard is used', () => {
    const [event] = spec
      .given([registered()])
      .when(assess({ reviewYear: 2021, assessedOn: isoDate('2021-10-01'), incomePerPersonMonthly: vnd(700_000), deficientIndicators: [] }))
      .events();
    expect(event.data).toMatchObject({ standardId: '2016-2020', proposedCategory: 'poor' });
  });

  it('when an indicator is unknown to the year\'s standard, then refused as invalid input', () => {
    spec.given([registered()]).when(assess({ deficientIndicators: ['internet-access'] })).thenThrows('UNKNOWN_INDICATOR', 'invalid');
  });

  it('when the review year has no standard, then refused', () => {
    spec.given([registered()]).when(assess({ reviewYear: 2031, assessedOn: isoDate('2031-10-01') })).thenThrows('NO_STANDARD_FOR_YEAR');
  });

  it('when the surveyor names the indicators assessed, then the event records them in the standard\'s order', () => {
    const [event] = spec.given([registered()]).when(assess({ indicatorsAssessed: ['latrine', 'nutrition', 'employment', 'latrine'] })).events();
    expect(event.data).toMatchObject({ indicatorsAssessed: ['employment', 'nutrition', 'latrine'], proposedCategory: 'poor' });
  });

  it('when an indicator is deficient but not among the assessed, then refused as invalid input', () => {
    spec.given([registered()]).when(assess({ indicatorsAssessed: ['employment', 'nutrition'] })).thenThrows('DEFICIENT_INDICATOR_NOT_ASSESSED', 'invalid');
  });

  it('when an assessed indicator is unknown to the year\'s standard, then refused', () => {
    spec
      .given([registered()])
      .when(assess({ indicatorsAssessed: ['employment', 'nutrition', 'latrine', 'internet-access'] }))
      .thenThrows('UNKNOWN_INDICATOR', 'invalid');
  });

  it('when no surveyor is named, then refused', () => {
    spec.given([registered()]).when(assess({ surveyor: ' ' })).thenThrows('SURVEYOR_REQUIRED');
  });
});

describe('the periodic review window', () => {
  it.each(['2024-09-01', '2024-12-14'])('when a periodic review is assessed on %s, then accepted', (day) => {
    expect(spec.given([registered()]).when(assess({ assessedOn: isoDate(day) })).events()).toHaveLength(1);
  });

  it.each(['2024-08-31', '2024-12-15', '2023-10-01'])('when a periodic review of 2024 is assessed on %s without a reason, then refused', (day) => {
    spec.given([registered()]).when(assess({ assessedOn: isoDate(day) })).thenThrows('REVIEW_OUTSIDE_WINDOW', 'rule-violated');
  });

  it('when a blank reason is given outside the window, then still refused', () => {
    spec.given([registered()]).when(assess({ assessedOn: isoDate('2024-12-20'), outOfWindowReason: '  ' })).thenThrows('REVIEW_OUTSIDE_WINDOW');
  });

  it('when a reason is given outside the window, then accepted and the reason kept', () => {
    const [event] = spec.given([registered()]).when(assess({ assessedOn: isoDate('2024-12-20'), outOfWindowReason: 'flood delayed the survey' })).events();
    expect(event.data).toMatchObject({ outOfWindowReason: 'flood delayed the survey' });
  });

  it('when a regular review is assessed in March, then no reason is needed', () => {
    expect(spec.given([registered()]).when(assess({ reviewKind: 'regular', assessedOn: isoDate('2024-03-15') })).events()).toHaveLength(1);
  });
});
