import { DomainError } from '@pl/domain';
import { roleGrants, Permission } from './permissions';
import { NATIONAL, Principal } from './principal';

/** The unit a request touches; the commune, when known, is the most precise. */
export interface AccessTarget {
  readonly communeCode?: string;
  readonly provinceCode?: string;
}

/** Looks up the province of a commune; unit codes do not encode it after the mergers. */
export type ProvinceOf = (communeCode: string) => string | undefined;

/** Where a principal may act, for query handlers that filter lists by area. */
export type AreaScope =
  | { readonly national: true }
  | { readonly national: false; readonly provinces: readonly string[]; readonly communes: readonly string[] };

/** Decides whether a principal may use a permission on a target, by role then by area. */
export class AccessPolicy {
  constructor(private readonly provinceOf: ProvinceOf) {}

  /**
   * Returns when allowed, else throws `forbidden` with `ROLE_NOT_PERMITTED` or
   * `OUTSIDE_AREA`. Without a target only the role is checked: the caller must then
   * limit what it returns with `scopeOf`.
   */
  authorize(principal: Principal, permission: Permission, target?: AccessTarget): void {
    if (!roleGrants(principal.role, permission)) {
      throw new DomainError('forbidden', 'ROLE_NOT_PERMITTED', `role ${principal.role} does not have permission ${permission}`, {
        role: principal.role,
        permission,
      });
    }
    if (target && !this.covers(principal, target)) {
      const unit = target.communeCode ? `commune ${target.communeCode}` : `province ${target.provinceCode}`;
      throw new DomainError('forbidden', 'OUTSIDE_AREA', `${unit} is outside the areas of ${principal.subject} (${describe(principal.areas)}) for ${permission}`, {
        role: principal.role,
        permission,
        ...target,
      });
    }
  }

  /** Whether the principal's areas include the target. A target naming no unit is covered only nationally. */
  covers(principal: Principal, target: AccessTarget): boolean {
    const areas = principal.areas;
    if (areas.includes(NATIONAL)) return true;
    if (target.communeCode !== undefined) {
      if (areas.includes(target.communeCode)) return true;
      // The lookup wins over a caller's province: targets come from stored data, the lookup from the unit registry.
      const province = this.provinceOf(target.communeCode) ?? target.provinceCode;
      return province !== undefined && areas.includes(province);
    }
    // A commune-level principal never covers a whole province.
    return target.provinceCode !== undefined && areas.includes(target.provinceCode);
  }

  /** The principal's areas split by level, for filtering lists. */
  scopeOf(principal: Principal): AreaScope {
    if (principal.areas.includes(NATIONAL)) return { national: true };
    return {
      national: false,
      provinces: principal.areas.filter((a) => a.length === 2),
      communes: principal.areas.filter((a) => a.length === 5),
    };
  }
}

const describe = (areas: readonly string[]): string => (areas.length === 0 ? 'no areas' : `areas ${areas.join(', ')}`);
