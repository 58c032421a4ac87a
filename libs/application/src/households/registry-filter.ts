import { HouseholdStatus, invalid } from '@pl/domain';
import { FieldCondition, Filter } from '@pl/read-store';
import { AccessPolicy } from '../security/access-policy';
import { Principal } from '../security/principal';
import { UnitDirectory } from '../wiring/unit-directory';

/** Which commune a registry filter or area scope matches: as recorded, or mapped to today's units. */
export type RegistryArea = 'recorded' | 'current';

/** What a registry page may be filtered by; validated at the edge, values only. */
export interface RegistryCriteria {
  readonly provinceCode?: string;
  readonly communeCode?: string;
  readonly statuses?: readonly HouseholdStatus[];
  readonly ethnicMinority?: boolean;
  readonly policyFamily?: boolean;
  readonly reviewYear?: number;
  readonly active: boolean;
  readonly area: RegistryArea;
  readonly limit: number;
  readonly cursor?: string;
}

/**
 * The read-store filter for a registry page, limited to the caller's areas: a filter naming
 * a unit outside them is 403 OUTSIDE_AREA, and without one the caller's own areas apply.
 */
export function registryFilter(criteria: RegistryCriteria, principal: Principal, access: AccessPolicy, units: UnitDirectory): Filter {
  const communeField = criteria.area === 'current' ? 'currentCommuneCodes' : 'communeCode';
  const filter: Record<string, FieldCondition> = { active: criteria.active };
  if (criteria.communeCode !== undefined) {
    access.authorize(principal, 'registry:read', { communeCode: criteria.communeCode });
    filter[communeField] = criteria.communeCode;
  }
  if (criteria.provinceCode !== undefined) {
    access.authorize(principal, 'registry:read', { provinceCode: criteria.provinceCode });
    filter.provinceCode = criteria.provinceCode;
  }
  if (criteria.communeCode === undefined && criteria.provinceCode === undefined) Object.assign(filter, scopeFilter(principal, access, units, communeField));
  if (criteria.statuses?.length) filter.status = { $in: [...new Set(criteria.statuses)] };
  if (criteria.ethnicMinority !== undefined) filter.ethnicMinority = criteria.ethnicMinority;
  if (criteria.policyFamily !== undefined) filter.policyFamily = criteria.policyFamily;
  if (criteria.reviewYear !== undefined) filter.reviewYears = criteria.reviewYear;
  return filter;
}

function scopeFilter(principal: Principal, access: AccessPolicy, units: UnitDirectory, communeField: string): Filter {
  const scope = access.scopeOf(principal);
  if (scope.national) return {};
  if (scope.provinces.length > 0 && scope.communes.length > 0) {
    // The filter language has no $or: a caller spanning both levels names the unit it wants.
    throw invalid('AREA_FILTER_REQUIRED', 'your areas span provinces and communes: filter by provinceCode or communeCode');
  }
  if (scope.provinces.length > 0) return { provinceCode: { $in: withMergedInto(scope.provinces, units) } };
  return { [communeField]: { $in: [...scope.communes] } };
}

/** The provinces plus every closed province merged into one of them: documents keep the province as recorded. */
function withMergedInto(provinces: readonly string[], units: UnitDirectory): string[] {
  const closed = new Set(units.catalogue.reorganisations.flatMap((r) => r.mapping.map((m) => m.from)));
  const merged = [...closed].filter((code) => code.length === 2 && units.currentUnitsOf(code).some((to) => provinces.includes(to)));
  return [...new Set([...provinces, ...merged])];
}
