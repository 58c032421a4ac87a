import { invalid } from '../shared/errors';
import { Vnd } from '../shared/money';
import { AreaType, Classification, ClassificationReasons, PovertyCategory, PovertyStandard } from './poverty-standard';
import { nationalStandard, standardForReviewYear } from './standard-for-year';

/** What a survey found about a household: the inputs of every standard. */
export type HouseholdFacts = Readonly<{
  areaType: AreaType;
  incomePerPersonMonthly: Vnd;
  deficientIndicators: readonly string[];
}>;

/** Names the standard either directly or through the review year it governs. */
export type StandardChoice = Readonly<{ standardId: string; reviewYear?: never }> | Readonly<{ reviewYear: number; standardId?: never }>;

export type ClassifyInput = StandardChoice & HouseholdFacts;

/** Classifies a household under a national standard chosen by id or review year. */
export function classify(input: ClassifyInput): Classification {
  const standard = input.standardId !== undefined ? nationalStandard(input.standardId) : standardForReviewYear(input.reviewYear);
  return classifyUnder(standard, input);
}

/** Classifies a household under a given standard, national or local. */
export function classifyUnder(standard: PovertyStandard, facts: HouseholdFacts): Classification {
  const deficient = checkedIndicators(standard, facts.deficientIndicators);
  const income = facts.incomePerPersonMonthly;
  const deprivations = deficient.length;
  const deprived = deprivations >= standard.deprivationThreshold;
  const band = standard.averageLivingStandard?.[facts.areaType];
  const common = {
    areaType: facts.areaType,
    income,
    deficientIndicators: deficient,
    deprivations,
    threshold: standard.deprivationThreshold,
    ...(band ? { averageLivingStandardBand: band } : {}),
  };

  let category: PovertyCategory;
  let reasons: ClassificationReasons;
  const rule = standard.income;
  if (rule.kind === 'lower-upper') {
    const lines = rule.lines[facts.areaType];
    const atOrBelowLower = income <= lines.lower;
    const atOrBelowUpper = income <= lines.upper;
    // Decision 59/2015 art. 2: at or below the lower line is poor whatever the deprivations.
    category = atOrBelowLower || (atOrBelowUpper && deprived) ? 'poor' : atOrBelowUpper ? 'near-poor' : above(income, band);
    reasons = { ...common, incomeLines: lines, incomeAtOrBelowLine: atOrBelowUpper, incomeAtOrBelowLowerLine: atOrBelowLower };
  } else {
    const line = rule.lines[facts.areaType];
    const atOrBelow = income <= line;
    category = atOrBelow ? (deprived ? 'poor' : 'near-poor') : above(income, band);
    reasons = { ...common, incomeLines: { line }, incomeAtOrBelowLine: atOrBelow };
  }
  return { category, standardId: standard.id, reasons };
}

function above(income: Vnd, band: { above: Vnd; upTo: Vnd } | undefined): PovertyCategory {
  return band && income > band.above && income <= band.upTo ? 'average-living-standard' : 'none';
}

/** Refuses indicators the standard does not know, and counts a repeated one once. */
function checkedIndicators(standard: PovertyStandard, given: readonly string[]): readonly string[] {
  const unique = [...new Set(given)];
  const unknown = unique.filter((code) => !standard.indicators.includes(code));
  if (unknown.length > 0) {
    throw invalid(
      'UNKNOWN_INDICATOR',
      `indicator(s) ${unknown.map((c) => `"${c}"`).join(', ')} not part of poverty standard ${standard.id}`,
      { unknown, standardId: standard.id, allowed: standard.indicators },
    );
  }
  return unique;
}
