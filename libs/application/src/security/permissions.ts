import { Role } from './principal';

/** One thing a route or query may require. */
export type Permission =
  | 'household:read'
  | 'household:write'
  | 'recognition:write'
  | 'directive:write'
  | 'support:write'
  | 'registry:read'
  | 'statistics:read'
  | 'audit:read'
  | 'personal-data:read'
  | 'operations:run'
  | 'status:read'
  | 'keys:admin'
  | 'roles:admin'
  | 'erasure:request';

/**
 * The only place roles are granted permissions. Area-bound permissions (household,
 * recognition, directive, support, registry, statistics, audit, personal data, erasure)
 * are further limited to the principal's areas by `AccessPolicy`.
 *
 * - commune officer: registers households and records support in their communes, so it
 *   reads those households with personal data; it reads its communes' registry and figures.
 * - reviewer (province): decides recognitions and writes directives for its province; it
 *   reads households with personal data because a decision names the people decided on.
 * - auditor: reads everything in its area, personal data and the audit trail included;
 *   each read of personal data by an auditor is itself recorded by the caller.
 * - reporter: figures and the registry without personal data; it writes nothing.
 * - operator: runs the system (rebuilds, backups, status) and never sees households.
 * - administrator: manages signing and personal-data keys, roles and erasure requests;
 *   it does not read households: erasing data needs no sight of it.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = Object.freeze({
  'commune-officer': ['household:read', 'household:write', 'support:write', 'registry:read', 'statistics:read', 'personal-data:read'],
  reviewer: ['household:read', 'recognition:write', 'directive:write', 'registry:read', 'statistics:read', 'personal-data:read'],
  auditor: ['household:read', 'registry:read', 'statistics:read', 'audit:read', 'personal-data:read'],
  reporter: ['registry:read', 'statistics:read'],
  operator: ['operations:run', 'status:read'],
  administrator: ['keys:admin', 'roles:admin', 'erasure:request', 'status:read'],
});

/** Whether a role grants a permission, regardless of area. */
export const roleGrants = (role: Role, permission: Permission): boolean => ROLE_PERMISSIONS[role].includes(permission);
