import { DomainError } from '@pl/domain';
import { AccessPolicy, AccessTarget } from './access-policy';
import { Permission, ROLE_PERMISSIONS } from './permissions';
import { Principal, Role, ROLES } from './principal';

// Commune 00004 lies in province 01, 26734 in 79; 99999 is unknown to the unit registry.
const provinces: Record<string, string> = { '00004': '01', '00007': '01', '26734': '79' };
const policy = new AccessPolicy((commune) => provinces[commune]);

const who = (role: Role, ...areas: string[]): Principal => ({ subject: `user-${role}`, role, areas });

function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

describe('AccessPolicy.authorize by role', () => {
  it.each<[Role, Permission]>([
    ['commune-officer', 'household:write'],
    ['commune-officer', 'support:write'],
    ['reviewer', 'recognition:write'],
    ['reviewer', 'directive:write'],
    ['auditor', 'audit:read'],
    ['auditor', 'personal-data:read'],
    ['reporter', 'statistics:read'],
    ['reporter', 'registry:read'],
    ['operator', 'operations:run'],
    ['administrator', 'keys:admin'],
    ['administrator', 'erasure:request'],
  ])('given a national %s, when it asks for %s, then it is allowed', (role, permission) => {
    expect(() => policy.authorize(who(role, '*'), permission)).not.toThrow();
  });

  it.each<[Role, Permission]>([
    ['commune-officer', 'recognition:write'],
    ['commune-officer', 'audit:read'],
    ['reviewer', 'household:write'],
    ['auditor', 'household:write'],
    ['reporter', 'personal-data:read'],
    ['reporter', 'household:read'],
    ['operator', 'personal-data:read'],
    ['operator', 'registry:read'],
    ['administrator', 'personal-data:read'],
    ['administrator', 'operations:run'],
  ])('given a national %s, when it asks for %s, then ROLE_NOT_PERMITTED names both', (role, permission) => {
    const error = errorOf(() => policy.authorize(who(role, '*'), permission));
    expect(error).toMatchObject({ kind: 'forbidden', code: 'ROLE_NOT_PERMITTED' });
    expect(error.message).toBe(`role ${role} does not have permission ${permission}`);
  });

  it('given the table, then every role is granted something and nothing is granted twice', () => {
    for (const role of ROLES) {
      const granted = ROLE_PERMISSIONS[role];
      expect(granted.length).toBeGreaterThan(0);
      expect(new Set(granted).size).toBe(granted.length);
    }
  });
});

describe('AccessPolicy.authorize by area', () => {
  const officer = who('commune-officer', '00004');
  const reviewer = who('reviewer', '01');

  it.each<[string, Principal, AccessTarget]>([
    ['an officer in its own commune', officer, { communeCode: '00004' }],
    ['a reviewer in a commune of its province', reviewer, { communeCode: '00007' }],
    ['a reviewer on its province', reviewer, { provinceCode: '01' }],
    ['a national reviewer anywhere', who('reviewer', '*'), { communeCode: '99999' }],
    ['a principal with several areas in the second', who('auditor', '00004', '79'), { communeCode: '26734' }],
    ['a lookup that misses, falling back to the stated province', reviewer, { communeCode: '99999', provinceCode: '01' }],
  ])('given %s, then it is allowed', (_case, principal, target) => {
    const permission: Permission = principal.role === 'commune-officer' ? 'household:write' : 'household:read';
    expect(() => policy.authorize(principal, permission, target)).not.toThrow();
  });

  it.each<[string, Principal, AccessTarget]>([
    ['an officer in a neighbouring commune', officer, { communeCode: '00007' }],
    ['an officer on its whole province', officer, { provinceCode: '01' }],
    ['a reviewer in another province', reviewer, { communeCode: '26734' }],
    ['a reviewer on another province', reviewer, { provinceCode: '79' }],
    ['a reviewer on a commune the registry does not know', reviewer, { communeCode: '99999' }],
    ['a stated province contradicted by the lookup', reviewer, { communeCode: '26734', provinceCode: '01' }],
    ['a principal with no areas', who('auditor'), { communeCode: '00004' }],
    ['a target naming no unit', reviewer, {}],
  ])('given %s, then OUTSIDE_AREA', (_case, principal, target) => {
    const error = errorOf(() => policy.authorize(principal, 'household:read', target));
    expect(error).toMatchObject({ kind: 'forbidden', code: 'OUTSIDE_AREA' });
  });

  it('when the area check fails, then the message names the unit, the areas and the permission', () => {
    const error = errorOf(() => policy.authorize(officer, 'household:write', { communeCode: '00007' }));
    expect(error.message).toBe('commune 00007 is outside the areas of user-commune-officer (areas 00004) for household:write');
  });

  it('when the role lacks the permission, then the role is reported before the area', () => {
    expect(errorOf(() => policy.authorize(officer, 'directive:write', { communeCode: '26734' })).code).toBe('ROLE_NOT_PERMITTED');
  });
});

describe('AccessPolicy.scopeOf', () => {
  it('given mixed areas, then provinces and communes are split', () => {
    expect(policy.scopeOf(who('auditor', '01', '26734'))).toEqual({ national: false, provinces: ['01'], communes: ['26734'] });
  });

  it('given a national area, then the scope is national', () => {
    expect(policy.scopeOf(who('auditor', '01', '*'))).toEqual({ national: true });
  });
});
