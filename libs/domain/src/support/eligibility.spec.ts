import { isoDate } from '../shared/calendar';
import { fold } from '../shared/decider';
import { isNewlyEscaped } from '../household';
import { eligibility, newlyEscapedOn, statusOn } from './eligibility';
import { loanRateFor } from './loan-terms';
import { householdSupportDecider } from './support.decider';
import { SUPPORT_KIND_IDS, SUPPORT_KINDS } from './support-kinds';
import { escapedHousehold, poorHousehold } from './support.fixtures';
import { HouseholdStreamEvent } from './support.state';

const stateOf = (events: readonly HouseholdStreamEvent[]) => fold(householdSupportDecider, events);

describe('the status on a date', () => {
  it('given a poor household that escaped, then the history is dated by decision', () => {
    const state = stateOf(escapedHousehold());
    expect(state.statusHistory.map((p) => [p.since, p.status])).toEqual([
      ['2023-12-20', 'poor'],
      ['2024-12-20', 'escaped'],
    ]);
    expect([statusOn(state, isoDate('2023-12-19')), statusOn(state, isoDate('2024-12-19')), statusOn(state, isoDate('2024-12-20'))]).toEqual([
      'not-listed',
      'poor',
      'escaped',
    ]);
  });

  it.each(['2024-12-19', '2024-12-20', '2026-06-30', '2027-12-19', '2027-12-20', '2030-01-01'])(
    'on %s, newly escaped by the dated history agrees with isNewlyEscaped',
    (day) => {
      const state = stateOf(escapedHousehold());
      expect(newlyEscapedOn(state, isoDate(day))).toBe(isNewlyEscaped(state.household, isoDate(day)));
    },
  );
});

describe('eligibility', () => {
  it('given an escaped household, then credit is open within three years and a smartphone is not', () => {
    const state = stateOf(escapedHousehold());
    expect(eligibility('preferential-credit', state, isoDate('2027-12-19'))).toEqual({ eligible: true, reasons: [] });
    expect(eligibility('preferential-credit', state, isoDate('2027-12-20')).reasons.map((r) => r.code)).toEqual(['NOT_ELIGIBLE_ON_GRANT_DATE']);
    expect(eligibility('smartphone', state, isoDate('2025-01-01')).eligible).toBe(false);
  });

  it('given a poor household, then each kind is open exactly when its table row lists the poor', () => {
    const state = stateOf(poorHousehold());
    for (const kind of SUPPORT_KIND_IDS)
      expect(eligibility(kind, state, isoDate('2024-06-10')).eligible).toBe(SUPPORT_KINDS[kind].eligible.includes('poor'));
  });

  it('given no household, then not found', () => {
    expect(eligibility('smartphone', stateOf([]), isoDate('2024-06-10')).reasons.map((r) => r.code)).toEqual(['HOUSEHOLD_NOT_FOUND']);
  });
});

describe('the support table', () => {
  it('names a legal source for every kind and every limit', () => {
    for (const kind of Object.values(SUPPORT_KINDS)) {
      expect(kind.source.trim()).not.toBe('');
      for (const limit of kind.limits) expect(limit.source.trim()).not.toBe('');
    }
  });

  it('lends preferential credit from VBSP only, at the published rates', () => {
    expect(SUPPORT_KINDS['preferential-credit'].funds).toEqual(['vbsp']);
    expect([loanRateFor('poor'), loanRateFor('near-poor'), loanRateFor('newly-escaped')]).toEqual([6.6, 7.92, 8.25]);
  });
});
