import { invalid } from '../shared/errors';
import { ProvinceCode } from '../shared/ids';
import { Vnd } from '../shared/money';
import { classifyUnder, HouseholdFacts } from './classify';
import { AREA_TYPES, AreaType, Classification, IncomeBand, IncomeRule, LowerUpperLines, NationalStandardId, PovertyStandard } from './poverty-standard';
import { nationalStandard, standardForReviewYear } from './standard-for-year';

export type LocalStandardInput = Readonly<{
  id: string;
  provinceCode: ProvinceCode;
  base: NationalStandardId;
  legalSource: string;
  /** Lines of the same shape as the base's, each at least the national one. */
  lines: Readonly<Record<AreaType, Vnd>> | Readonly<Record<AreaType, LowerUpperLines>>;
  averageLivingStandard?: Readonly<Record<AreaType, IncomeBand>>;
}>;

/** A province's own standard (Hanoi had one in 2016-2020): the base's rule and indicators with higher lines. */
export function localStandard(input: LocalStandardInput): PovertyStandard {
  const base = nationalStandard(input.base);
  return {
    id: input.id,
    legalSource: input.legalSource,
    reviewYears: base.reviewYears,
    income: localRule(base, input),
    indicators: base.indicators,
    deprivationThreshold: base.deprivationThreshold,
    ...(input.averageLivingStandard ? { averageLivingStandard: input.averageLivingStandard } : {}),
    local: { provinceCode: input.provinceCode, base: input.base },
  };
}

function localRule(base: PovertyStandard, input: LocalStandardInput): IncomeRule {
  const refuse = (why: string) => invalid('INVALID_LOCAL_STANDARD', `local standard ${input.id}: ${why}`, { standardId: input.id, base: input.base });
  const rule = base.income;
  const lines = input.lines;
  if (rule.kind === 'single-line') {
    if (!AREA_TYPES.every((a) => typeof lines[a] === 'number')) throw refuse('needs one line per area, like its base');
    const own = lines as Record<AreaType, Vnd>;
    if (AREA_TYPES.some((a) => own[a] < rule.lines[a])) throw refuse('a line is below the national line');
    return { kind: 'single-line', lines: own };
  }
  if (!AREA_TYPES.every((a) => typeof lines[a] === 'object')) throw refuse('needs lower and upper lines per area, like its base');
  const own = lines as Record<AreaType, LowerUpperLines>;
  const below = AREA_TYPES.some((a) => own[a].lower < rule.lines[a].lower || own[a].upper < rule.lines[a].upper || own[a].lower > own[a].upper);
  if (below) throw refuse('a line is below the national line, or a lower line above its upper line');
  return { kind: 'lower-upper', lines: own };
}

/** A household's national classification, and its local one where the province has a standard. */
export type DualClassification = Readonly<{ national: Classification; local?: Classification }>;

/** Classifies under the review year's national standard and, if given, the province's local standard on the same base. */
export function classifyNationalAndLocal(
  input: HouseholdFacts & Readonly<{ reviewYear: number; local?: PovertyStandard }>,
): DualClassification {
  const national = standardForReviewYear(input.reviewYear);
  const nationalResult = classifyUnder(national, input);
  if (!input.local) return { national: nationalResult };
  if (input.local.local?.base !== national.id) {
    throw invalid('LOCAL_STANDARD_NOT_IN_FORCE', `local standard ${input.local.id} does not build on ${national.id}, which governs ${input.reviewYear}`, {
      standardId: input.local.id,
      reviewYear: input.reviewYear,
    });
  }
  return { national: nationalResult, local: classifyUnder(input.local, input) };
}
