import { nationalStandard } from '../poverty-standard/standard-for-year';
import { isoDate } from '../shared/calendar';
import { communeCode, householdId } from '../shared/ids';
import { vnd } from '../shared/money';
import { HouseholdAssessed, HouseholdEvent, HouseholdRecognised, HouseholdRegistered } from './household.events';
import { HouseholdStatus } from './household.values';

// Events for specs: a rural household in commune 00001, assessed and recognised as needed.

export const HH = householdId('hh-1');
export const COMMUNE = communeCode('00001');

export const registered = (): HouseholdRegistered => ({
  type: 'HouseholdRegistered.v1',
  data: {
    householdId: HH,
    registeredOn: isoDate('2022-01-10'),
    address: { communeCode: COMMUNE, village: 'Thôn 1' },
    areaType: 'rural',
    memberCount: 4,
    ethnicMinority: true,
    policyFamily: false,
    personal: { headName: 'Nguyễn Văn A' },
  },
});

export const assessed = (reviewYear: number, proposedCategory: HouseholdAssessed['data']['proposedCategory'] = 'poor'): HouseholdAssessed => ({
  type: 'HouseholdAssessed.v2',
  data: {
    householdId: HH,
    reviewYear,
    reviewKind: 'periodic',
    assessedOn: isoDate(`${reviewYear}-10-01`),
    incomePerPersonMonthly: vnd(1_000_000),
    deficientIndicators: ['employment', 'nutrition', 'latrine'],
    indicatorsAssessed: nationalStandard('2022-2025').indicators,
    surveyor: 'reviewer-1',
    standardId: '2022-2025',
    proposedCategory,
    deprivations: 3,
  },
});

export const recognised = (reviewYear: number, from: HouseholdStatus, to: HouseholdStatus, decisionDate = `${reviewYear}-12-20`): HouseholdRecognised => ({
  type: 'HouseholdRecognised.v1',
  data: {
    householdId: HH,
    reviewYear,
    reviewKind: 'periodic',
    decision: { number: `${reviewYear}/QĐ-UBND`, date: isoDate(decisionDate), issuer: 'commune chairman' },
    from,
    to,
    transition: 'newly-arising',
    standardId: '2022-2025',
    deprivations: 3,
    communeCode: COMMUNE,
    proposedCategory: 'poor',
    matchesAssessment: true,
  },
});

/** A household listed as `status` after the 2023 review, assessed in 2024. */
export function historyWithStatus(status: HouseholdStatus): HouseholdEvent[] {
  const events: HouseholdEvent[] = [registered(), assessed(2023)];
  if (status === 'not-listed') return [...events, assessed(2024)];
  if (status === 'escaped') events.push(recognised(2023, 'not-listed', 'poor'), assessed(2024), recognised(2024, 'poor', 'escaped'));
  else events.push(recognised(2023, 'not-listed', status), assessed(2024));
  return events;
}
