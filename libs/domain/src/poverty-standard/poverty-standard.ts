import { ProvinceCode } from '../shared/ids';
import { Vnd } from '../shared/money';

/** Urban or rural: each standard sets a different income line for each. */
export type AreaType = 'urban' | 'rural';

export const AREA_TYPES: readonly AreaType[] = ['urban', 'rural'];

/** The national standards, named by the period their decree set, not by the review years they govern. */
export type NationalStandardId = '2016-2020' | '2022-2025' | '2026-2030';

export const NATIONAL_STANDARD_IDS: readonly NationalStandardId[] = ['2016-2020', '2022-2025', '2026-2030'];

/** The two income lines of the 2016-2020 standard: below the lower one a household is poor whatever its deprivations. */
export type LowerUpperLines = Readonly<{ lower: Vnd; upper: Vnd }>;

/** A monthly income band per person, exclusive below and inclusive above. */
export type IncomeBand = Readonly<{ above: Vnd; upTo: Vnd }>;

/** How income and deprivations combine, with the lines per area that the rule reads. */
export type IncomeRule =
  | Readonly<{ kind: 'lower-upper'; lines: Readonly<Record<AreaType, LowerUpperLines>> }>
  | Readonly<{ kind: 'single-line'; lines: Readonly<Record<AreaType, Vnd>> }>;

/** Chuẩn nghèo đa chiều: a pure, versioned rule set that classifies a household from its income and deficient indicators. */
export type PovertyStandard = Readonly<{
  id: string;
  legalSource: string;
  /** Inclusive range of review years this standard governs. */
  reviewYears: Readonly<{ first: number; last: number }>;
  income: IncomeRule;
  /** Stable indicator codes; a survey marks each deficient or not. */
  indicators: readonly string[];
  /** A household is poor at or above this many deprivations (when income allows). */
  deprivationThreshold: number;
  /** Hộ có mức sống trung bình: present only where the law's figures are confirmed. */
  averageLivingStandard?: Readonly<Record<AreaType, IncomeBand>>;
  /** Set on a province's local standard, which keeps the base's rule and indicators. */
  local?: Readonly<{ provinceCode: ProvinceCode; base: NationalStandardId }>;
}>;

/** The household categories a standard can produce. */
export type PovertyCategory = 'poor' | 'near-poor' | 'average-living-standard' | 'none';

/** The lines a classification was measured against. */
export type IncomeLinesUsed = Readonly<{ line: Vnd }> | LowerUpperLines;

/** Why a household got its category: enough to explain or recompute it. */
export type ClassificationReasons = Readonly<{
  areaType: AreaType;
  income: Vnd;
  incomeLines: IncomeLinesUsed;
  /** At or below the (upper) line. */
  incomeAtOrBelowLine: boolean;
  /** Only for a lower-upper rule: at or below the lower line. */
  incomeAtOrBelowLowerLine?: boolean;
  deficientIndicators: readonly string[];
  deprivations: number;
  threshold: number;
  averageLivingStandardBand?: IncomeBand;
}>;

/** A category with the standard that produced it and the reasons. */
export type Classification = Readonly<{ category: PovertyCategory; standardId: string; reasons: ClassificationReasons }>;
