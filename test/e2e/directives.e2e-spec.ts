import { ApiHarness, registration, startApi } from '../support/api-harness';

/**
 * Plan 29/KH-UBND (seed 003) copied on by dispatch 3/TCV-TTYT (seed 002), here dated 2019 so that
 * it carries the target of docs/domain-rules.md §4: "reduce 43 poor and 29 near-poor households in 2019".
 */
describe('directives over HTTP', () => {
  let api: ApiHarness;
  let reviewer: string;
  let officer07906: string;
  let officer07909: string;
  let healthCentre: string;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const PLAN = 'kh-29-2019';
  const plan = {
    directiveId: PLAN, number: '29 /KH-UBND', kind: 'ke-hoach', issuer: { name: 'Ủy ban nhân dân huyện Kiên Hải' }, areaCode: '25',
    issuedOn: '2019-03-01', subject: 'Truyền thông về Chương trình mục tiêu quốc gia giảm nghèo bền vững', basedOn: ['220/KH-UBND', '152/KH-UBND'],
    recipients: [
      { id: 'ttyt-kien-hai', name: 'Trung tâm Y tế huyện Kiên Hải' },
      { id: 'ubnd-07906', name: 'UBND xã Giáp Lai' },
      { id: 'ubnd-07909', name: 'UBND xã Thạch Khoán' },
    ],
    reporting: { period: 'half-yearly', dueDates: ['2019-06-15', '2019-12-15'] },
    targets: [{ year: 2019, reducePoor: 43, reduceNearPoor: 29 }],
  };
  const post = (path: string, token: string, body: Record<string, unknown>) => api.http.post(`/api/v1/directives${path}`).set(auth(token)).send(body);
  const board = (asOf: string, position: number) =>
    api.http.get(`/api/v1/directives/${PLAN}/board?asOf=${asOf}&minPosition=${position}`).set(auth(reviewer)).expect(200);
  let last = 0;

  beforeAll(async () => {
    api = await startApi({ MIN_POSITION_WAIT_MS: '2000' });
    reviewer = await api.token('reviewer', ['25']);
    officer07906 = await api.token('commune-officer', ['07906']);
    officer07909 = await api.token('commune-officer', ['07909']);
    healthCentre = await api.token('commune-officer', ['25'], 'ttyt-officer');
  });
  afterAll(() => api.close());

  it('issues the plan with its number tidied, in the reviewer\'s province only', async () => {
    const elsewhere = await api.token('reviewer', ['26']);
    expect((await post('', elsewhere, plan).expect(403)).body.code).toBe('OUTSIDE_AREA');
    const issued = await post('', reviewer, plan).expect(201);
    expect(issued.body).toEqual({ directiveId: PLAN, revision: 0, position: expect.any(Number) });
    expect((await post('', reviewer, plan).expect(409)).body.code).toBe('DIRECTIVE_ALREADY_ISSUED');
  });

  it('records the health centre copying the plan on to the commune health station (sao gửi)', async () => {
    const forwarded = await post(`/${PLAN}/forwards`, reviewer, {
      by: { id: 'ttyt-kien-hai', name: 'Trung tâm Y tế huyện Kiên Hải' }, to: [{ id: 'tyt-07906', name: 'Trạm Y tế xã Giáp Lai' }],
      forwardedOn: '2019-03-03', note: 'sao gửi theo công văn 3/TCV-TTYT',
    }).expect(201);
    expect(forwarded.body.revision).toBe(1);
  });

  it('takes acknowledgements and reports from recipients\' officers within their own areas', async () => {
    await post(`/${PLAN}/acknowledgements`, healthCentre, { recipientId: 'ttyt-kien-hai', areaCode: '25', acknowledgedOn: '2019-03-04' }).expect(201);
    await post(`/${PLAN}/acknowledgements`, officer07906, { recipientId: 'ubnd-07906', areaCode: '07906', acknowledgedOn: '2019-03-06' }).expect(201);
    await post(`/${PLAN}/acknowledgements`, officer07906, { recipientId: 'tyt-07906', areaCode: '07906', acknowledgedOn: '2019-03-07' }).expect(201);
    const wrongArea = await post(`/${PLAN}/acknowledgements`, officer07909, { recipientId: 'ubnd-07909', areaCode: '07906', acknowledgedOn: '2019-03-06' }).expect(403);
    expect(wrongArea.body.code).toBe('OUTSIDE_AREA');

    const onTime = await post(`/${PLAN}/reports`, healthCentre, {
      recipientId: 'ttyt-kien-hai', areaCode: '25', period: '2019-H1', reportedOn: '2019-06-10', figures: { communicationEvents: 12, participants: 640 },
    }).expect(201);
    expect(onTime.body).toMatchObject({ dueDate: '2019-06-15', late: false });
    const late = await post(`/${PLAN}/reports`, officer07906, {
      recipientId: 'ubnd-07906', areaCode: '07906', period: '2019-H1', reportedOn: '2019-06-20', figures: { communicationEvents: 3 },
    }).expect(201);
    expect(late.body).toMatchObject({ dueDate: '2019-06-15', late: true });
    last = late.body.position;
  });

  it('shows on the board as of a date who acknowledged, who reported late and who is overdue', async () => {
    const july = (await board('2019-07-01', last)).body;
    expect(july.acknowledged).toEqual(['ttyt-kien-hai', 'ubnd-07906', 'tyt-07906']);
    expect(july.reportedLate).toEqual(['ubnd-07906']);
    expect(july.overdue).toEqual([{ recipientId: 'ubnd-07909', dueDate: '2019-06-15' }]);
    expect(july.recipients.find((r: { id: string }) => r.id === 'tyt-07906')).toMatchObject({ via: 'ttyt-kien-hai', acknowledgedOn: '2019-03-07', overdue: [] });
    expect(july.forwards).toEqual([expect.objectContaining({ forwardedOn: '2019-03-03', note: 'sao gửi theo công văn 3/TCV-TTYT' })]);

    // The day after the due date the late report had not come in yet: the commune was overdue then.
    const june = (await board('2019-06-16', last)).body;
    expect(june.overdue).toEqual([{ recipientId: 'ubnd-07906', dueDate: '2019-06-15' }, { recipientId: 'ubnd-07909', dueDate: '2019-06-15' }]);
    expect(june.reportedLate).toEqual([]);
    const march = (await board('2019-03-05', last)).body;
    expect(march.acknowledged).toEqual(['ttyt-kien-hai']);
  });

  it('sets targets per area and year, and measures them against households leaving the lists that year', async () => {
    const at = (p: number) => `minPosition=${p}`;
    const province = await api.http.get(`/api/v1/targets/progress?areaCode=25&year=2019&${at(last)}`).set(auth(reviewer)).expect(200);
    expect(province.body).toMatchObject({ target: { reducePoor: 43, reduceNearPoor: 29 }, achieved: { leftPoor: 0, leftNearPoor: 0 }, sources: [{ directiveId: PLAN, number: '29/KH-UBND' }] });

    const amended = await post(`/${PLAN}/amendments`, reviewer, {
      amendedOn: '2019-07-01', byDocument: '41/KH-UBND', changes: { targets: [...plan.targets, { year: 2024, reducePoor: 2, areaCode: '07909' }] },
    }).expect(201);
    for (const id of ['t-1', 't-2']) {
      await api.http.post('/api/v1/households').set(auth(officer07909))
        .send(registration({ householdId: id, registeredOn: '2023-03-01', address: { communeCode: '07909', village: 'Xóm Chiềng' } })).expect(201);
      await api.http.post(`/api/v1/households/${id}/assessments`).set(auth(officer07909)).send({
        reviewKind: 'periodic', surveyor: 'Đinh Thị Lan', reviewYear: 2023, assessedOn: '2023-10-01', incomePerPersonMonthly: 1_000_000,
        deficientIndicators: ['nutrition', 'housing-area', 'latrine'],
      }).expect(201);
    }
    const decide = (number: string, date: string, reviewYear: number, entries: { householdId: string; to: string }[]) =>
      api.http.post('/api/v1/recognitions').set(auth(reviewer))
        .send({ decision: { number, date, issuer: 'UBND xã Thạch Khoán' }, reviewYear, reviewKind: 'periodic', communeCode: '07909', entries }).expect(200);
    await decide('125/QĐ-UBND', '2023-12-20', 2023, [{ householdId: 't-1', to: 'poor' }, { householdId: 't-2', to: 'poor' }]);
    await api.http.post('/api/v1/households/t-1/assessments').set(auth(officer07909))
      .send({ reviewKind: 'periodic', surveyor: 'Đinh Thị Lan', reviewYear: 2024, assessedOn: '2024-10-01', incomePerPersonMonthly: 2_100_000, deficientIndicators: [] }).expect(201);
    const escaped = await decide('88/QĐ-UBND', '2024-12-18', 2024, [{ householdId: 't-1', to: 'escaped' }]);

    const commune = await api.http.get(`/api/v1/targets/progress?areaCode=07909&year=2024&${at(Math.max(escaped.body.position, amended.body.position))}`).set(auth(reviewer)).expect(200);
    expect(commune.body).toMatchObject({ target: { reducePoor: 2, reduceNearPoor: 0 }, achieved: { leftPoor: 1, leftNearPoor: 0 }, percent: { reducePoor: 50 } });
  });

  it('revokes the plan: the board says so from that day and the plan can no longer be cited', async () => {
    const revoked = await post(`/${PLAN}/revocation`, reviewer, { revokedOn: '2019-09-01', byDocument: '52/QĐ-UBND', reason: 'replaced by the 2020 plan' }).expect(201);
    expect((await board('2019-08-31', revoked.body.position)).body.revoked).toBeNull();
    expect((await board('2019-09-01', revoked.body.position)).body.revoked).toMatchObject({ byDocument: '52/QĐ-UBND' });
    const after = await post(`/${PLAN}/acknowledgements`, officer07909, { recipientId: 'ubnd-07909', areaCode: '07909', acknowledgedOn: '2019-09-02' }).expect(422);
    expect(after.body.code).toBe('DIRECTIVE_REVOKED');
    await api.http.get('/api/v1/directives/no-such/board').set(auth(reviewer)).expect(404);
  });
  it('refuses a commune decision that cites the revoked plan, or a directive that does not exist', async () => {
    const recognise = (directiveId: string) => api.http.post('/api/v1/recognitions').set(auth(reviewer)).send({
      decision: { number: '120/QĐ-UBND', date: '2019-12-20', issuer: 'Chủ tịch UBND xã Giáp Lai', directiveId },
      reviewYear: 2019, reviewKind: 'periodic', communeCode: '07906', entries: [{ householdId: 'hh-any', to: 'poor' }],
    });
    expect((await recognise(PLAN).expect(422)).body.code).toBe('DIRECTIVE_REVOKED');
    expect((await recognise('no-such-plan').expect(422)).body.code).toBe('DIRECTIVE_NOT_FOUND');
  });
});
