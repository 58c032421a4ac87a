import { ApiHarness, registration, startApi } from '../support/api-harness';

const HEAD_NAME = 'Đinh Thị Hoa';

describe('an erasure leaves the statistics and takes the name out of exports', () => {
  let api: ApiHarness;
  let officer: string;
  let reviewer: string;
  let reporter: string;
  let householdId: string;
  let position = 0;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const statistics = async () => {
    const res = await api.http.get(`/api/v1/statistics/poverty?areaCode=07906&year=2024&minPosition=${position}`).set(bearer(reporter)).expect(200);
    const { position: _at, ...figures } = res.body as Record<string, unknown>;
    return figures;
  };
  const exportCsv = async () =>
    (await api.http.get(`/api/v1/registry/export?format=csv&communeCode=07906&minPosition=${position}`).set(bearer(officer)).expect(200)).text;

  beforeAll(async () => {
    api = await startApi();
    officer = await api.token('commune-officer', ['07906']);
    reviewer = await api.token('reviewer', ['25']);
    reporter = await api.token('reporter', ['25']);
    householdId = (await api.http.post('/api/v1/households').set(bearer(officer))
      .send(registration({ head: { name: HEAD_NAME, ethnicity: 'Mường' } })).expect(201)).body.householdId;
    await api.http.post(`/api/v1/households/${householdId}/assessments`).set(bearer(officer)).send({
      reviewYear: 2024, reviewKind: 'periodic', assessedOn: '2024-10-01', incomePerPersonMonthly: 1_000_000,
      deficientIndicators: ['employment', 'nutrition', 'latrine'], surveyor: 'Bùi Văn Long',
    }).expect(201);
    const recognised = await api.http.post('/api/v1/recognitions').set(bearer(reviewer)).send({
      decision: { number: '215/QĐ-UBND', date: '2024-12-20', issuer: 'Chủ tịch UBND xã Giáp Lai' },
      reviewYear: 2024, reviewKind: 'periodic', communeCode: '07906', entries: [{ householdId, to: 'poor' }],
    }).expect(200);
    position = recognised.body.position;
  });
  afterAll(() => api.close());

  it('given a poor household, when its personal data is erased, then the figures are the same and the export shows it erased', async () => {
    const before = await statistics();
    expect(await exportCsv()).toContain(HEAD_NAME);

    const admin = await api.token('administrator', ['25']);
    const receipt = await api.http.post(`/api/v1/households/${householdId}/erasure`).set(bearer(admin))
      .send({ legalBasis: { number: '7/QĐ-UBND', date: '2026-02-02', issuer: 'UBND xã Giáp Lai' }, reason: 'yêu cầu xóa dữ liệu cá nhân' }).expect(200);
    position = receipt.body.position;

    expect(await statistics()).toEqual(before);
    const csv = await exportCsv();
    expect(csv).not.toContain(HEAD_NAME);
    expect(csv).toContain('(đã xóa)');
  });
});
