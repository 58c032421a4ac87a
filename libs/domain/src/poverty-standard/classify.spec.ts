import { DomainError } from '../shared/errors';
import { vnd } from '../shared/money';
import { classify, HouseholdFacts } from './classify';
import { standardForReviewYear } from './standard-for-year';

const rural = (income: number, deficientIndicators: readonly string[] = []): HouseholdFacts => ({
  areaType: 'rural',
  incomePerPersonMonthly: vnd(income),
  deficientIndicators,
});
const urban = (income: number, deficientIndicators: readonly string[] = []): HouseholdFacts => ({ ...rural(income, deficientIndicators), areaType: 'urban' });

const THREE_2016 = ['health-insurance', 'latrine', 'housing-area'];
const TWO_2016 = ['health-insurance', 'latrine'];
const THREE_2022 = ['employment', 'nutrition', 'latrine'];
const TWO_2022 = ['employment', 'nutrition'];

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('standardForReviewYear', () => {
  it.each([
    [2016, '2016-2020'],
    [2020, '2016-2020'],
    [2021, '2016-2020'],
    [2022, '2022-2025'],
    [2025, '2022-2025'],
    [2026, '2022-2025'],
    [2027, '2026-2030'],
    [2030, '2026-2030'],
  ])('given review year %i, then the %s standard governs', (year, id) => {
    expect(standardForReviewYear(year).id).toBe(id);
  });

  it.each([2015, 2031, 2022.5])('given review year %s, then no standard governs it', (year) => {
    const error = thrown(() => standardForReviewYear(year));
    expect([error.kind, error.code]).toEqual(['invalid', 'NO_STANDARD_FOR_YEAR']);
  });
});

describe('classify under 2016-2020', () => {
  const at = (facts: HouseholdFacts) => classify({ standardId: '2016-2020', ...facts });

  it('when income is exactly the rural lower line, then poor even without deprivations', () => {
    const result = at(rural(700_000));
    expect(result.category).toBe('poor');
    expect(result.reasons).toMatchObject({ incomeLines: { lower: 700_000, upper: 1_000_000 }, incomeAtOrBelowLowerLine: true, deprivations: 0, threshold: 3 });
  });

  it('when income is between the lines with 3 deprivations, then poor', () => {
    expect(at(rural(700_001, THREE_2016)).category).toBe('poor');
  });

  it('when income is between the lines with 2 deprivations, then near-poor', () => {
    expect(at(rural(700_001, TWO_2016)).category).toBe('near-poor');
  });

  it('when income is exactly the rural upper line with 2 deprivations, then near-poor', () => {
    expect(at(rural(1_000_000, TWO_2016)).category).toBe('near-poor');
  });

  it('when income is one đồng above the upper line, then neither, however deprived', () => {
    expect(at(rural(1_000_001, THREE_2016)).category).toBe('none');
  });

  it('when urban income is 900,000, then poor; at 900,001 with 2 deprivations, near-poor; above 1,300,000, none', () => {
    expect(at(urban(900_000)).category).toBe('poor');
    expect(at(urban(900_001, TWO_2016)).category).toBe('near-poor');
    expect(at(urban(1_300_001)).category).toBe('none');
  });

  it('when a rural income of 800,000 is urban instead, then it is below the urban lower line', () => {
    expect(at(rural(800_000)).category).toBe('near-poor');
    expect(at(urban(800_000)).category).toBe('poor');
  });

  it('when the 2021 review is classified, then the 2016-2020 lines apply', () => {
    const result = classify({ reviewYear: 2021, ...rural(1_000_000, THREE_2016) });
    expect([result.standardId, result.category]).toEqual(['2016-2020', 'poor']);
  });

  it('when an indicator of the later standard is reported, then it is unknown here', () => {
    const error = thrown(() => at(rural(500_000, ['employment'])));
    expect(error.code).toBe('UNKNOWN_INDICATOR');
  });
});

describe('classify under 2022-2025', () => {
  const at = (facts: HouseholdFacts) => classify({ standardId: '2022-2025', ...facts });

  it('when rural income is exactly the line with exactly 3 deprivations, then poor', () => {
    const result = at(rural(1_500_000, THREE_2022));
    expect(result.category).toBe('poor');
    expect(result.reasons).toMatchObject({ incomeLines: { line: 1_500_000 }, incomeAtOrBelowLine: true, deprivations: 3, threshold: 3 });
  });

  it('when rural income is exactly the line with 2 deprivations, then near-poor', () => {
    expect(at(rural(1_500_000, TWO_2022)).category).toBe('near-poor');
  });

  it('when income is far below the line without deprivations, then near-poor, not poor', () => {
    expect(at(rural(100_000)).category).toBe('near-poor');
  });

  it('when a deficient indicator is reported twice, then it counts once', () => {
    const result = at(rural(1_000_000, ['employment', 'nutrition', 'employment']));
    expect([result.category, result.reasons.deprivations]).toEqual(['near-poor', 2]);
  });

  it('when rural income is one đồng above the line, then average living standard up to 2,250,000', () => {
    expect(at(rural(1_500_001, THREE_2022)).category).toBe('average-living-standard');
    expect(at(rural(2_250_000)).category).toBe('average-living-standard');
    expect(at(rural(2_250_001)).category).toBe('none');
  });

  it('when urban income is 2,000,000, then within the line; above, the band reaches 3,000,000', () => {
    expect(at(urban(2_000_000, THREE_2022)).category).toBe('poor');
    expect(at(urban(2_000_001)).category).toBe('average-living-standard');
    expect(at(urban(3_000_000)).reasons.averageLivingStandardBand).toEqual({ above: 2_000_000, upTo: 3_000_000 });
    expect(at(urban(3_000_001)).category).toBe('none');
  });

  it('when the 2026 review is classified, then the 2022-2025 standard still applies', () => {
    const result = classify({ reviewYear: 2026, ...rural(1_600_000) });
    expect([result.standardId, result.category]).toEqual(['2022-2025', 'average-living-standard']);
  });

  it('when an unknown indicator is reported, then the error names it and lists the allowed ones', () => {
    const error = thrown(() => at(rural(1_000_000, ['employment', 'waste-handling', 'bogus'])));
    expect([error.kind, error.code]).toEqual(['invalid', 'UNKNOWN_INDICATOR']);
    expect(error.message).toContain('"waste-handling", "bogus"');
    expect(error.details).toMatchObject({ unknown: ['waste-handling', 'bogus'], standardId: '2022-2025' });
    expect(error.details?.allowed).toHaveLength(12);
  });
});

describe('classify under 2026-2030', () => {
  it('when the 2027 review is classified, then the 2026-2030 lines apply', () => {
    const result = classify({ reviewYear: 2027, ...rural(2_200_000, ['waste-handling', 'digital-services', 'internet-access']) });
    expect([result.standardId, result.category]).toEqual(['2026-2030', 'poor']);
  });

  it('when urban income is exactly 2,800,000 with 2 deprivations, then near-poor; above it, none (no confirmed band)', () => {
    const at = (facts: HouseholdFacts) => classify({ standardId: '2026-2030', ...facts });
    expect(at(urban(2_800_000, ['employment', 'latrine'])).category).toBe('near-poor');
    const above = at(urban(2_800_001));
    expect([above.category, above.reasons.averageLivingStandardBand]).toEqual(['none', undefined]);
  });

  it('when information assets are reported, then they are unknown to this standard', () => {
    const error = thrown(() => classify({ reviewYear: 2028, ...rural(1_000_000, ['information-assets']) }));
    expect(error.details).toMatchObject({ unknown: ['information-assets'], standardId: '2026-2030' });
  });
});

describe('classify with an unknown standard id', () => {
  it('then it is refused', () => {
    expect(thrown(() => classify({ standardId: '2019', ...rural(1) })).code).toBe('UNKNOWN_STANDARD');
  });
});
