import { EVENT_STORE, EventStore, RecordedEvent } from '@pl/event-store';
import { ApiHarness, registration, startApi } from '../support/api-harness';

/** Household support over HTTP: one-off grants under concurrency, loan rates, exceptions, citations, and figures that match the log. */
describe('support over HTTP', () => {
  let api: ApiHarness;
  let officer: string;
  let reviewer: string;
  let reporter: string;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const decision = { number: '125/QĐ-UBND', date: '2024-06-01', issuer: 'UBND xã Giáp Lai' };
  const smartphone = (overrides: Record<string, unknown> = {}) => ({
    kind: 'smartphone', grantedOn: '2024-06-10', fund: 'public-utility-telecom-fund', decision, amount: 500_000, form: 'cash', ...overrides,
  });
  const grant = (householdId: string, body: Record<string, unknown>) => api.http.post(`/api/v1/households/${householdId}/grants`).set(auth(officer)).send(body);
  const assess = (householdId: string, body: Record<string, unknown>) =>
    api.http.post(`/api/v1/households/${householdId}/assessments`).set(auth(officer))
      .send({ reviewKind: 'periodic', surveyor: 'Đinh Thị Lan', deficientIndicators: [], ...body }).expect(201);
  const decide = (date: string, reviewYear: number, entries: { householdId: string; to: string }[]) =>
    api.http.post('/api/v1/recognitions').set(auth(reviewer))
      .send({ decision: { number: `${reviewYear}/QĐ-UBND`, date, issuer: 'UBND xã Giáp Lai' }, reviewYear, reviewKind: 'periodic', communeCode: '07906', entries })
      .expect(200);
  const allEvents = async (): Promise<RecordedEvent[]> => {
    const out: RecordedEvent[] = [];
    for await (const batch of api.app.get<EventStore>(EVENT_STORE).readAll()) out.push(...batch);
    return out;
  };
  const grantsOf = (events: readonly RecordedEvent[], householdId: string) =>
    events.filter((e) => e.type === 'HouseholdSupportGranted.v1' && (e.data as { householdId: string }).householdId === householdId);

  beforeAll(async () => {
    api = await startApi({ MIN_POSITION_WAIT_MS: '2000' });
    officer = await api.token('commune-officer', ['07906']);
    reviewer = await api.token('reviewer', ['25']);
    reporter = await api.token('reporter', ['*']);
    for (const id of ['s-poor-1', 's-poor-2', 's-near', 's-none', 's-esc']) {
      await api.http.post('/api/v1/households').set(auth(officer)).send(registration({ householdId: id, registeredOn: '2023-03-01' })).expect(201);
    }
    const poor = { reviewYear: 2023, assessedOn: '2023-10-01', incomePerPersonMonthly: 1_000_000, deficientIndicators: ['nutrition', 'housing-area', 'latrine'] };
    for (const id of ['s-poor-1', 's-poor-2', 's-esc']) await assess(id, poor);
    await assess('s-near', { reviewYear: 2023, assessedOn: '2023-10-02', incomePerPersonMonthly: 1_200_000, deficientIndicators: ['latrine'] });
    await decide('2023-12-20', 2023, [
      { householdId: 's-poor-1', to: 'poor' }, { householdId: 's-poor-2', to: 'poor' }, { householdId: 's-esc', to: 'poor' }, { householdId: 's-near', to: 'near-poor' },
    ]);
    await assess('s-esc', { reviewYear: 2024, assessedOn: '2024-10-01', incomePerPersonMonthly: 2_100_000 });
    await decide('2024-12-18', 2024, [{ householdId: 's-esc', to: 'escaped' }]);
  });
  afterAll(() => api.close());

  it('gives a poor household one smartphone and refuses a second with 422 ALREADY_GRANTED', async () => {
    const first = await grant('s-poor-1', smartphone({ grantId: 'g-poor-1' })).expect(201);
    expect(first.body).toEqual({
      householdId: 's-poor-1', grantId: 'g-poor-1', revision: expect.any(Number), position: expect.any(Number),
      priorityGroup: 'poor', exceptionRecorded: false, overrides: [],
    });
    const second = await grant('s-poor-1', smartphone({ grantedOn: '2024-07-01' })).expect(422);
    expect(second.body).toMatchObject({ code: 'ALREADY_GRANTED', message: expect.stringContaining('g-poor-1') });
  });

  it('of 50 concurrent smartphone grants to one household, appends exactly one and refuses 49 with ALREADY_GRANTED', async () => {
    const before = await allEvents();
    const answers = await Promise.all(Array.from({ length: 50 }, () => grant('s-poor-2', smartphone())));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 422 && a.body.code === 'ALREADY_GRANTED')).toHaveLength(49);

    const after = await allEvents();
    const added = after.slice(before.length);
    expect(added.map((e) => e.streamId)).toEqual(['household-s-poor-2']);
    expect(grantsOf(after, 's-poor-2')).toHaveLength(1);
  });

  it('lends to a household escaped within three years at 125 % of the poor rate: 8.25 %', async () => {
    const loan = await api.http.post('/api/v1/households/s-esc/loans').set(auth(officer)).send({
      loanId: 'loan-esc-1', programme: 'poor-household-lending', amount: 50_000_000, termMonths: 60, disbursedOn: '2025-03-01', fund: 'vbsp',
      decision: { ...decision, date: '2025-02-20' },
    }).expect(201);
    expect(loan.body).toMatchObject({ householdId: 's-esc', loanId: 'loan-esc-1', annualRatePercent: 8.25, borrowerCategory: 'newly-escaped', exceptionRecorded: false });
    const repaid = await api.http.post('/api/v1/households/s-esc/loans/loan-esc-1/repayments').set(auth(officer))
      .send({ amount: 5_000_000, paidOn: '2025-09-01' }).expect(201);
    expect(repaid.body).toMatchObject({ balanceAfter: 45_000_000, settled: false });
  });

  it('refuses an ineligible grant with its reason, then accepts it under an exception and lists it in the ledger', async () => {
    const refused = await grant('s-none', smartphone()).expect(422);
    expect(refused.body).toMatchObject({ code: 'NOT_ELIGIBLE_ON_GRANT_DATE', message: expect.stringContaining('not-listed') });

    const exception = { legalBasis: { number: '45/QĐ-UBND', date: '2024-05-20' }, reason: 'household hit by the 2024 flood, listed by the district' };
    const accepted = await grant('s-none', smartphone({ grantId: 'g-none-1', exception })).expect(201);
    expect(accepted.body).toMatchObject({ exceptionRecorded: true, overrides: ['NOT_ELIGIBLE_ON_GRANT_DATE'], priorityGroup: 'other' });

    const ledger = await api.http.get(`/api/v1/support/ledger?communeCode=07906&year=2024&minPosition=${accepted.body.position}`).set(auth(officer)).expect(200);
    expect(ledger.body.exceptions).toEqual([
      { householdId: 's-none', ref: 'g-none-1', kind: 'smartphone', on: '2024-06-10', communeCode: '07906', exception: { ...exception, overrides: ['NOT_ELIGIBLE_ON_GRANT_DATE'] } },
    ]);
  });

  it('refuses a grant citing a revoked directive, or one never recorded, with 422', async () => {
    await api.http.post('/api/v1/directives').set(auth(reviewer)).send({
      directiveId: 'cv-715-2024', number: '715/STTTT-TTBCXB', kind: 'cong-van', issuer: { name: 'Sở Thông tin và Truyền thông' }, areaCode: '25',
      issuedOn: '2024-03-01', subject: 'V/v hỗ trợ điện thoại thông minh', recipients: [{ id: 'ubnd-giap-lai', name: 'UBND xã Giáp Lai' }],
    }).expect(201);
    await api.http.post('/api/v1/directives/cv-715-2024/revocation').set(auth(reviewer))
      .send({ revokedOn: '2024-05-01', byDocument: '901/STTTT-TTBCXB', reason: 'replaced' }).expect(201);

    const revoked = await grant('s-near', smartphone({ decision: { ...decision, directiveId: 'cv-715-2024' } })).expect(422);
    expect(revoked.body.code).toBe('DIRECTIVE_REVOKED');
    const unknown = await grant('s-near', smartphone({ decision: { ...decision, directiveId: 'no-such-directive' } })).expect(422);
    expect(unknown.body.code).toBe('DIRECTIVE_NOT_FOUND');
    expect(grantsOf(await allEvents(), 's-near')).toHaveLength(0);
  });

  it('answers ledger totals and coverage that agree with a recomputation from the log', async () => {
    await grant('s-near', smartphone({ grantId: 'g-near-1', amount: 400_000 })).expect(201);
    const events = await allEvents();
    const head = events[events.length - 1].position;
    const paid = events.filter((e) => e.type === 'HouseholdSupportGranted.v1' || e.type === 'HouseholdLoanDisbursed.v1')
      .map((e) => e.data as { amount: number; grantedOn?: string; disbursedOn?: string; kind?: string; fund: string });
    const in2024 = paid.filter((p) => (p.grantedOn ?? p.disbursedOn ?? '').startsWith('2024'));

    const commune = await api.http.get(`/api/v1/support/ledger?communeCode=07906&year=2024&minPosition=${head}`).set(auth(officer)).expect(200);
    expect(commune.body.total).toEqual({ count: in2024.length, amount: in2024.reduce((n, p) => n + p.amount, 0) });
    expect(commune.body.total).toEqual({ count: 4, amount: 1_900_000 });

    const telecom = in2024.filter((p) => p.fund === 'public-utility-telecom-fund');
    const fund = await api.http.get(`/api/v1/support/ledger?fund=public-utility-telecom-fund&year=2024&minPosition=${head}`).set(auth(reporter)).expect(200);
    expect(fund.body.lines).toEqual([{ kind: 'smartphone', year: 2024, count: telecom.length, amount: telecom.reduce((n, p) => n + p.amount, 0) }]);

    const household = await api.http.get(`/api/v1/support/ledger?householdId=s-esc&minPosition=${head}`).set(auth(officer)).expect(200);
    expect(household.body.lines).toEqual([{ kind: 'preferential-credit', year: 2025, count: 1, amount: 50_000_000 }]);

    // Eligible on a date: listed poor or near-poor by the last decision dated on or before it; covered: granted a smartphone by then.
    const coverageFromLog = (asOf: string) => {
      const status = new Map<string, { date: string; to: string }>();
      for (const e of events.filter((x) => x.type === 'HouseholdRecognised.v1')) {
        const d = e.data as { householdId: string; to: string; decision: { date: string } };
        const was = status.get(d.householdId);
        if (d.decision.date <= asOf && (!was || was.date <= d.decision.date)) status.set(d.householdId, { date: d.decision.date, to: d.to });
      }
      const eligible = [...status].filter(([, s]) => s.to === 'poor' || s.to === 'near-poor').map(([id]) => id);
      const phones = new Set(events.filter((e) => e.type === 'HouseholdSupportGranted.v1')
        .map((e) => e.data as { householdId: string; kind: string; grantedOn: string })
        .filter((g) => g.kind === 'smartphone' && g.grantedOn <= asOf).map((g) => g.householdId));
      return { eligible: eligible.length, covered: eligible.filter((id) => phones.has(id)).length };
    };
    const coverage = await api.http.get(`/api/v1/support/coverage?communeCode=07906&kind=smartphone&asOf=2024-12-31&minPosition=${head}`).set(auth(officer)).expect(200);
    expect(coverage.body).toMatchObject({ ...coverageFromLog('2024-12-31'), grantedHere: 3, coveragePercent: 100, uncoveredHouseholdIds: [] });
    expect(coverageFromLog('2024-12-31')).toEqual({ eligible: 3, covered: 3 });
    const earlier = await api.http.get(`/api/v1/support/coverage?communeCode=07906&asOf=2024-06-01&minPosition=${head}`).set(auth(officer)).expect(200);
    expect(earlier.body).toMatchObject({ ...coverageFromLog('2024-06-01'), coveragePercent: 0 });
    expect(coverageFromLog('2024-06-01')).toEqual({ eligible: 4, covered: 0 });
  });

  it('keeps support writes to the household\'s commune and fund totals to national readers', async () => {
    const elsewhere = await api.token('commune-officer', ['07909']);
    const res = await api.http.post('/api/v1/households/s-near/grants').set(auth(elsewhere)).send(smartphone()).expect(403);
    expect(res.body.code).toBe('OUTSIDE_AREA');
    await api.http.get('/api/v1/support/ledger?fund=vbsp&year=2025').set(auth(officer)).expect(403);
    await api.http.get('/api/v1/support/ledger?communeCode=07906').set(auth(officer)).expect(400);
  });

  it('records area activities on the commune\'s own stream and refuses counts that do not add up', async () => {
    const radio = await api.http.post('/api/v1/communes/07906/radio-upgrades').set(auth(officer)).send({
      activityId: 'radio-2023-01', completedOn: '2023-11-30', stations: 1, loudspeakerClusters: 12, cost: 350_000_000, fund: 'national-target-programme', decision,
    }).expect(201);
    expect(radio.body).toEqual({ communeCode: '07906', activityId: 'radio-2023-01', revision: 0, position: expect.any(Number) });
    await api.http.post('/api/v1/communes/07906/activities').set(auth(officer))
      .send({ kind: 'training', heldOn: '2023-04-12', participants: 300, topic: 'giảm nghèo về thông tin' }).expect(201);
    const counts = await api.http.post('/api/v1/communes/07906/household-counts').set(auth(officer))
      .send({ year: 2024, total: 1200, urban: 150, rural: 1000, ethnicMinority: 640, source: 'commune statistics 2024', recordedOn: '2025-01-10' }).expect(400);
    expect(counts.body.code).toBe('INVALID_HOUSEHOLD_COUNT');
    await api.http.post('/api/v1/communes/07909/activities').set(auth(officer))
      .send({ kind: 'communication', heldOn: '2023-04-12', participants: 30, topic: 'loa truyền thanh' }).expect(403);
  });
});
