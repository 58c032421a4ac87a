import { Role, roleGrants } from '@pl/application';
import type { Response } from 'supertest';
import { ApiHarness, startApi } from '../support/api-harness';
import { ACCESS_REASON, AREAS, ROLES, headersFor, isAreaBound } from '../support/route-callers';
import { RouteFixture, SEED, seedRouteData } from '../support/route-fixtures';
import { Route, fixtureOf, loadRoutes, missingFixtures, routeKey, send, staleFixtures } from '../support/route-table';

type Where = 'inside' | 'outside';
const areasOf = (role: Role, where: Where, fixture: RouteFixture): readonly string[] =>
  (where === 'outside' ? fixture.outsideAreas?.[role] : undefined) ?? AREAS[role][where];

/**
 * Every route of the API document, called by every role inside and outside the seeded area and
 * without a valid token: the gate must answer as ROLE_PERMISSIONS and the area rules say. What a
 * permitted call then answers (201, 404, 409, 422...) is the business of the route's own suite.
 */
describe('authorisation matrix over every route of the API document', () => {
  let api: ApiHarness;
  let routes: Route[];
  const cells = new Map<string, Map<string, string>>();
  const note = (route: Route, column: string, res: Response) => {
    const row = cells.get(routeKey(route)) ?? new Map<string, string>();
    row.set(column, String(res.status));
    cells.set(routeKey(route), row);
  };
  const describeAnswer = (res: Response) => `${res.status} ${(res.body as { code?: string })?.code ?? ''}`.trim();

  beforeAll(async () => {
    api = await startApi({ MIN_POSITION_WAIT_MS: '3000' });
    routes = await loadRoutes(api);
    const position = await seedRouteData(api);
    // The finding and the registry row must be projected before the gate is asked about them.
    const auditor = await headersFor(api, 'auditor', ['*']);
    await api.http.get(`/api/v1/audit/findings/${encodeURIComponent(SEED.finding)}?minPosition=${position}`).set(auditor).expect(200);
  }, 30_000);
  afterAll(async () => {
    printSummary(routes ?? [], cells);
    await api?.close();
  });

  it('has a fixture for every route of the API document, and none for a route it lacks', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect([...missingFixtures(routes), ...staleFixtures(routes)]).toEqual([]);
  });

  /** Why the answer is wrong for this role, place and route, or null when it is right. */
  function judge(route: Route, role: Role, where: Where, res: Response, fixture: RouteFixture): string | null {
    const code = (res.body as { code?: string })?.code;
    if (res.status >= 500) return `answered ${describeAnswer(res)}: a server error, whatever the gate decided`;
    if (route.permission === null) return res.status === 401 || res.status === 403 ? `public route answered ${describeAnswer(res)}` : null;
    if (!roleGrants(role, route.permission)) {
      return res.status === 403 && code === 'ROLE_NOT_PERMITTED' ? null : `expected 403 ROLE_NOT_PERMITTED (role lacks ${route.permission}), got ${describeAnswer(res)}`;
    }
    if (where === 'inside' || !(fixture.areaBound ?? isAreaBound(route.permission))) {
      return res.status === 401 || res.status === 403 ? `expected to pass the gate (${route.permission}, ${where}), got ${describeAnswer(res)}` : null;
    }
    if (res.status === 403 && code === 'OUTSIDE_AREA') return null;
    if (res.status < 300 && fixture.refusedOutsideInBody?.(res.body)) return null;
    if (res.status < 300 && fixture.filtersByArea) {
      return res.text.includes(SEED.commune) || res.text.includes(SEED.household) ? `answered ${res.status} with data of ${SEED.commune} to a caller outside it` : null;
    }
    return `expected 403 OUTSIDE_AREA (${route.permission} outside ${areasOf(role, where, fixture).join(',')}), got ${describeAnswer(res)}`;
  }

  it.each(ROLES)('answers %s as its permissions and areas say, inside and outside, on every route', async (role) => {
    const problems: string[] = [];
    for (const where of ['inside', 'outside'] as const) {
      for (const route of routes) {
        const fixture = fixtureOf(route);
        const areas = areasOf(role, where, fixture);
        const res = await send(api, route, fixture, await headersFor(api, role, areas));
        note(route, `${role}:${where}`, res);
        const problem = judge(route, role, where, res, fixture);
        if (problem) problems.push(`${routeKey(route)} as ${role} ${where} (${areas.join(',')}): ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);

  it('answers 401 to a request without a token or with a malformed one, on every route but the public ones', async () => {
    const problems: string[] = [];
    const callers: [string, Record<string, string>][] = [
      ['no token', { ...ACCESS_REASON }],
      ['malformed token', { authorization: 'Bearer not.a-token.at-all', ...ACCESS_REASON }],
      ['another scheme', { authorization: 'Basic YWRtaW46YWRtaW4=', ...ACCESS_REASON }],
    ];
    for (const [who, headers] of callers) {
      for (const route of routes) {
        const res = await send(api, route, fixtureOf(route), headers);
        note(route, who, res);
        const ok = route.permission === null ? res.status < 400 || res.status === 503 : res.status === 401;
        if (!ok) problems.push(`${routeKey(route)} with ${who}: expected ${route.permission === null ? 'an answer without a token' : '401'}, got ${describeAnswer(res)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

/** One line per route: the status each caller got, inside/outside per role, then no token / bad token. */
function printSummary(routes: readonly Route[], cells: ReadonlyMap<string, ReadonlyMap<string, string>>): void {
  if (cells.size === 0) return;
  const short: Record<Role, string> = { 'commune-officer': 'officer', reviewer: 'reviewer', auditor: 'auditor', reporter: 'reporter', operator: 'operator', administrator: 'admin' };
  const width = Math.max(...routes.map((r) => routeKey(r).length));
  const header = `${'route'.padEnd(width)}  ${ROLES.map((r) => short[r].padEnd(9)).join(' ')} anon/bad`;
  const lines = routes.map((route) => {
    const row = cells.get(routeKey(route));
    const cell = (column: string) => row?.get(column) ?? '---';
    const roles = ROLES.map((r) => `${cell(`${r}:inside`)}/${cell(`${r}:outside`)}`.padEnd(9)).join(' ');
    return `${routeKey(route).padEnd(width)}  ${roles} ${cell('no token')}/${cell('malformed token')}`;
  });
  console.log(`authorisation matrix (inside/outside status per role)\n${header}\n${lines.join('\n')}`);
}
