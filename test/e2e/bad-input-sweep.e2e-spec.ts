import { EVENT_STORE, EventStore } from '@pl/event-store';
import { ApiHarness, startApi } from '../support/api-harness';
import { AREAS, callerOf, headersFor } from '../support/route-callers';
import { RouteFixture, SEED, seedRouteData } from '../support/route-fixtures';
import { Route, Variation, fixtureOf, loadRoutes, missingFixtures, routeKey, send } from '../support/route-table';

const BODY_LIMIT = 65_536;
const INTERNALS = /\bat .+\.(ts|js):\d+|node_modules|\/(work|home|tmp|usr)\/|\bstack\b|\.ts\b|TypeError|ReferenceError|Cannot read prop/i;

/** What the answer must be beyond a clean 4xx: a status, a code, a field the message names. */
interface Expected { readonly status?: number; readonly code?: string; readonly mentions?: string }
/** One bad request: the route, its fixture, what is changed, what must answer, and a label for the report. */
type Case = [Route, RouteFixture, Variation, Expected, string];

/** A value of another JSON type than the one the fixture holds. */
const wrongType = (value: unknown): unknown =>
  typeof value === 'string' ? 12345 : typeof value === 'number' ? 'not-a-number' : typeof value === 'boolean' ? 'yes'
    : Array.isArray(value) ? 'not-an-array' : value === null ? 42 : 'not-an-object';

/**
 * Every route of the API document, sent what a careless or hostile client sends, as a caller the
 * route admits inside the seeded area: validation must answer 4xx with a clean JSON error, and the
 * event log must not move. Bodies and query parameters come from the fixtures, so each field and
 * parameter a route takes is tried.
 */
describe('bad input on every route of the API document', () => {
  let api: ApiHarness;
  let routes: Route[];
  let store: EventStore;

  beforeAll(async () => {
    api = await startApi({ BODY_LIMIT_BYTES: String(BODY_LIMIT), MIN_POSITION_WAIT_MS: '3000' });
    routes = await loadRoutes(api);
    store = api.app.get<EventStore>(EVENT_STORE);
    const position = await seedRouteData(api);
    const auditor = await headersFor(api, 'auditor', ['*']);
    await api.http.get(`/api/v1/audit/findings/${encodeURIComponent(SEED.finding)}?minPosition=${position}`).set(auditor).expect(200);
  }, 30_000);
  afterAll(() => api?.close());

  it('has a fixture for every route of the API document', () => {
    expect(missingFixtures(routes)).toEqual([]);
  });

  const guarded = () => routes.filter((r) => r.permission !== null);
  const withJsonBody = () => guarded().filter((r) => r.body === 'json');

  /**
   * Sends one bad request and says what is wrong with the answer, or null: a 4xx (or the given
   * status and code), a JSON error {statusCode, code, message} leaking nothing, and no new event.
   */
  async function refusal(route: Route, fixture: RouteFixture, variation: Variation, expected: Expected = {}): Promise<string | null> {
    const role = callerOf(route)!;
    const headers = await headersFor(api, role, AREAS[role].inside);
    const before = await store.headPosition();
    const res = await send(api, route, fixture, headers, variation);
    const after = await store.headPosition();
    const body = res.body as { statusCode?: unknown; code?: unknown; message?: unknown };
    const wrong: string[] = [];
    if (expected.status ? res.status !== expected.status : res.status < 400 || res.status >= 500) wrong.push(`status ${res.status}, expected ${expected.status ?? '4xx'}`);
    if (body?.statusCode !== res.status || typeof body.code !== 'string' || typeof body.message !== 'string' || body.message.trim() === '') {
      wrong.push(`body is not {statusCode, code, message}: ${res.text.slice(0, 160)}`);
    } else {
      if (expected.code && body.code !== expected.code) wrong.push(`code ${body.code}, expected ${expected.code}`);
      if (expected.mentions && !body.message.includes(expected.mentions)) wrong.push(`message does not name ${expected.mentions}: "${body.message.slice(0, 160)}"`);
      if (INTERNALS.test(res.text)) wrong.push(`answer shows internals: ${res.text.slice(0, 200)}`);
    }
    if (after !== before) wrong.push(`the log moved from ${before} to ${after}`);
    return wrong.length ? `${routeKey(route)} as ${role}: ${wrong.join('; ')}` : null;
  }

  /** Runs the cases of every route one by one (the log head is compared around each) and lists every wrong answer. */
  async function sweep(cases: () => Case[]): Promise<string[]> {
    const problems: string[] = [];
    for (const [route, fixture, variation, expected, label] of cases()) {
      const problem = await refusal(route, fixture, variation, expected);
      if (problem) problems.push(`[${label}] ${problem}`);
    }
    return problems;
  }

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    expect(await sweep(() => withJsonBody().map((route) => [route, fixtureOf(route), { rawBody: '{"reason": "unterminated' }, { status: 400, code: 'MALFORMED_JSON' }, 'malformed JSON']))).toEqual([]);
  });

  it('answers a wrong type in each top-level field with 400 VALIDATION_FAILED naming the field', async () => {
    expect(await sweep(() => withJsonBody().flatMap((route) => {
      const fixture = fixtureOf(route);
      return Object.entries(fixture.body ?? {}).map(([field, value]) =>
        [route, fixture, { body: { ...fixture.body, [field]: wrongType(value) } }, { status: 400, code: 'VALIDATION_FAILED', mentions: field }, `${field} as ${typeof wrongType(value)}`] as Case);
    }))).toEqual([]);
  });

  it('answers an unknown field with 400 naming it', async () => {
    expect(await sweep(() => withJsonBody().map((route) => {
      const fixture = fixtureOf(route);
      return [route, fixture, { body: { ...fixture.body, unexpectedField: 'x' } }, { status: 400, code: 'VALIDATION_FAILED', mentions: 'unexpectedField' }, 'unknown field'];
    }))).toEqual([]);
  });

  it(`answers a body over the ${BODY_LIMIT}-byte limit with 413 BODY_TOO_LARGE`, async () => {
    expect(await sweep(() => withJsonBody().map((route) => {
      const fixture = fixtureOf(route);
      return [route, fixture, { body: { ...fixture.body, padding: 'x'.repeat(BODY_LIMIT + 1024) } }, { status: 413, code: 'BODY_TOO_LARGE' }, 'huge body'];
    }))).toEqual([]);
  });

  it('refuses operator objects in string fields and "$where" keys at the top and inside objects with 400', async () => {
    expect(await sweep(() => withJsonBody().flatMap((route) => {
      const fixture = fixtureOf(route);
      const body = fixture.body ?? {};
      const cases: Case[] = [
        [route, fixture, { body: { ...body, $where: 'function () { return true; }' } }, { status: 400 }, 'top-level $where'],
      ];
      for (const [field, value] of Object.entries(body)) {
        if (typeof value === 'string') cases.push([route, fixture, { body: { ...body, [field]: { $gt: '' } } }, { status: 400, mentions: field }, `${field}: {"$gt": ""}`]);
        if (value && typeof value === 'object' && !Array.isArray(value)) {
          cases.push([route, fixture, { body: { ...body, [field]: { ...value, $where: 'sleep(1000)' } } }, { status: 400 }, `${field}.$where`]);
        }
        if (Array.isArray(value) && value.length && typeof value[0] === 'object') {
          cases.push([route, fixture, { body: { ...body, [field]: [{ ...value[0], $where: 'sleep(1000)' }] } }, { status: 400 }, `${field}[0].$where`]);
        }
      }
      return cases;
    }))).toEqual([]);
  });

  it('refuses a JSON body where a route takes an uploaded file', async () => {
    const uploads = guarded().filter((r) => r.body === 'multipart');
    expect(await sweep(() => uploads.map((route) => [route, fixtureOf(route), { body: { file: 'rt.csv' } }, {}, 'JSON instead of a file']))).toEqual([]);
  });

  describe('query parameters', () => {
    const withQuery = () => guarded().filter((r) => r.queryParams.length > 0);
    /** The fixture's parameters, and minPosition where the route takes it: numbers deserve the same care. */
    const tried = (route: Route, fixture: RouteFixture): Record<string, string> =>
      ({ ...(route.queryParams.includes('minPosition') ? { minPosition: '1' } : {}), ...fixture.query });
    const query = (params: Record<string, string>, raw: string) => [new URLSearchParams(params).toString(), raw].filter(Boolean).join('&');
    const without = (params: Record<string, string>, name: string) => Object.fromEntries(Object.entries(params).filter(([k]) => k !== name));

    // Also on routes whose only parameter is minPosition: there a misspelt `minPositon=...` would
    // otherwise be dropped and the read answer from before the caller's own write, without a word.
    it('answers an unknown query parameter with 400', async () => {
      expect(await sweep(() => withQuery().map((route) => {
        const fixture = fixtureOf(route);
        return [route, fixture, { rawQuery: query(fixture.query ?? {}, 'unexpectedParam=1') }, { status: 400 }, 'unknown parameter'];
      }))).toEqual([]);
    });

    it('answers operator-like parameters (name[$ne]=..., name={"$gt":""}) with 400', async () => {
      expect(await sweep(() => withQuery().flatMap((route) => {
        const fixture = fixtureOf(route);
        const params = tried(route, fixture);
        return Object.entries(params).flatMap(([name, value]) => [
          [route, fixture, { rawQuery: query(without(params, name), `${encodeURIComponent(`${name}[$ne]`)}=${encodeURIComponent(value)}`) }, { status: 400 }, `${name}[$ne]`],
          [route, fixture, { rawQuery: query(without(params, name), `${name}=${encodeURIComponent('{"$gt":""}')}`) }, { status: 400 }, `${name}={"$gt":""}`],
        ] as Case[]);
      }))).toEqual([]);
    });

    it('answers an over-long parameter value with 4xx', async () => {
      expect(await sweep(() => withQuery().flatMap((route) => {
        const fixture = fixtureOf(route);
        const params = tried(route, fixture);
        return Object.keys(params).map((name) =>
          [route, fixture, { rawQuery: query({ ...params, [name]: '9'.repeat(4000) }, '') }, {}, `${name} of 4000 characters`] as Case);
      }))).toEqual([]);
    });
  });

  it('answers traversal, NUL and very long path parameters with 4xx', async () => {
    const values: [string, string][] = [['../', '..%2F..%2Fetc%2Fpasswd'], ['..', '..'], ['%00', `${SEED.household}%00`], ['5000 characters', 'a'.repeat(5000)]];
    expect(await sweep(() => guarded().filter((r) => r.pathParams.length > 0).flatMap((route) => {
      const fixture = fixtureOf(route);
      return route.pathParams.flatMap((name) => values.map(([label, raw]) =>
        [route, fixture, { rawPath: { [name]: raw } }, {}, `${name} = ${label}`] as Case));
    }))).toEqual([]);
  });
});
