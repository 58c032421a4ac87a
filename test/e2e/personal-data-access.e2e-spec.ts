import { EVENT_STORE, EventStore } from '@pl/event-store';
import { ApiHarness, registration, startApi } from '../support/api-harness';

describe("auditors' reads of personal data are recorded", () => {
  let api: ApiHarness;
  let householdId: string;
  let auditor: string;

  beforeAll(async () => {
    api = await startApi();
    const officer = await api.token('commune-officer', ['07906']);
    auditor = await api.token('auditor', ['25'], 'inspector-7');
    const res = await api.http.post('/api/v1/households').set('authorization', `Bearer ${officer}`).send(registration()).expect(201);
    householdId = res.body.householdId;
  });
  afterAll(() => api.close());

  const accessLog = async () => {
    try {
      return await api.app.get<EventStore>(EVENT_STORE).readStream(`access-log-${householdId}`);
    } catch {
      return [];
    }
  };

  it('given an auditor without a stated reason, when reading a household, then 400 and nothing is recorded', async () => {
    const res = await api.http.get(`/api/v1/households/${householdId}`).set('authorization', `Bearer ${auditor}`).expect(400);
    expect(res.body.code).toBe('ACCESS_REASON_REQUIRED');
    expect(await accessLog()).toHaveLength(0);
  });

  it('given a reason, when an auditor reads the household and its timeline, then each read is recorded with who, why and where', async () => {
    const reason = 'Thanh tra hỗ trợ điện thoại thông minh 2025';
    const read = await api.http.get(`/api/v1/households/${householdId}`).set('authorization', `Bearer ${auditor}`).set('x-access-reason', encodeURIComponent(reason)).expect(200);
    expect(read.body.personal).toMatchObject({ headName: 'Hà Văn Sơn' });
    await api.http.get(`/api/v1/households/${householdId}/timeline`).set('authorization', `Bearer ${auditor}`).set('x-access-reason', encodeURIComponent(reason)).expect(200);
    const log = await accessLog();
    expect(log.map((e) => e.type)).toEqual(['PersonalDataAccessed.v1', 'PersonalDataAccessed.v1']);
    expect(log[0].data).toMatchObject({ householdId, subject: 'inspector-7', role: 'auditor', reason, route: 'GET /api/v1/households/:householdId' });
    expect(log[1].data).toMatchObject({ route: 'GET /api/v1/households/:householdId/timeline' });
  });

  it('given a commune officer, when reading, then no reason is needed and nothing is recorded', async () => {
    const officer = await api.token('commune-officer', ['07906']);
    const before = (await accessLog()).length;
    await api.http.get(`/api/v1/households/${householdId}`).set('authorization', `Bearer ${officer}`).expect(200);
    expect(await accessLog()).toHaveLength(before);
  });
});
