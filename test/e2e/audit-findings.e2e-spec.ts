import { ApiHarness, registration, startApi } from '../support/api-harness';

/** Audit findings over HTTP: exceptions and late corrections found, reviewed by auditors within their areas. */
describe('audit findings over HTTP', () => {
  let api: ApiHarness;
  let officer: string;
  let reviewer: string;
  let auditor: string;
  let auditorElsewhere: string;
  let provinceAuditor: string;
  let head = 0;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const decision = { number: '125/QĐ-UBND', date: '2024-02-01', issuer: 'UBND xã Giáp Lai' };
  const smartphone = (overrides: Record<string, unknown>) => ({
    kind: 'smartphone', grantedOn: '2024-03-01', fund: 'public-utility-telecom-fund', decision, amount: 500_000, form: 'cash', ...overrides,
  });
  const assess = (householdId: string, body: Record<string, unknown>) =>
    api.http.post(`/api/v1/households/${householdId}/assessments`).set(auth(officer)).send({ surveyor: 'Đinh Thị Lan', deficientIndicators: [], ...body }).expect(201);
  const decide = async (date: string, reviewYear: number, reviewKind: string, entries: { householdId: string; to: string }[]) => {
    const res = await api.http.post('/api/v1/recognitions').set(auth(reviewer))
      .send({ decision: { number: `${date.slice(5, 7)}/QĐ-UBND`, date, issuer: 'UBND xã Giáp Lai' }, reviewYear, reviewKind, communeCode: '07906', entries }).expect(200);
    expect(res.body.totals.refused).toBe(0);
    head = Math.max(head, res.body.position as number);
  };
  const grant = async (householdId: string, body: Record<string, unknown>) => {
    const res = await api.http.post(`/api/v1/households/${householdId}/grants`).set(auth(officer)).send(body).expect(201);
    head = Math.max(head, res.body.position as number);
  };
  const findings = (token: string, query: string) => api.http.get(`/api/v1/audit/findings?minPosition=${head}&${query}`).set(auth(token));
  const one = (token: string, id: string) => api.http.get(`/api/v1/audit/findings/${encodeURIComponent(id)}?minPosition=${head}`).set(auth(token));
  const NOT_ELIGIBLE_POOR = 'finding:grant-not-eligible-on-date:household-af-poor:g-poor';
  const NOT_ELIGIBLE_NONE = 'finding:grant-not-eligible-on-date:household-af-none:g-none';
  const path = (id: string, step = '') => `/api/v1/audit/findings/${encodeURIComponent(id)}${step}`;

  beforeAll(async () => {
    api = await startApi({ MIN_POSITION_WAIT_MS: '2000' });
    officer = await api.token('commune-officer', ['07906']);
    reviewer = await api.token('reviewer', ['25']);
    auditor = await api.token('auditor', ['07906']);
    auditorElsewhere = await api.token('auditor', ['07909']);
    provinceAuditor = await api.token('auditor', ['25'], 'auditor-25');
    for (const id of ['af-poor', 'af-none']) {
      await api.http.post('/api/v1/households').set(auth(officer)).send(registration({ householdId: id, registeredOn: '2023-03-01' })).expect(201);
    }
    await assess('af-poor', { reviewYear: 2023, reviewKind: 'periodic', assessedOn: '2023-10-01', incomePerPersonMonthly: 1_000_000, deficientIndicators: ['nutrition', 'housing-area', 'latrine'] });
    await decide('2023-12-20', 2023, 'periodic', [{ householdId: 'af-poor', to: 'poor' }]);
  });
  afterAll(() => api.close());

  it('lists a grant under an exception as exception-granted and, the household not being listed, grant-not-eligible-on-date', async () => {
    const exception = { legalBasis: { number: '45/QĐ-UBND', date: '2024-02-20' }, reason: 'household hit by the flood, listed by the district' };
    await grant('af-none', smartphone({ grantId: 'g-none', exception }));
    const res = await findings(auditor, 'areaCode=07906').expect(200);
    const ofNone = res.body.items.filter((f: { householdId?: string }) => f.householdId === 'af-none');
    expect(ofNone.map((f: { ruleId: string; severity: string }) => [f.ruleId, f.severity])).toEqual([['exception-granted', 'low'], ['grant-not-eligible-on-date', 'high']]);
    expect(ofNone[1]).toMatchObject({
      id: 'finding:grant-not-eligible-on-date:household-af-none:g-none', status: 'open', communeCode: '07906', provinceCode: '25', fund: 'public-utility-telecom-fund',
      evidence: [{ streamId: 'household-af-none', type: 'HouseholdSupportGranted.v1', position: expect.any(Number), revision: 1, eventId: expect.any(String) }],
    });
  });

  it('finds a grant made while poor once a correction recorded later, dated before the grant, takes the household off the lists', async () => {
    await assess('af-poor', { reviewYear: 2024, reviewKind: 'regular', assessedOn: '2024-02-10', incomePerPersonMonthly: 2_400_000 });
    await grant('af-poor', smartphone({ grantId: 'g-poor' }));
    expect((await one(auditor, NOT_ELIGIBLE_POOR)).status).toBe(404);
    await decide('2024-02-15', 2024, 'regular', [{ householdId: 'af-poor', to: 'escaped' }]);
    const res = await one(auditor, NOT_ELIGIBLE_POOR).expect(200);
    expect(res.body).toMatchObject({ ruleId: 'grant-not-eligible-on-date', status: 'open', householdId: 'af-poor', message: expect.stringContaining('escaped') });
    expect(res.body.evidence.map((e: { type: string }) => e.type)).toEqual(['HouseholdSupportGranted.v1', 'HouseholdRecognised.v1']);
  });

  it('lets an auditor of the area acknowledge the finding once, and shows it acknowledged', async () => {
    const ack = await api.http.post(path(NOT_ELIGIBLE_NONE, '/acknowledgement')).set(auth(auditor))
      .send({ note: 'the commune recovers the phone' }).expect(201);
    expect(ack.body).toEqual({ findingId: NOT_ELIGIBLE_NONE, revision: 0, position: expect.any(Number) });
    head = ack.body.position;
    expect((await one(auditor, NOT_ELIGIBLE_NONE).expect(200)).body).toMatchObject({
      status: 'acknowledged', acknowledgement: { note: 'the commune recovers the phone', by: 'auditor-1', position: head },
    });
    const again = await api.http.post(path(NOT_ELIGIBLE_NONE, '/acknowledgement')).set(auth(auditor)).send({ note: 'again' }).expect(409);
    expect(again.body.code).toBe('FINDING_ALREADY_ACKNOWLEDGED');
    const unknown = await api.http.post('/api/v1/audit/findings/finding%3Aloan-wrong-rate%3Ahousehold-af-poor%3Ano-loan/acknowledgement').set(auth(auditor)).send({ note: 'seen' }).expect(404);
    expect(unknown.body.code).toBe('FINDING_NOT_FOUND');
  });

  it('filters by area, rule and status', async () => {
    const acknowledged = await findings(auditor, 'status=acknowledged').expect(200);
    expect(acknowledged.body.items.map((f: { id: string }) => f.id)).toEqual([NOT_ELIGIBLE_NONE]);
    const exceptions = await findings(provinceAuditor, 'ruleId=exception-granted&areaCode=25').expect(200);
    expect(exceptions.body.items.map((f: { householdId: string }) => f.householdId)).toEqual(['af-none']);
    const open = await findings(auditor, 'status=open&areaCode=07906').expect(200);
    expect(open.body.items.map((f: { id: string }) => f.id)).toContain('finding:exception-granted:household-af-none:g-none');
    expect(open.body.items.map((f: { id: string }) => f.id)).not.toContain(NOT_ELIGIBLE_NONE);
    const paged = await findings(auditor, 'areaCode=07906&limit=1').expect(200);
    const next = await findings(auditor, `areaCode=07906&limit=1&cursor=${paged.body.nextCursor}`).expect(200);
    expect(next.body.items).toHaveLength(1);
    expect(next.body.items[0].id > paged.body.items[0].id).toBe(true);
    await findings(auditor, 'ruleId=no-such-rule').expect(400);
    await findings(auditor, 'areaCode=25').expect(403);
  });

  it('answers 403 outside the auditor\'s areas and to roles that do not audit', async () => {
    expect((await one(auditorElsewhere, NOT_ELIGIBLE_NONE).expect(403)).body.code).toBe('OUTSIDE_AREA');
    await findings(auditorElsewhere, 'areaCode=07906').expect(403);
    expect((await findings(auditorElsewhere, '').expect(200)).body.items).toEqual([]);
    await api.http.post(path(NOT_ELIGIBLE_NONE, '/explanation')).set(auth(auditorElsewhere)).send({ explanation: 'no' }).expect(403);
    expect((await findings(officer, '').expect(403)).body.code).toBe('ROLE_NOT_PERMITTED');
    await api.http.post(path(NOT_ELIGIBLE_NONE, '/acknowledgement')).set(auth(officer)).send({ note: 'x' }).expect(403);
  });
});
