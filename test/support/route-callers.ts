import { Permission, Role, roleGrants } from '@pl/application';
import type { ApiHarness } from './api-harness';
import type { Route } from './route-table';

export const ROLES: readonly Role[] = ['commune-officer', 'reviewer', 'auditor', 'reporter', 'operator', 'administrator'];

/**
 * Where each role works when it is inside the seeded data (commune 07906, province 25) and when
 * it is not. Outside provinces avoid 17 and 26: both were merged into 25 in 2025, so a caller of
 * either may well cover 07906 through the unit registry.
 */
export const AREAS: Readonly<Record<Role, { inside: readonly string[]; outside: readonly string[] }>> = {
  'commune-officer': { inside: ['07906'], outside: ['07909'] },
  reviewer: { inside: ['25'], outside: ['01'] },
  auditor: { inside: ['25'], outside: ['01'] },
  reporter: { inside: ['25'], outside: ['01'] },
  operator: { inside: ['*'], outside: ['01'] },
  administrator: { inside: ['*'], outside: ['01'] },
};

/** Permissions `AccessPolicy` further limits to the caller's areas (see permissions.ts). */
const AREA_BOUND: ReadonlySet<Permission> = new Set<Permission>([
  'household:read', 'household:write', 'recognition:write', 'directive:write', 'support:write', 'registry:read',
  'statistics:read', 'audit:read', 'personal-data:read', 'erasure:request',
]);
export const isAreaBound = (permission: Permission): boolean => AREA_BOUND.has(permission);

/** Auditors must say why they read personal data; sent by everyone, it changes nothing for the others. */
export const ACCESS_REASON = { 'x-access-reason': encodeURIComponent('Kiểm tra phân quyền toàn bộ API') };

const minted = new WeakMap<ApiHarness, Map<string, string>>();
/** Bearer and access-reason headers for a role over areas; one token per role and areas, minted once. */
export async function headersFor(api: ApiHarness, role: Role, areas: readonly string[]): Promise<Record<string, string>> {
  const tokens = minted.get(api) ?? new Map<string, string>();
  minted.set(api, tokens);
  const subject = `${role}-${areas.join('+')}`;
  const token = tokens.get(subject) ?? (await api.token(role, areas, subject));
  tokens.set(subject, token);
  return { authorization: `Bearer ${token}`, ...ACCESS_REASON };
}

/**
 * A role that may call the route inside the seeded area, so that validation, not the gate,
 * answers a bad request. Auditors come last: their reads of personal data are themselves recorded.
 */
export function callerOf(route: Route): Role | null {
  if (route.permission === null) return null;
  const permission = route.permission;
  const preferred: readonly Role[] = ['commune-officer', 'reviewer', 'reporter', 'operator', 'administrator', 'auditor'];
  const role = preferred.find((r) => roleGrants(r, permission));
  if (!role) throw new Error(`no role grants ${permission} (${route.method} ${route.path})`);
  return role;
}
