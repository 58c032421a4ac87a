import { DemoRandom } from './demo-random';

/** What a survey is meant to find: the category the demo's story needs for the household that year. */
export type DemoCategory = 'poor' | 'near-poor' | 'none';

/** The survey figures of one assessment. */
export interface DemoSurvey {
  readonly incomePerPersonMonthly: number;
  readonly deficientIndicators: readonly string[];
}

// Indicators common to the 2016-2020 and 2022-2025 standards, so one list serves every year.
const INDICATORS = ['health-insurance', 'adult-education', 'child-school-attendance', 'housing-quality', 'housing-area', 'water-source', 'latrine', 'telecom-use', 'information-assets'];

// Income lines per person per month (docs/domain-rules.md §1): review year 2021 uses the
// 2016-2020 standard (lower and upper line), 2022-2026 the 2022-2025 one (one line).
const LINES = {
  old: { rural: [700_000, 1_000_000], urban: [900_000, 1_300_000] },
  current: { rural: [1_500_000, 1_500_000], urban: [2_000_000, 2_000_000] },
} as const;

const round = (n: number): number => Math.round(n / 10_000) * 10_000;

function deficient(random: DemoRandom, min: number, max: number): string[] {
  const count = random.int(min, max);
  const pool = [...INDICATORS];
  const chosen: string[] = [];
  while (chosen.length < count) chosen.push(pool.splice(random.int(0, pool.length - 1), 1)[0]);
  return chosen.sort();
}

/** Survey figures that the standard of the review year classifies as the wanted category. */
export function demoSurvey(random: DemoRandom, reviewYear: number, areaType: 'urban' | 'rural', category: DemoCategory): DemoSurvey {
  const [lower, upper] = (reviewYear <= 2021 ? LINES.old : LINES.current)[areaType];
  switch (category) {
    case 'poor':
      return { incomePerPersonMonthly: round(lower - random.int(50_000, 250_000)), deficientIndicators: deficient(random, 3, 5) };
    case 'near-poor':
      // Under the old standard: between the lines with few deprivations; under the new one: under the line with fewer than 3.
      return lower === upper
        ? { incomePerPersonMonthly: round(lower - random.int(20_000, 300_000)), deficientIndicators: deficient(random, 0, 2) }
        : { incomePerPersonMonthly: round(lower + random.int(20_000, upper - lower - 20_000)), deficientIndicators: deficient(random, 0, 2) };
    case 'none':
      return { incomePerPersonMonthly: round(upper * 1.6 + random.int(0, 800_000)), deficientIndicators: deficient(random, 0, 1) };
  }
}
