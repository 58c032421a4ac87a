import { isoDate } from '../shared/calendar';
import { deciderSpec } from '../shared/testing/decider-spec';
import { RecogniseHousehold } from './household.commands';
import { householdDecider } from './household.decider';
import { assessed, COMMUNE, HH, historyWithStatus, registered } from './household.fixtures';
import { HouseholdStatus, RecognitionTransition } from './household.values';

const spec = deciderSpec(householdDecider);

const recognise = (to: HouseholdStatus, overrides: Partial<RecogniseHousehold['data']> = {}): RecogniseHousehold => ({
  type: 'RecogniseHousehold',
  data: {
    householdId: HH,
    reviewYear: 2024,
    reviewKind: 'periodic',
    decision: { number: '125/QĐ-UBND', date: isoDate('2024-12-20'), issuer: 'commune chairman' },
    to,
    ...overrides,
  },
});

describe('recognising a status change', () => {
  it('given a household assessed in 2024, when recognised poor, then a newly-arising recognition citing the assessment', () => {
    spec
      .given([registered(), assessed(2024)])
      .when(recognise('poor'))
      .then([
        {
          type: 'HouseholdRecognised.v1',
          data: {
            ...recognise('poor').data,
            from: 'not-listed',
            transition: 'newly-arising',
            standardId: '2022-2025',
            deprivations: 3,
            communeCode: COMMUNE,
            proposedCategory: 'poor',
            matchesAssessment: true,
          },
        },
      ]);
  });

  it.each<[HouseholdStatus, HouseholdStatus, RecognitionTransition]>([
    ['not-listed', 'poor', 'newly-arising'],
    ['not-listed', 'near-poor', 'newly-arising'],
    ['poor', 'near-poor', 'poor-to-near-poor'],
    ['near-poor', 'poor', 'near-poor-to-poor'],
    ['poor', 'escaped', 'escaped'],
    ['near-poor', 'escaped', 'escaped'],
    ['escaped', 'poor', 'fallen-back'],
    ['escaped', 'near-poor', 'fallen-back'],
  ])('given a %s household, when recognised %s, then the transition is %s', (from, to, transition) => {
    const [event] = spec.given(historyWithStatus(from)).when(recognise(to)).events();
    expect(event.data).toMatchObject({ from, to, transition });
  });

  it.each<[HouseholdStatus, HouseholdStatus]>([
    ['not-listed', 'escaped'],
    ['not-listed', 'not-listed'],
    ['poor', 'poor'],
    ['near-poor', 'near-poor'],
    ['escaped', 'escaped'],
    ['poor', 'not-listed'],
    ['escaped', 'not-listed'],
  ])('given a %s household, when recognised %s, then refused', (from, to) => {
    spec.given(historyWithStatus(from)).when(recognise(to)).thenThrows('TRANSITION_NOT_ALLOWED', 'rule-violated');
  });

  it('given no assessment in the review year, when recognised, then refused', () => {
    spec.given([registered(), assessed(2023)]).when(recognise('poor')).thenThrows('NO_ASSESSMENT_FOR_REVIEW_YEAR', 'rule-violated');
  });

  it('when the decision has no number, then refused', () => {
    const decision = { number: ' ', date: isoDate('2024-12-20'), issuer: 'commune chairman' };
    spec.given([registered(), assessed(2024)]).when(recognise('poor', { decision })).thenThrows('RECOGNITION_WITHOUT_DECISION', 'rule-violated');
  });

  it('given an assessment proposing poor, when the commune decides near-poor, then accepted but flagged', () => {
    const [event] = spec.given([registered(), assessed(2024, 'poor')]).when(recognise('near-poor')).events();
    expect(event.data).toMatchObject({ proposedCategory: 'poor', matchesAssessment: false });
  });

  it('given a poor household assessed above the line, when recognised escaped, then it matches the assessment', () => {
    const history = [...historyWithStatus('poor').slice(0, -1), assessed(2024, 'average-living-standard')];
    const [event] = spec.given(history).when(recognise('escaped')).events();
    expect(event.data).toMatchObject({ transition: 'escaped', matchesAssessment: true });
  });

  it('given two assessments in one year, when recognised, then the latest is cited', () => {
    const [event] = spec.given([registered(), assessed(2024, 'poor'), assessed(2024, 'near-poor')]).when(recognise('near-poor')).events();
    expect(event.data).toMatchObject({ proposedCategory: 'near-poor', matchesAssessment: true });
  });
});
