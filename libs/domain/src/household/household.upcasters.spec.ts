import { fold } from '../shared/decider';
import { isoDate } from '../shared/calendar';
import { nationalStandard } from '../poverty-standard/standard-for-year';
import { deciderSpec } from '../shared/testing/decider-spec';
import { householdDecider } from './household.decider';
import { HouseholdAssessedV1Data, HouseholdEvent } from './household.events';
import { assessed, HH, registered } from './household.fixtures';
import { householdUpcasters, upcastHouseholdAssessedV1 } from './household.upcasters';

/** An assessment as a v1 event stored it: no `indicatorsAssessed`. */
const storedV1 = (reviewYear: number, standardId: string): HouseholdAssessedV1Data => {
  const { indicatorsAssessed: _dropped, ...v1 } = assessed(reviewYear).data;
  return { ...v1, standardId };
};

/** What the store boundary does: the registered step applied to the stored data. */
const readAsCurrent = (data: HouseholdAssessedV1Data): HouseholdEvent => {
  const step = householdUpcasters.find((u) => u.from === 'HouseholdAssessed.v1');
  if (!step) throw new Error('no upcaster for HouseholdAssessed.v1');
  return { type: step.to, data: step.upcast(data) } as HouseholdEvent;
};

describe('HouseholdAssessed.v1 read as v2', () => {
  it('given a v1 assessment under 2022-2025, then every indicator of that standard counts as assessed', () => {
    const upcast = upcastHouseholdAssessedV1(storedV1(2023, '2022-2025'));
    expect(upcast.indicatorsAssessed).toEqual(nationalStandard('2022-2025').indicators);
    expect(upcast.indicatorsAssessed).toContain('information-assets');
    expect(upcast.indicatorsAssessed).not.toContain('internet-access');
  });

  it('given a v1 assessment under 2016-2020, then the ten indicators of 2016-2020 count as assessed', () => {
    expect(upcastHouseholdAssessedV1(storedV1(2019, '2016-2020')).indicatorsAssessed).toHaveLength(10);
  });

  it('given the stored data, when upcast, then the stored object is left as it was', () => {
    const stored = storedV1(2023, '2022-2025');
    const copy = structuredClone(stored);
    readAsCurrent(stored);
    expect(stored).toEqual(copy);
  });

  it('given an upcast v1 and a v2 assessment, when folded, then both are assessments of their year', () => {
    const state = fold(householdDecider, [registered(), readAsCurrent(storedV1(2023, '2022-2025')), assessed(2024)]);
    if (!state.registered) throw new Error('expected a registered household');
    expect(state.assessments[2023]).toMatchObject({ reviewYear: 2023, proposedCategory: 'poor', indicatorsAssessed: nationalStandard('2022-2025').indicators });
    expect(state.assessments[2024]).toEqual(assessed(2024).data);
  });

  it('given only an upcast v1 assessment, when the household is recognised for that year, then the decision is accepted', () => {
    const [event] = deciderSpec(householdDecider)
      .given([registered(), readAsCurrent(storedV1(2023, '2022-2025'))])
      .when({
        type: 'RecogniseHousehold',
        data: { householdId: HH, reviewYear: 2023, reviewKind: 'periodic', to: 'poor', decision: { number: '9/QĐ-UBND', date: isoDate('2023-12-20'), issuer: 'chairman' } },
      })
      .events();
    expect(event).toMatchObject({ type: 'HouseholdRecognised.v1', data: { standardId: '2022-2025', matchesAssessment: true } });
  });
});
