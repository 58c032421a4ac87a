import { ApiHarness, registration, startApi } from '../support/api-harness';

type Item = { householdId: string; communeCode: string; status: string; personal?: unknown };

/** The registry list: filters, paging, area scoping, and refusal of anything that is not a plain value. */
describe('registry over HTTP', () => {
  let api: ApiHarness;
  let officer: string;
  let reviewer: string;
  let reporter: string;
  let position = 0;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const list = async (token: string, query = '') =>
    (await api.http.get(`/api/v1/registry?minPosition=${position}${query ? `&${query}` : ''}`).set(auth(token)).expect(200)).body as {
      items: Item[]; nextCursor?: string; position: number;
    };
  const ids = async (token: string, query = '') => (await list(token, `limit=500&${query}`)).items.map((i) => i.householdId).sort();

  beforeAll(async () => {
    api = await startApi({ MIN_POSITION_WAIT_MS: '2000' });
    const writer = await api.token('commune-officer', ['07906', '07909']);
    officer = await api.token('commune-officer', ['07906']);
    reviewer = await api.token('reviewer', ['25']);
    reporter = await api.token('reporter', ['25']);
    const households = [
      ...Array.from({ length: 7 }, (_, i) => ({ id: `reg-06-${i}`, commune: '07906', ethnicMinority: i % 2 === 0, policyFamily: i === 3 })),
      ...Array.from({ length: 3 }, (_, i) => ({ id: `reg-09-${i}`, commune: '07909', ethnicMinority: false, policyFamily: false })),
    ];
    for (const h of households) {
      const res = await api.http.post('/api/v1/households').set(auth(writer)).send(registration({
        householdId: h.id, registeredOn: '2023-02-01', address: { communeCode: h.commune, village: 'Xóm Giữa' },
        ethnicMinority: h.ethnicMinority, policyFamily: h.policyFamily,
      })).expect(201);
      position = res.body.position;
    }
    // reg-06-0 and reg-06-1 poor, reg-06-2 near-poor, in review year 2023.
    for (const [id, income, indicators] of [['reg-06-0', 900_000, 3], ['reg-06-1', 1_000_000, 4], ['reg-06-2', 1_300_000, 1]] as const) {
      await api.http.post(`/api/v1/households/${id}/assessments`).set(auth(writer)).send({
        reviewYear: 2023, reviewKind: 'periodic', assessedOn: '2023-10-05', incomePerPersonMonthly: income, surveyor: 'Bùi Văn Tám',
        deficientIndicators: ['nutrition', 'latrine', 'housing-area', 'water-source'].slice(0, indicators),
      }).expect(201);
    }
    const decided = await api.http.post('/api/v1/recognitions').set(auth(reviewer)).send({
      decision: { number: '77/QĐ-UBND', date: '2023-12-15', issuer: 'UBND xã Giáp Lai' }, reviewYear: 2023, reviewKind: 'periodic', communeCode: '07906',
      entries: [{ householdId: 'reg-06-0', to: 'poor' }, { householdId: 'reg-06-1', to: 'poor' }, { householdId: 'reg-06-2', to: 'near-poor' }],
    }).expect(200);
    expect(decided.body.totals).toEqual({ entries: 3, recognised: 3, refused: 0 });
    const dissolved = await api.http.post('/api/v1/households/reg-06-6/dissolution').set(auth(writer)).send({ dissolvedOn: '2024-01-10', reason: 'moved abroad' }).expect(201);
    position = dissolved.body.position;
  });
  afterAll(() => api.close());

  it('filters by status (repeated or comma list), flags, review year and activity', async () => {
    expect(await ids(reviewer, 'status=poor')).toEqual(['reg-06-0', 'reg-06-1']);
    expect(await ids(reviewer, 'status=poor,near-poor')).toEqual(['reg-06-0', 'reg-06-1', 'reg-06-2']);
    expect(await ids(reviewer, 'status=poor&status=near-poor')).toEqual(['reg-06-0', 'reg-06-1', 'reg-06-2']);
    expect(await ids(reviewer, 'ethnicMinority=true')).toEqual(['reg-06-0', 'reg-06-2', 'reg-06-4']);
    expect(await ids(reviewer, 'policyFamily=true')).toEqual(['reg-06-3']);
    expect(await ids(reviewer, 'reviewYear=2023&status=near-poor')).toEqual(['reg-06-2']);
    expect(await ids(reviewer, 'active=false')).toEqual(['reg-06-6']);
    expect(await ids(reviewer, 'provinceCode=25&communeCode=07909')).toEqual(['reg-09-0', 'reg-09-1', 'reg-09-2']);
  });

  it('walks every page with the cursor, in id order, without duplicates or gaps', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await list(reviewer, `limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.items.map((i) => i.householdId));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    const all = ['reg-06-0', 'reg-06-1', 'reg-06-2', 'reg-06-3', 'reg-06-4', 'reg-06-5', 'reg-09-0', 'reg-09-1', 'reg-09-2'];
    expect(seen).toEqual(all);
    expect(pages).toBe(3);
  });

  it('answers with the position the read models had reached', async () => {
    const page = await list(reviewer, 'limit=1');
    expect(page.position).toBeGreaterThanOrEqual(position);
  });

  it('limits a commune officer to their commune and refuses a filter outside it', async () => {
    const own = await ids(officer);
    expect(own).toHaveLength(6);
    expect(own.every((id) => id.startsWith('reg-06-'))).toBe(true);
    const other = await api.http.get('/api/v1/registry?communeCode=07909').set(auth(officer)).expect(403);
    expect(other.body.code).toBe('OUTSIDE_AREA');
    const province = await api.http.get('/api/v1/registry?provinceCode=25').set(auth(officer)).expect(403);
    expect(province.body.code).toBe('OUTSIDE_AREA');
    const elsewhere = await api.token('reviewer', ['26']);
    expect(await ids(elsewhere)).toEqual([]);
  });

  it('never shows personal data on a registry page, whatever the role', async () => {
    for (const token of [reporter, officer]) {
      const page = await list(token, 'limit=500');
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.items.some((i) => 'personal' in i || 'citizenIdHashes' in i)).toBe(false);
    }
  });

  it('refuses a role without registry:read', async () => {
    const operator = await api.token('operator', ['*']);
    const res = await api.http.get('/api/v1/registry').set(auth(operator)).expect(403);
    expect(res.body.code).toBe('ROLE_NOT_PERMITTED');
  });

  it.each([
    ['an unknown filter', 'colour=red', 'VALIDATION_FAILED'],
    ['an unknown status', 'status=rich', 'VALIDATION_FAILED'],
    ['an empty status', 'status=', 'VALIDATION_FAILED'],
    ['a limit of 0', 'limit=0', 'VALIDATION_FAILED'],
    ['a limit above 500', 'limit=501', 'VALIDATION_FAILED'],
    ['a non-numeric limit', 'limit=ten', 'VALIDATION_FAILED'],
    ['a boolean that is not true or false', 'ethnicMinority=yes', 'VALIDATION_FAILED'],
    ['an unknown area', 'area=everywhere', 'VALIDATION_FAILED'],
    ['an operator in brackets', 'status[$ne]=poor', 'VALIDATION_FAILED'],
    ['an operator as JSON', `communeCode=${encodeURIComponent('{"$gt":""}')}`, 'VALIDATION_FAILED'],
    ['a repeated commune', 'communeCode=07906&communeCode=07909', 'VALIDATION_FAILED'],
    ['a cursor that is not one', 'cursor=not*a*cursor', 'VALIDATION_FAILED'],
    ['a cursor made up', `cursor=${Buffer.from('{"x":1}').toString('base64url')}`, 'INVALID_CURSOR'],
    ['a malformed minPosition', 'minPosition=-1', 'INVALID_MIN_POSITION'],
  ])('refuses %s with 400', async (_what, query, code) => {
    const res = await api.http.get(`/api/v1/registry?${query}`).set(auth(reviewer)).expect(400);
    expect(res.body.code).toBe(code);
  });

  it('asks a caller holding both provinces and communes to name the unit', async () => {
    const mixed = await api.token('auditor', ['26', '07906']);
    const res = await api.http.get('/api/v1/registry').set(auth(mixed)).expect(400);
    expect(res.body.code).toBe('AREA_FILTER_REQUIRED');
    expect(await ids(mixed, 'communeCode=07906')).toHaveLength(6);
  });
});
