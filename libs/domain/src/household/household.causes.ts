import { invalid } from '../shared/errors';

// Both lists follow the household survey forms of Circular 07/2021/TT-BLĐTBXH, so that
// support can be matched to the cause; the codes are ours and stay stable.

/** Why a household is poor (nguyên nhân nghèo). */
export const POVERTY_CAUSES = [
  'lack-of-capital',
  'lack-of-land',
  'lack-of-production-means',
  'lack-of-labour',
  'lack-of-skills',
  'lack-of-market-knowledge',
  'illness',
  'disability',
  'many-dependants',
  'disaster',
  'social-evils',
  'other',
] as const;
export type PovertyCause = (typeof POVERTY_CAUSES)[number];

/** What support a household needs (nhu cầu hỗ trợ). */
export const NEED_GROUPS = [
  'credit',
  'employment',
  'vocational-training',
  'production-support',
  'housing',
  'health',
  'education',
  'clean-water-sanitation',
  'information-access',
  'social-assistance',
] as const;
export type NeedGroup = (typeof NEED_GROUPS)[number];

const isOneOf = <T extends string>(list: readonly T[]) => (value: string): value is T => (list as readonly string[]).includes(value);
export const isPovertyCause = isOneOf(POVERTY_CAUSES);
export const isNeedGroup = isOneOf(NEED_GROUPS);

/** Checks codes against a list, counting a repeated one once. */
export function checkedCodes<T extends string>(given: readonly string[], guard: (v: string) => v is T, code: string, what: string, allowed: readonly T[]): T[] {
  const unique = [...new Set(given)];
  const unknown = unique.filter((c) => !guard(c));
  if (unknown.length > 0) throw invalid(code, `unknown ${what}: ${unknown.join(', ')}`, { unknown, allowed });
  return unique.filter(guard);
}
