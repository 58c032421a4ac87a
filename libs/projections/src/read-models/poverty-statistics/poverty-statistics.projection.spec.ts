import { project } from '../support-ledger/project.spec-helper';
import { annualFigures } from './annual-figures';
import { AreaFlowsDoc, PovertyStatisticsDoc, StatisticsDenominatorDoc } from './poverty-statistics.document';
import { povertyStatisticsProjection } from './poverty-statistics.projection';

const units = {
  provinceOf: (code: string) => (code.startsWith('0') ? '01' : undefined),
  currentUnitsOf: (code: string) => (code === '00001' ? ['00009'] : [code]),
  districtOf: (code: string) => (code === '00001' || code === '00002' ? '001' : undefined),
};
const projection = povertyStatisticsProjection(units);

const registered = (id: string, communeCode = '00001', areaType = 'rural', ethnicMinority = false) =>
  ({ type: 'HouseholdRegistered.v1', data: { householdId: id, registeredOn: '2022-01-01', address: { communeCode, village: 'A' }, areaType, ethnicMinority, memberCount: 3, policyFamily: false } });
const transitions: Record<string, string> = { 'not-listed>poor': 'newly-arising', 'not-listed>near-poor': 'newly-arising', 'poor>near-poor': 'poor-to-near-poor', 'near-poor>poor': 'near-poor-to-poor', 'poor>escaped': 'escaped', 'near-poor>escaped': 'escaped', 'escaped>poor': 'fallen-back', 'escaped>near-poor': 'fallen-back' };
const recognised = (id: string, reviewYear: number, from: string, to: string, communeCode = '00001') =>
  ({ type: 'HouseholdRecognised.v1', data: { householdId: id, reviewYear, from, to, transition: transitions[`${from}>${to}`], communeCode, standardId: 'vn-2022-2025', decision: { number: `${reviewYear}/QĐ`, date: `${reviewYear}-12-20`, issuer: 'x' } } });
const relocated = (id: string, from: string, to: string, movedOn: string, areaType = 'urban') =>
  ({ type: 'HouseholdRelocated.v1', data: { householdId: id, from: { communeCode: from, village: 'A' }, to: { communeCode: to, village: 'B' }, areaType, movedOn } });
const counted = (communeCode: string, year: number, total: number, recordedOn = `${year}-10-01`) =>
  ({ type: 'CommuneHouseholdCountRecorded.v1', data: { communeCode, year, total, urban: 0, rural: total, ethnicMinority: 10, source: 's', recordedOn, corrects: false } });

function figures(events: readonly { type: string; data: unknown }[], areaKey: string, year: number) {
  const docs = project<PovertyStatisticsDoc>(projection, events);
  return annualFigures(docs.get(`flows:${areaKey}`) as AreaFlowsDoc | undefined, docs.get(`denominator:${areaKey}`) as StatisticsDenominatorDoc | undefined, year);
}

describe('poverty statistics projection', () => {
  const history = [
    registered('a'), registered('b', '00001', 'rural', true), registered('c'), registered('d', '00001', 'urban'),
    counted('00001', 2023, 100), counted('00001', 2024, 200), counted('00001', 2024, 50, '2024-11-01'),
    recognised('a', 2023, 'not-listed', 'poor'), recognised('b', 2023, 'not-listed', 'poor'), recognised('c', 2023, 'not-listed', 'near-poor'),
    recognised('a', 2024, 'poor', 'escaped'), recognised('c', 2024, 'near-poor', 'poor'), recognised('d', 2024, 'not-listed', 'poor'),
    recognised('a', 2025, 'escaped', 'poor'),
  ];

  it('given recognitions over three years, then start, flows and end add up per list and start is last year\'s end', () => {
    const y2024 = figures(history, 'commune:00001:recorded', 2024).figures;
    expect(y2024.poor.all).toMatchObject({ start: 2, escaped: 1, switchedIn: 1, arising: 1, end: 3, change: { households: 1 } });
    expect(y2024['near-poor'].all).toMatchObject({ start: 1, switchedOut: 1, end: 0 });
    expect(y2024.poor.urban).toMatchObject({ start: 0, arising: 1, end: 1 });
    expect(y2024.poor.ethnicMinority).toMatchObject({ start: 1, end: 1 });
    const y2025 = figures(history, 'commune:00001:recorded', 2025).figures;
    expect(y2025.poor.all).toMatchObject({ start: 3, fallenBack: 1, end: 4 });
  });

  it('given counts of a year and a correction, then the rate divides by the corrected count to two decimals, with the change in points', () => {
    const { figures: f, ruleSets } = figures(history, 'commune:00001:recorded', 2024);
    expect(f.poor.all).toMatchObject({ denominator: 50, ratePercent: 6, change: { households: 1, percentagePoints: 4 } });
    expect(f.poor.ethnicMinority).toMatchObject({ denominator: 10, ratePercent: 10 });
    expect(ruleSets).toEqual(['vn-2022-2025']);
  });

  it('given the commune rolls up, then district, province and the commune it maps to today report the same figures', () => {
    for (const key of ['district:001:recorded', 'province:01:recorded', 'commune:00009:current', 'province:01:current']) {
      expect(figures(history, key, 2024).figures.poor.all).toMatchObject({ start: 2, end: 3 });
    }
    expect(figures(history, 'commune:00001:current', 2024).figures.poor.all).toMatchObject({ start: 0, end: 0 });
  });

  it('given a poor household relocating, then it moves out of the old commune and into the new one for the year of the move, in its new segment', () => {
    const events = [registered('m'), recognised('m', 2023, 'not-listed', 'poor'), relocated('m', '00001', '00002', '2024-03-01'), recognised('m', 2024, 'poor', 'near-poor', '00002')];
    const oldCommune = figures(events, 'commune:00001:recorded', 2024).figures;
    const newCommune = figures(events, 'commune:00002:recorded', 2024).figures;
    expect(oldCommune.poor.all).toMatchObject({ start: 1, movedOut: 1, end: 0 });
    expect(newCommune.poor.urban).toMatchObject({ start: 0, movedIn: 1, switchedOut: 1, end: 0 });
    expect(newCommune['near-poor'].urban).toMatchObject({ switchedIn: 1, end: 1 });
    expect(figures(events, 'district:001:recorded', 2024).figures.poor.all).toMatchObject({ start: 1, movedOut: 1, movedIn: 1, end: 0 });
  });

  it('given the same events twice, then the documents are identical', () => {
    expect(JSON.stringify([...project(projection, history)])).toBe(JSON.stringify([...project(projection, history)]));
  });
});
