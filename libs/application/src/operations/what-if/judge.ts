import { AreaType, Classification, HouseholdStatus, PovertyCategory, PovertyStandard, assertNever, classifyUnder, vnd } from '@pl/domain';
import { SurveyFacts } from './household-facts.projection';

/** Where a household stands for a what-if: on the poor list, on the near-poor list, or on neither. */
export type Standing = 'poor' | 'near-poor' | 'none';
export const STANDINGS: readonly Standing[] = ['poor', 'near-poor', 'none'];

/** The standing a recognised status gives: not listed and escaped are both off the lists. */
export function standingOfStatus(status: HouseholdStatus): Standing {
  switch (status) {
    case 'poor':
    case 'near-poor':
      return status;
    case 'not-listed':
    case 'escaped':
      return 'none';
    default:
      return assertNever(status, 'household status');
  }
}

/** The standing a classification would give: the average-living-standard band is not a list. */
export function standingOfCategory(category: PovertyCategory): Standing {
  switch (category) {
    case 'poor':
    case 'near-poor':
      return category;
    case 'average-living-standard':
    case 'none':
      return 'none';
    default:
      return assertNever(category, 'poverty category');
  }
}

/** A survey judged under another standard, with what did not fit it. */
export type Judgement = Readonly<{
  classification: Classification;
  /** Indicators the standard has that the survey never assessed: counted as not deficient. */
  missingIndicators: readonly string[];
  /** Deficient indicators the standard does not know (2026-2030 drops `information-assets`): not counted. */
  droppedIndicators: readonly string[];
}>;

/** Classifies a recorded survey under a standard it may not have been made for, saying how the indicators were matched. */
export function judge(standard: PovertyStandard, areaType: AreaType, survey: SurveyFacts): Judgement {
  const known = new Set(standard.indicators);
  const missingIndicators = standard.indicators.filter((code) => !survey.indicatorsAssessed.includes(code));
  const droppedIndicators = [...new Set(survey.deficientIndicators.filter((code) => !known.has(code)))];
  const classification = classifyUnder(standard, {
    areaType,
    incomePerPersonMonthly: vnd(survey.incomePerPersonMonthly),
    deficientIndicators: survey.deficientIndicators.filter((code) => known.has(code)),
  });
  return { classification, missingIndicators, droppedIndicators };
}
