/** What a person may do in the product; one role per principal. */
export type Role = 'commune-officer' | 'reviewer' | 'auditor' | 'reporter' | 'operator' | 'administrator';

/** Every role, in the order permissions are documented. */
export const ROLES: readonly Role[] = ['commune-officer', 'reviewer', 'auditor', 'reporter', 'operator', 'administrator'];

/** Whether a claim value names a known role. */
export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** The whole country: an area that covers every province and commune. */
export const NATIONAL = '*';

/** Who is calling, as established by a verified token. */
export interface Principal {
  readonly subject: string;
  readonly role: Role;
  /** Unit codes the principal works in: 5-digit commune, 2-digit province, or `*` for national. */
  readonly areas: readonly string[];
}

const AREA = /^(\d{2}|\d{5}|\*)$/;

/** Whether a string is an area a principal may hold. */
export const isArea = (value: unknown): value is string => typeof value === 'string' && AREA.test(value);
