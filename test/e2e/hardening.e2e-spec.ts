import { ApiHarness, registration, startApi } from '../support/api-harness';

const ALLOWED_ORIGIN = 'https://registry.example.vn';

describe('HTTP hardening', () => {
  let api: ApiHarness;
  let officer: string;

  beforeAll(async () => {
    api = await startApi({ CORS_ORIGINS: ALLOWED_ORIGIN });
    officer = await api.token('commune-officer', ['07906']);
  });
  afterAll(() => api.close());

  it('answers with secure headers and without x-powered-by', async () => {
    const res = await api.http.get('/health').expect(200);
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringContaining('max-age='),
      'referrer-policy': 'no-referrer',
    });
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('given an unknown route, then 404 ROUTE_NOT_FOUND with no stack or internals', async () => {
    const res = await api.http.get('/api/v1/no-such-thing').set('authorization', `Bearer ${officer}`).expect(404);
    expect(res.body).toEqual({ statusCode: 404, code: 'ROUTE_NOT_FOUND', message: expect.any(String) });
    expect(res.text).not.toMatch(/\bat .+\.(ts|js):\d+|node_modules|stack/);
  });

  it('given a preflight from an unconfigured origin, then no allow-origin header; from the configured one, it is allowed', async () => {
    const preflight = (origin: string) => api.http.options('/api/v1/households')
      .set('origin', origin).set('access-control-request-method', 'POST').set('access-control-request-headers', 'authorization,content-type');
    expect((await preflight('https://attacker.example')).headers['access-control-allow-origin']).toBeUndefined();
    expect((await preflight(ALLOWED_ORIGIN)).headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
  });

  it('when a JSON route receives text/plain, then 415 and nothing is stored', async () => {
    const head = async () => (await api.http.get('/health/ready').expect(200)).body.eventStore.head as number;
    const before = await head();
    const res = await api.http.post('/api/v1/households').set('authorization', `Bearer ${officer}`)
      .set('content-type', 'text/plain').send(JSON.stringify(registration())).expect(415);
    expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(res.text).not.toMatch(/stack|node_modules/);
    expect(await head()).toBe(before);
  });
});

describe('rate limiting', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi({ RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(() => api.close());

  it('given a limit of 5 a minute, when a client sends a 6th request, then 429 RATE_LIMITED with Retry-After', async () => {
    const token = await api.token('commune-officer', ['07906']);
    for (let i = 0; i < 5; i++) await api.http.get('/api/v1/households/none').set('authorization', `Bearer ${token}`).expect(404);
    const limited = await api.http.get('/api/v1/households/none').set('authorization', `Bearer ${token}`).expect(429);
    expect(limited.body).toEqual({ statusCode: 429, code: 'RATE_LIMITED', message: expect.any(String) });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('counts per token subject: another subject still gets through', async () => {
    const other = await api.token('commune-officer', ['07906'], 'officer-2');
    await api.http.get('/api/v1/households/none').set('authorization', `Bearer ${other}`).expect(404);
  });
});
