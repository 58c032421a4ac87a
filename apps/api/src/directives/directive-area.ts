import { AccessPolicy, AccessTarget, Permission, Principal } from '@pl/application';
import { DomainError } from '@pl/domain';

/** A province (2 digits) or commune (5 digits) code as an access target. */
export const areaTarget = (code: string): AccessTarget => (code.length === 5 ? { communeCode: code } : { provinceCode: code });

/** Whether `inner` lies within `outer`: the same unit, or a commune of the province. */
export const within = (access: AccessPolicy, outer: string, inner: string): boolean =>
  access.covers({ subject: 'area', role: 'reviewer', areas: [outer] }, areaTarget(inner));

/**
 * A recipient acts for an area inside the issuer's: the caller must cover the recipient's area,
 * and that area must lie within the issuer's. Recipients carry no unit code, so the caller names it.
 */
export function authorizeRecipient(access: AccessPolicy, caller: Principal, permission: Permission, issuerArea: string | null, recipientArea: string): void {
  access.authorize(caller, permission, areaTarget(recipientArea));
  if (issuerArea !== null && !within(access, issuerArea, recipientArea)) {
    throw new DomainError('forbidden', 'OUTSIDE_AREA', `${recipientArea} is not within ${issuerArea}, the area of the directive's issuer`, { issuerArea, recipientArea });
  }
}

/** Readers of a board: those covering the issuer's area, or working inside it (its recipients' units). */
export function authorizeBoardReader(access: AccessPolicy, caller: Principal, issuerArea: string | null): void {
  access.authorize(caller, 'statistics:read');
  if (issuerArea === null ? access.covers(caller, {}) : access.covers(caller, areaTarget(issuerArea))) return;
  if (issuerArea !== null && caller.areas.some((a) => a !== '*' && within(access, issuerArea, a))) return;
  throw new DomainError('forbidden', 'OUTSIDE_AREA', `the directive's issuer area ${issuerArea ?? '(none)'} is outside the areas of ${caller.subject}`, { issuerArea });
}
