import { invalid } from '../shared/errors';
import { PovertyStandard } from '../poverty-standard/poverty-standard';

/**
 * The indicators a survey covered: all of the standard's when the surveyor names none (the
 * decrees ask for a full survey), else the ones named, each known to the standard. A deficient
 * indicator must have been assessed: "deficient" without "assessed" is a recording mistake.
 */
export function assessedIndicators(standard: PovertyStandard, named: readonly string[] | undefined, deficient: readonly string[]): readonly string[] {
  if (named === undefined) return standard.indicators;
  const assessed = [...new Set(named)];
  const unknown = assessed.filter((code) => !standard.indicators.includes(code));
  if (unknown.length > 0) {
    throw invalid('UNKNOWN_INDICATOR', `assessed indicator(s) ${unknown.map((c) => `"${c}"`).join(', ')} not part of poverty standard ${standard.id}`, {
      unknown,
      standardId: standard.id,
      allowed: standard.indicators,
    });
  }
  const unassessed = [...new Set(deficient)].filter((code) => !assessed.includes(code));
  if (unassessed.length > 0) {
    throw invalid('DEFICIENT_INDICATOR_NOT_ASSESSED', `indicator(s) ${unassessed.map((c) => `"${c}"`).join(', ')} are marked deficient but not among the assessed ones`, {
      unassessed,
    });
  }
  // The standard's order, so equal surveys store equal lists.
  return standard.indicators.filter((code) => assessed.includes(code));
}
