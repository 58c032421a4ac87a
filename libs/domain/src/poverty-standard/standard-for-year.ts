import { invalid } from '../shared/errors';
import { NATIONAL_STANDARD_IDS, NationalStandardId, PovertyStandard } from './poverty-standard';
import { NATIONAL_STANDARDS } from './standards';

/** The national standard that governs a review year: chosen by the year, not by the name of its period. */
export function standardForReviewYear(reviewYear: number): PovertyStandard {
  const found = NATIONAL_STANDARD_IDS.map((id) => NATIONAL_STANDARDS[id]).find(
    (s) => Number.isInteger(reviewYear) && reviewYear >= s.reviewYears.first && reviewYear <= s.reviewYears.last,
  );
  if (!found) {
    throw invalid('NO_STANDARD_FOR_YEAR', `no poverty standard governs review year ${reviewYear}: known years are 2016-2030`, {
      reviewYear,
    });
  }
  return found;
}

export const isNationalStandardId = (value: string): value is NationalStandardId =>
  (NATIONAL_STANDARD_IDS as readonly string[]).includes(value);

/** A national standard by id. */
export function nationalStandard(id: string): PovertyStandard {
  if (!isNationalStandardId(id)) {
    throw invalid('UNKNOWN_STANDARD', `unknown poverty standard "${id}": use one of ${NATIONAL_STANDARD_IDS.join(', ')}`, {
      standardId: id,
      allowed: NATIONAL_STANDARD_IDS,
    });
  }
  return NATIONAL_STANDARDS[id];
}
