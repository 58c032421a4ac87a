import { ApiHarness, registration, startApi } from '../support/api-harness';

/** A household's life through the HTTP API: survey, the chairman's lists, escape, fall-back, a move across the 2025 merger. */
describe('household lifecycle over HTTP', () => {
  let api: ApiHarness;
  let officer: string;
  let reviewer: string;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    api = await startApi({ MIN_POSITION_WAIT_MS: '2000' });
    officer = await api.token('commune-officer', ['07900', '07906']);
    reviewer = await api.token('reviewer', ['25']);
  });
  afterAll(() => api.close());

  const head = async () => (await api.http.get('/health/ready').expect(200)).body.eventStore.head as number;
  const register = async (householdId: string, communeCode: string) =>
    api.http.post('/api/v1/households').set(auth(officer))
      .send(registration({ householdId, registeredOn: '2023-03-01', address: { communeCode, village: 'Xóm Chiềng' } })).expect(201);
  const assess = (householdId: string, body: Record<string, unknown>) =>
    api.http.post(`/api/v1/households/${householdId}/assessments`).set(auth(officer))
      .send({ reviewKind: 'periodic', surveyor: 'Đinh Thị Lan', deficientIndicators: [], ...body });
  const decide = (body: Record<string, unknown>, key?: string) => {
    const req = api.http.post('/api/v1/recognitions').set(auth(reviewer));
    return (key ? req.set('idempotency-key', key) : req).send(body);
  };
  const decision2023 = {
    decision: { number: '125/QĐ-UBND', date: '2023-12-20', issuer: 'UBND xã Thạch Khoán' },
    reviewYear: 2023, reviewKind: 'periodic', communeCode: '07900',
    entries: [
      { householdId: 'life-a', to: 'poor' },
      { householdId: 'life-c', to: 'poor' },
      { householdId: 'life-b', to: 'near-poor' },
      { householdId: 'life-d', to: 'poor' },
    ],
  };
  let batch: { body: { position: number; results: { householdId: string; outcome: string; code?: string }[] } };

  beforeAll(async () => {
    for (const id of ['life-a', 'life-b', 'life-c']) await register(id, '07900');
    await register('life-d', '07906');
  });

  it('proposes a category from the survey under the standard of the review year', async () => {
    const poor = await assess('life-a', { reviewYear: 2023, assessedOn: '2023-10-01', incomePerPersonMonthly: 1_000_000, deficientIndicators: ['nutrition', 'housing-area', 'latrine'] }).expect(201);
    expect(poor.body).toEqual({ householdId: 'life-a', revision: 1, position: expect.any(Number), proposedCategory: 'poor', standardId: '2022-2025' });
    const nearPoor = await assess('life-b', { reviewYear: 2023, assessedOn: '2023-10-02', incomePerPersonMonthly: 1_200_000, deficientIndicators: ['latrine'] }).expect(201);
    expect(nearPoor.body).toMatchObject({ proposedCategory: 'near-poor', standardId: '2022-2025' });
  });

  it('refuses an indicator the standard does not know with 400 naming it, and stores nothing', async () => {
    const before = await head();
    const res = await assess('life-a', { reviewYear: 2023, assessedOn: '2023-10-01', incomePerPersonMonthly: 1_000_000, deficientIndicators: ['latrine', 'owns-a-boat'] }).expect(400);
    expect(res.body).toMatchObject({ code: 'UNKNOWN_INDICATOR', message: expect.stringContaining('owns-a-boat') });
    expect(await head()).toBe(before);
  });

  it('refuses a periodic survey outside 1 September-14 December unless a reason is given', async () => {
    const late = { reviewYear: 2023, assessedOn: '2023-12-28', incomePerPersonMonthly: 1_400_000 };
    const refused = await assess('life-d', late).expect(422);
    expect(refused.body.code).toBe('REVIEW_OUTSIDE_WINDOW');
    await assess('life-d', { ...late, outOfWindowReason: 'household away for work during the review' }).expect(201);
  });

  it('applies a decision household by household: a refused entry blocks no other', async () => {
    batch = await decide(decision2023, 'decision-07900-2023-125').expect(200);
    expect(batch.body).toMatchObject({
      decisionNumber: '125/QĐ-UBND', communeCode: '07900',
      totals: { entries: 4, recognised: 2, refused: 2 },
      results: [
        { householdId: 'life-a', outcome: 'recognised', revision: 2, transition: 'newly-arising' },
        { householdId: 'life-c', outcome: 'refused', code: 'NO_ASSESSMENT_FOR_REVIEW_YEAR' },
        { householdId: 'life-b', outcome: 'recognised', transition: 'newly-arising' },
        { householdId: 'life-d', outcome: 'refused', code: 'HOUSEHOLD_NOT_IN_COMMUNE' },
      ],
    });
    const c = await api.http.get(`/api/v1/households/life-c?minPosition=${batch.body.position}`).set(auth(officer)).expect(200);
    expect(c.body).toMatchObject({ status: 'not-listed', history: [] });
  });

  it('appends nothing when the same decision is retried with the same Idempotency-Key', async () => {
    const before = await head();
    const again = await decide(decision2023, 'decision-07900-2023-125').expect(200);
    expect(again.body).toEqual(batch.body);
    expect(await head()).toBe(before);
  });

  it('refuses a decision for a commune outside the reviewer\'s province', async () => {
    const res = await decide({ ...decision2023, communeCode: '12345' }).expect(403);
    expect(res.body.code).toBe('OUTSIDE_AREA');
  });

  it('follows a household off the lists (2024) and back on them (2025, decided by the merged commune)', async () => {
    await assess('life-a', { reviewYear: 2024, assessedOn: '2024-10-01', incomePerPersonMonthly: 2_100_000 }).expect(201);
    const escaped = await decide({
      decision: { number: '88/QĐ-UBND', date: '2024-12-18', issuer: 'UBND xã Thạch Khoán' }, reviewYear: 2024, reviewKind: 'periodic',
      communeCode: '07900', entries: [{ householdId: 'life-a', to: 'escaped' }],
    }).expect(200);
    expect(escaped.body.results[0]).toMatchObject({ outcome: 'recognised', transition: 'escaped' });

    await assess('life-a', { reviewYear: 2025, assessedOn: '2025-10-01', incomePerPersonMonthly: 900_000, deficientIndicators: ['nutrition', 'health-insurance', 'latrine'] }).expect(201);
    const fallen = await decide({
      decision: { number: '301/QĐ-UBND', date: '2025-12-19', issuer: 'UBND xã Thạch Khoán (mới)' }, reviewYear: 2025, reviewKind: 'periodic',
      communeCode: '07950', entries: [{ householdId: 'life-a', to: 'poor' }],
    }).expect(200);
    expect(fallen.body.results[0]).toMatchObject({ outcome: 'recognised', transition: 'fallen-back' });

    const a = await api.http.get(`/api/v1/households/life-a?minPosition=${fallen.body.position}`).set(auth(officer)).expect(200);
    expect(a.body.status).toBe('poor');
    expect(a.body.history.map((h: { transition: string }) => h.transition)).toEqual(['newly-arising', 'escaped', 'fallen-back']);
  });

  it('relocates a household after the merger and lists it by recorded and by current commune', async () => {
    const moved = await api.http.post('/api/v1/households/life-b/relocation').set(auth(officer))
      .send({ to: { communeCode: '07906', village: 'Xóm Bến' }, areaType: 'rural', movedOn: '2025-08-01' }).expect(201);
    const at = `minPosition=${moved.body.position}`;
    const ids = async (query: string) =>
      (await api.http.get(`/api/v1/registry?${query}&${at}`).set(auth(reviewer)).expect(200)).body.items.map((i: { householdId: string }) => i.householdId).sort();

    expect(await ids('communeCode=07950&area=current')).toEqual(['life-a', 'life-c']);
    expect(await ids('communeCode=07950')).toEqual([]);
    expect(await ids('communeCode=07900')).toEqual(['life-a', 'life-c']);
    expect(await ids('communeCode=07906')).toEqual(['life-b', 'life-d']);
    expect(await ids('communeCode=07906&status=near-poor')).toEqual(['life-b']);
  });

  it('tells the whole story of a household on its timeline, decision and audit ids included', async () => {
    const res = await api.http.get('/api/v1/households/life-a/timeline').set(auth(officer)).expect(200);
    const events = res.body.events as { type: string; revision: number; legalBasis: { number: string } | null; correlationId: string; causationId: string; data: Record<string, unknown> }[];
    expect(events.map((e) => e.type)).toEqual([
      'HouseholdRegistered.v1', 'HouseholdAssessed.v2', 'HouseholdRecognised.v1',
      'HouseholdAssessed.v2', 'HouseholdRecognised.v1', 'HouseholdAssessed.v2', 'HouseholdRecognised.v1',
    ]);
    expect(events.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(events[0].data.personal).toMatchObject({ headName: 'Hà Văn Sơn' });
    expect(events[2]).toMatchObject({ effectiveDate: '2023-12-20', legalBasis: { number: '125/QĐ-UBND' }, actor: { role: 'reviewer' } });

    // Both households of the one decision point back at it.
    const b = (await api.http.get('/api/v1/households/life-b/timeline').set(auth(officer)).expect(200)).body.events;
    const recognisedB = b.find((e: { type: string }) => e.type === 'HouseholdRecognised.v1');
    expect(recognisedB.correlationId).toBe(events[2].correlationId);
    expect(recognisedB.causationId).toBe(events[2].causationId);
  });

  it('keeps the timeline to the household\'s current area', async () => {
    const elsewhere = await api.token('commune-officer', ['07909']);
    const res = await api.http.get('/api/v1/households/life-a/timeline').set(auth(elsewhere)).expect(403);
    expect(res.body.code).toBe('OUTSIDE_AREA');
    await api.http.get('/api/v1/households/no-such/timeline').set(auth(officer)).expect(404);
  });

  it('records members, causes and dissolution, after which nothing more can happen', async () => {
    await api.http.post('/api/v1/households/life-d/members').set(auth(officer))
      .send({ memberCount: 5, changedOn: '2025-02-01', members: [{ name: 'Hà Thị Mai', relation: 'con' }] }).expect(201);
    await api.http.post('/api/v1/households/life-d/causes').set(auth(officer))
      .send({ recordedOn: '2025-02-02', causes: ['lack-of-capital'], needGroups: ['credit'] }).expect(201);
    const unknown = await api.http.post('/api/v1/households/life-d/causes').set(auth(officer))
      .send({ recordedOn: '2025-02-02', causes: ['bad-luck'], needGroups: [] }).expect(400);
    expect(unknown.body.code).toBe('UNKNOWN_POVERTY_CAUSE');
    await api.http.post('/api/v1/households/life-d/dissolution').set(auth(officer)).send({ dissolvedOn: '2025-03-01', reason: 'joined a relative\'s household' }).expect(201);
    const after = await api.http.post('/api/v1/households/life-d/members').set(auth(officer)).send({ memberCount: 4, changedOn: '2025-04-01' }).expect(422);
    expect(after.body.code).toBe('HOUSEHOLD_DISSOLVED');
  });

  it('refuses a write on a household outside the officer\'s communes', async () => {
    const elsewhere = await api.token('commune-officer', ['07909']);
    const res = await api.http.post('/api/v1/households/life-a/causes').set(auth(elsewhere))
      .send({ recordedOn: '2025-02-02', causes: ['illness'], needGroups: ['health'] }).expect(403);
    expect(res.body.code).toBe('OUTSIDE_AREA');
  });
});
