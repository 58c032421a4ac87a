import { classifyUnder, vnd } from '@pl/domain';
import { judge } from './judge';
import { whatIfStandard } from './what-if-standard';

const rural = (income: number, deficientIndicators: readonly string[] = []) => ({ areaType: 'rural' as const, incomePerPersonMonthly: vnd(income), deficientIndicators });

describe('the standard a what-if runs', () => {
  it('given a changed rule, when built, then its id spells out the parameters and its lines and threshold apply', () => {
    const standard = whatIfStandard({ kind: 'changed', rule: { base: '2026-2030', lines: { rural: vnd(2_500_000), urban: vnd(3_000_000) }, deprivationThreshold: 2 } });
    expect(standard.id).toBe('what-if:2026-2030(rural=2500000,urban=3000000,threshold=2)');
    expect(classifyUnder(standard, rural(2_400_000, ['employment', 'latrine'])).category).toBe('poor');
    expect(classifyUnder(standard, rural(2_500_001)).category).toBe('none');
  });

  it('given only another threshold, then the enacted lines and band stay', () => {
    const standard = whatIfStandard({ kind: 'changed', rule: { base: '2022-2025', deprivationThreshold: 4 } });
    expect(classifyUnder(standard, rural(1_500_000, ['employment', 'nutrition', 'latrine'])).category).toBe('near-poor');
    expect(classifyUnder(standard, rural(2_000_000)).category).toBe('average-living-standard');
  });

  it('when single lines are given for 2016-2020, or a threshold out of range, then refused with a code', () => {
    const lines = { rural: vnd(1), urban: vnd(1) };
    expect(() => whatIfStandard({ kind: 'changed', rule: { base: '2016-2020', lines } })).toThrow(expect.objectContaining({ code: 'WHAT_IF_LINES_NOT_APPLICABLE' }));
    expect(() => whatIfStandard({ kind: 'changed', rule: { base: '2026-2030', deprivationThreshold: 0 } })).toThrow(expect.objectContaining({ code: 'INVALID_DEPRIVATION_THRESHOLD' }));
  });
});

describe('judging a recorded survey under another standard', () => {
  const survey = { reviewYear: 2024, assessedOn: '2024-10-01', standardId: '2022-2025', incomePerPersonMonthly: 2_000_000 };

  it('given information assets deficient under 2022-2025, when judged under 2026-2030, then it is dropped and the new indicators are missing', () => {
    const indicatorsAssessed = whatIfStandard({ kind: 'national', standardId: '2022-2025' }).indicators;
    const result = judge(whatIfStandard({ kind: 'national', standardId: '2026-2030' }), 'rural', {
      ...survey, indicatorsAssessed, deficientIndicators: ['information-assets', 'latrine', 'employment'],
    });
    expect(result.droppedIndicators).toEqual(['information-assets']);
    expect(result.missingIndicators).toEqual(['waste-handling', 'digital-services', 'internet-access']);
    expect([result.classification.category, result.classification.reasons.deprivations]).toEqual(['near-poor', 2]);
  });

  it('given a survey that assessed the 2026-2030 indicators, then nothing is missing', () => {
    const standard = whatIfStandard({ kind: 'national', standardId: '2026-2030' });
    const result = judge(standard, 'rural', { ...survey, indicatorsAssessed: standard.indicators, deficientIndicators: ['internet-access', 'latrine', 'employment'] });
    expect([result.missingIndicators, result.classification.category]).toEqual([[], 'poor']);
  });
});
