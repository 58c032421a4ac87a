import { isoDate } from '@pl/domain';
import { HouseholdRegistryDoc } from '../household-registry/household-registry.document';
import { project } from '../support-ledger/project.spec-helper';
import { coverageOf } from './coverage';
import { SupportCoverageDoc } from './support-coverage.document';
import { supportCoverageProjection } from './support-coverage.projection';

const grantOf = (householdId: string, grantedOn: string) => ({ type: 'HouseholdSupportGranted.v1', data: { householdId, kind: 'smartphone', grantedOn } });
const priorOf = (householdId: string, recordedOn: string) => ({ type: 'HouseholdPriorSupportRecorded.v1', data: { householdId, kind: 'smartphone', recordedOn } });

const registryDoc = (householdId: string, changes: [string, 'poor' | 'near-poor' | 'escaped'][], dissolvedOn: string | null = null) =>
  ({
    householdId, registeredOn: '2023-01-01', dissolvedOn,
    history: changes.map(([date, to]) => ({ to, decision: { number: '1/QĐ', date: isoDate(date), issuer: 'x' } })),
  }) as unknown as HouseholdRegistryDoc;

describe('support coverage projection', () => {
  it('given grants and prior support, then each household keeps the first date it received each kind', () => {
    const docs = project<SupportCoverageDoc>(supportCoverageProjection, [priorOf('a', '2024-02-01'), grantOf('b', '2024-06-10'), grantOf('b', '2024-03-01')]);
    expect(docs.get('a')?.kinds.smartphone).toEqual({ grantedOn: null, priorOn: '2024-02-01' });
    expect(docs.get('b')?.kinds.smartphone).toEqual({ grantedOn: '2024-03-01', priorOn: null });
  });

  it('given the registry on a date, then coverage counts poor and near-poor households that had the kind by then, to 2 decimals', () => {
    const received = project<SupportCoverageDoc>(supportCoverageProjection, [grantOf('a', '2024-06-10'), priorOf('b', '2024-02-01'), grantOf('d', '2024-06-10')]);
    const households = [
      registryDoc('a', [['2023-12-20', 'poor']]),
      registryDoc('b', [['2023-12-20', 'near-poor']]),
      registryDoc('c', [['2023-12-20', 'poor']]),
      registryDoc('d', [['2023-12-20', 'poor'], ['2024-05-01', 'escaped']]),
      registryDoc('e', [['2023-12-20', 'poor']], '2024-01-15'),
    ];
    expect(coverageOf('00001', 'smartphone', '2024-12-31', households, received)).toEqual({
      communeCode: '00001', kind: 'smartphone', asOf: '2024-12-31', eligible: 3, covered: 2, grantedHere: 1, fromEarlierProgrammes: 1,
      coveragePercent: 66.67, uncoveredHouseholdIds: ['c'],
    });
    expect(coverageOf('00001', 'smartphone', '2024-01-01', households, received)).toMatchObject({ eligible: 5, covered: 0, coveragePercent: 0 });
  });
});
