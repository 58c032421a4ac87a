import { ApiHarness, registration, startApi } from '../support/api-harness';

describe('households over HTTP', () => {
  let api: ApiHarness;
  let officer: string;

  beforeAll(async () => {
    api = await startApi({ MIN_POSITION_WAIT_MS: '300' });
    officer = await api.token('commune-officer', ['07906']);
  });
  afterAll(() => api.close());

  const head = async () => (await api.http.get('/health/ready').expect(200)).body.eventStore.head as number;

  it('registers a household and reads it back at the position the write answered', async () => {
    const created = await api.http.post('/api/v1/households').set('authorization', `Bearer ${officer}`).send(registration()).expect(201);
    expect(created.body).toEqual({ householdId: expect.any(String), revision: 0, position: expect.any(Number) });

    const read = await api.http
      .get(`/api/v1/households/${created.body.householdId}?minPosition=${created.body.position}`)
      .set('authorization', `Bearer ${officer}`)
      .expect(200);
    expect(read.body).toMatchObject({
      householdId: created.body.householdId, communeCode: '07906', provinceCode: '25', status: 'not-listed', memberCount: 4,
      ethnicMinority: true, position: created.body.position,
      personal: { headName: 'Hà Văn Sơn', ethnicity: 'Mường' },
    });
  });

  it('answers 404 with a code for a household that does not exist', async () => {
    const res = await api.http.get('/api/v1/households/no-such-household').set('authorization', `Bearer ${officer}`).expect(404);
    expect(res.body).toMatchObject({ code: 'HOUSEHOLD_NOT_FOUND' });
  });

  it('replays the first answer for a retried Idempotency-Key and appends nothing', async () => {
    const body = registration({ memberCount: 3 });
    const first = await api.http.post('/api/v1/households').set('authorization', `Bearer ${officer}`).set('idempotency-key', 'register-0001-aaaa').send(body).expect(201);
    const before = await head();
    const again = await api.http.post('/api/v1/households').set('authorization', `Bearer ${officer}`).set('idempotency-key', 'register-0001-aaaa').send(body).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await head()).toBe(before);
  });

  it('refuses the same Idempotency-Key with another body (422) and stores nothing', async () => {
    await api.http.post('/api/v1/households').set('authorization', `Bearer ${officer}`).set('idempotency-key', 'register-0002-bbbb').send(registration()).expect(201);
    const before = await head();
    const res = await api.http.post('/api/v1/households').set('authorization', `Bearer ${officer}`).set('idempotency-key', 'register-0002-bbbb')
      .send(registration({ memberCount: 9 })).expect(422);
    expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await head()).toBe(before);
  });

  it.each([
    ['an unknown field', registration({ favouriteColour: 'blue' }), /favouriteColour should not exist/],
    ['a wrong type', registration({ memberCount: 'four' }), /memberCount/],
    ['a missing field', (() => { const b = registration(); delete b.areaType; return b; })(), /areaType/],
    ['a nested unknown field', registration({ head: { name: 'A', $where: 'x' } }), /should not exist/],
  ])('refuses %s with 400 and stores nothing', async (_what, body, message) => {
    const before = await head();
    const res = await api.http.post('/api/v1/households').set('authorization', `Bearer ${officer}`).send(body).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', message: expect.stringMatching(message) });
    expect(await head()).toBe(before);
  });

  it('refuses malformed JSON and an oversized body with clear codes', async () => {
    const before = await head();
    const bad = await api.http.post('/api/v1/households').set('authorization', `Bearer ${officer}`).set('content-type', 'application/json').send('{"address": ').expect(400);
    expect(bad.body.code).toBe('MALFORMED_JSON');
    const huge = await api.http.post('/api/v1/households').set('authorization', `Bearer ${officer}`)
      .send(registration({ head: { name: 'x'.repeat(2_000_000) } })).expect(413);
    expect(huge.body.code).toBe('BODY_TOO_LARGE');
    expect(await head()).toBe(before);
  });

  it('refuses a request without a token (401) and outside the officer\'s commune (403)', async () => {
    const anonymous = await api.http.post('/api/v1/households').send(registration()).expect(401);
    expect(anonymous.body.code).toBe('TOKEN_MISSING');
    const elsewhere = await api.http.post('/api/v1/households').set('authorization', `Bearer ${officer}`)
      .send(registration({ address: { communeCode: '07909', village: 'Xóm Mới' } })).expect(403);
    expect(elsewhere.body.code).toBe('OUTSIDE_AREA');
  });

  it('answers 503 when a read waits for a position the read models never reach', async () => {
    const res = await api.http.get('/api/v1/households/anything?minPosition=999999999').set('authorization', `Bearer ${officer}`).set('x-test', '1');
    expect([503]).toContain(res.status);
    expect(res.body.code).toBe('READ_MODEL_BEHIND');
  }, 15_000);
});
