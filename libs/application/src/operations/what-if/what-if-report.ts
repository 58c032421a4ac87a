import { IncomeRule } from '@pl/domain';
import { Standing } from './judge';
import { TransitionMatrix } from './transition-matrix';

/** The standard a what-if ran, with every parameter that decided its answer. */
export type WhatIfStandardUsed = Readonly<{
  id: string;
  legalSource: string;
  income: IncomeRule;
  indicators: readonly string[];
  deprivationThreshold: number;
}>;

/** Why a household would move: the figures of its survey and of the rule it was judged by. */
export type MoveReasons = Readonly<{
  assessedOn: string;
  assessedUnder: string;
  income: number;
  incomeLines: unknown;
  deprivations: number;
  threshold: number;
  deficientIndicators: readonly string[];
  whatIfCategory: string;
  missingIndicators: readonly string[];
  droppedIndicators: readonly string[];
}>;

/** A household that would change lists; ids and codes only, nothing personal. */
export type WhatIfMove = Readonly<{ householdId: string; communeCode: string; from: Standing; to: Standing; reasons: MoveReasons }>;

export type CommuneMatrix = Readonly<{ communeCode: string; currentCommuneCodes: readonly string[]; matrix: TransitionMatrix }>;
export type ProvinceMatrix = Readonly<{ provinceCode: string | null; matrix: TransitionMatrix; communes: readonly CommuneMatrix[] }>;

/** How the indicators of recorded surveys were matched to the standard. */
export type IndicatorCoverage = Readonly<{
  /** Households judged with at least one indicator of the standard never assessed (counted as not deficient). */
  householdsWithMissingIndicators: number;
  /** Households with a deficient indicator the standard does not know (left out of the count). */
  householdsWithDroppedIndicators: number;
  missing: Readonly<Record<string, number>>;
  dropped: Readonly<Record<string, number>>;
}>;

/** What a poverty standard would have made of the registry on a date, against what was decided. */
export type WhatIfReport = Readonly<{
  standard: WhatIfStandardUsed;
  asOf: string;
  areaCode: string | null;
  /** The log position the run read through. */
  position: number;
  households: Readonly<{ considered: number; classified: number; notAssessed: number }>;
  totals: TransitionMatrix;
  provinces: readonly ProvinceMatrix[];
  indicators: IndicatorCoverage;
  moves: readonly WhatIfMove[];
}>;
