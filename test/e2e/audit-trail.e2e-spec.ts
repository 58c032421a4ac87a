import { EVENT_STORE, EventStore } from '@pl/event-store';
import { ApiHarness, registration, startApi } from '../support/api-harness';

type Entry = { position: number; streamId: string; type: string; actor: { id: string; role: string; unit: string | null }; legalBasis: { number: string } | null; correlationId: string; causationId: string; data: Record<string, unknown> };

/** The inspectorate follows households, batches, communes and people through the log. */
describe('audit trail over HTTP', () => {
  let api: ApiHarness;
  let officer: string;
  let reviewer: string;
  let auditor: string;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const REASON = 'Thanh tra xác minh danh sách hộ nghèo 2023';
  const trail = (query: string, token = auditor, reason: string | null = REASON) => {
    const req = api.http.get(`/api/v1/audit/trail?${query}`).set(auth(token));
    return reason === null ? req : req.set('x-access-reason', encodeURIComponent(reason));
  };
  const accessLog = async (householdId: string) => api.app.get<EventStore>(EVENT_STORE).readStream(`access-log-${householdId}`).catch(() => []);
  let batchPosition = 0;

  beforeAll(async () => {
    api = await startApi({ MIN_POSITION_WAIT_MS: '2000' });
    officer = await api.token('commune-officer', ['07900', '07906'], 'officer-lan');
    reviewer = await api.token('reviewer', ['25'], 'reviewer-minh');
    auditor = await api.token('auditor', ['25'], 'auditor-hoa');
    for (const [id, commune] of [['trail-a', '07900'], ['trail-b', '07900'], ['trail-c', '07906']]) {
      await api.http.post('/api/v1/households').set(auth(officer))
        .send(registration({ householdId: id, registeredOn: '2023-03-01', address: { communeCode: commune, village: 'Xóm Chiềng' } })).expect(201);
    }
    for (const id of ['trail-a', 'trail-b']) {
      await api.http.post(`/api/v1/households/${id}/assessments`).set(auth(officer))
        .send({ reviewKind: 'periodic', surveyor: 'Đinh Thị Lan', reviewYear: 2023, assessedOn: '2023-10-01', incomePerPersonMonthly: 1_000_000, deficientIndicators: ['nutrition', 'housing-area', 'latrine'] }).expect(201);
    }
    const batch = await api.http.post('/api/v1/recognitions').set(auth(reviewer)).send({
      decision: { number: '125/QĐ-UBND', date: '2023-12-20', issuer: 'UBND xã Thạch Khoán' }, reviewYear: 2023, reviewKind: 'periodic', communeCode: '07900',
      entries: [{ householdId: 'trail-a', to: 'poor' }, { householdId: 'trail-b', to: 'poor' }],
    }).expect(200);
    batchPosition = batch.body.position;
  }, 60_000);
  afterAll(() => api.close());

  it('gives a household\'s whole trail with who, when and why, personal data opened for the auditor and the read recorded', async () => {
    const res = await trail(`householdId=trail-a&minPosition=${batchPosition}`).expect(200);
    const entries = res.body.entries as Entry[];
    expect(entries.map((e) => e.type)).toEqual(['HouseholdRegistered.v1', expect.stringMatching(/^HouseholdAssessed\.v\d+$/), 'HouseholdRecognised.v1']);
    expect(entries[0]).toMatchObject({ actor: { id: 'officer-lan', role: 'commune-officer' }, recordedAt: expect.any(String), data: { personal: { headName: 'Hà Văn Sơn' } } });
    expect(entries[2]).toMatchObject({ actor: { id: 'reviewer-minh' }, legalBasis: { number: '125/QĐ-UBND' } });
    const log = await accessLog('trail-a');
    expect(log.map((e) => e.data)).toEqual([expect.objectContaining({ subject: 'auditor-hoa', reason: REASON, route: 'GET /api/v1/audit/trail' })]);
  });

  it('refuses personal data without a stated reason and records nothing', async () => {
    const before = (await accessLog('trail-b')).length;
    expect((await trail('householdId=trail-b', auditor, null).expect(400)).body.code).toBe('ACCESS_REASON_REQUIRED');
    expect(await accessLog('trail-b')).toHaveLength(before);
  });

  it('follows a batch recognition by its correlation id to each household it touched', async () => {
    const recognised = ((await trail('householdId=trail-a').expect(200)).body.entries as Entry[]).find((e) => e.type === 'HouseholdRecognised.v1') as Entry;
    const res = await trail(`correlationId=${recognised.correlationId}&minPosition=${batchPosition}`).expect(200);
    const entries = res.body.entries as Entry[];
    expect(entries.filter((e) => e.type === 'HouseholdRecognised.v1').map((e) => e.streamId).sort()).toEqual(['household-trail-a', 'household-trail-b']);
    expect(entries.every((e) => e.correlationId === recognised.correlationId)).toBe(true);
  });

  it('gives a commune\'s trail: its households\' events and nothing of other communes', async () => {
    const entries = (await trail(`communeCode=07900&minPosition=${batchPosition}`).expect(200)).body.entries as Entry[];
    expect(new Set(entries.map((e) => e.streamId))).toEqual(new Set(['household-trail-a', 'household-trail-b']));
    expect(entries.map((e) => e.position)).toEqual([...entries.map((e) => e.position)].sort((a, b) => a - b));
  });

  it('gives an actor\'s trail, paged with a cursor', async () => {
    const first = (await trail(`actorId=officer-lan&limit=3&minPosition=${batchPosition}`).expect(200)).body;
    expect(first.entries).toHaveLength(3);
    const second = (await trail(`actorId=officer-lan&limit=3&cursor=${first.nextCursor}`).expect(200)).body;
    const all = [...first.entries, ...second.entries] as Entry[];
    expect(all).toHaveLength(5);
    expect(all.every((e) => e.actor.id === 'officer-lan')).toBe(true);
    expect(second.nextCursor).toBeUndefined();
  });

  it('exports the same trail as CSV with a byte-order mark and Vietnamese intact', async () => {
    const res = await trail('householdId=trail-a&format=csv').buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const text = (res.body as Buffer).toString('utf8');
    expect(text.startsWith('\uFEFFposition,recordedAt')).toBe(true);
    expect(text).toContain('125/QĐ-UBND');
    expect(text).toContain('Hà Văn Sơn');
    expect(text.trim().split('\n')).toHaveLength(4);
  });

  it('refuses a subject outside the auditor\'s area with 403, and a query without exactly one subject with 400', async () => {
    const local = await api.token('auditor', ['07906'], 'auditor-local');
    expect((await trail('householdId=trail-a', local).expect(403)).body.code).toBe('OUTSIDE_AREA');
    expect((await trail('communeCode=07900', local).expect(403)).body.code).toBe('OUTSIDE_AREA');
    expect((await trail('householdId=trail-a&communeCode=07900').expect(400)).body.code).toBe('ONE_SUBJECT_REQUIRED');
    expect((await trail('householdId=trail-a', officer).expect(403)).body.code).toBe('ROLE_NOT_PERMITTED');
    const outside = (await trail('actorId=officer-lan', local).expect(200)).body.entries as Entry[];
    expect(outside.map((e) => e.streamId)).toEqual(['household-trail-c']);
  });

  it('reads erased personal data as erased', async () => {
    const admin = await api.token('administrator', ['25']);
    const receipt = await api.http.post('/api/v1/households/trail-c/erasure').set(auth(admin))
      .send({ legalBasis: { number: '12/QĐ-UBND', date: '2026-01-28', issuer: 'UBND xã' }, reason: 'the data subject withdrew consent' }).expect(200);
    const entries = (await trail(`householdId=trail-c&minPosition=${receipt.body.position}`).expect(200)).body.entries as Entry[];
    expect(entries[0].data.personal).toEqual({ erased: true });
    expect(entries.map((e) => e.type)).toContain('HouseholdPersonalDataErased.v1');
  });
});
