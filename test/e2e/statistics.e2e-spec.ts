import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { CommandContext, CommandExecutor } from '@pl/application';
import { HouseholdCommand, HouseholdStatus, householdDecider, householdStream } from '@pl/domain';
import { ApiHarness, startApi } from '../support/api-harness';

/** Poverty statistics over HTTP: the known answer for commune 07906, reproducibility by position, as-of views and exports. */
describe('poverty statistics over HTTP', () => {
  let api: ApiHarness;
  let reporter: string;
  let officer: string;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const poverty = (query: Record<string, string | number>) => api.http.get('/api/v1/statistics/poverty').query({ areaCode: '07906', ...query }).set(auth(reporter));
  const id = (i: number) => `st-${String(i).padStart(3, '0')}`;

  async function run(plain: { type: string; data: { householdId: string } & Record<string, unknown> }): Promise<void> {
    const command = plain as unknown as HouseholdCommand;
    const context: CommandContext = {
      actor: { id: 'seed', role: 'reviewer', unit: '07906' }, commandId: randomUUID(), correlationId: randomUUID(), causationId: randomUUID(),
      recordedAt: new Date().toISOString(), idempotent: false,
    };
    const effective = (e: { type: string; data: unknown }) => (e.type === 'HouseholdRecognised.v1' ? { effectiveDate: (e.data as { decision: { date: string } }).decision.date } : {});
    await api.app.get(CommandExecutor).execute(householdStream(command.data.householdId), householdDecider, command, context, effective);
  }
  const decide = async (year: number, ids: readonly number[], to: HouseholdStatus) => {
    for (const i of ids) {
      const poor = to === 'poor';
      await run({ type: 'AssessHousehold', data: {
        householdId: id(i), reviewYear: year, reviewKind: 'periodic', assessedOn: `${year}-10-01`, surveyor: 'Đinh Thị Lan',
        incomePerPersonMonthly: poor ? 1_000_000 : 2_600_000, deficientIndicators: poor ? ['nutrition', 'housing-area', 'latrine'] : [],
      } });
      await run({ type: 'RecogniseHousehold', data: {
        householdId: id(i), reviewYear: year, reviewKind: 'periodic', to, decision: { number: `${year}/QĐ-UBND`, date: `${year}-12-20`, issuer: 'UBND xã' },
      } });
    }
  };
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
  const count = (year: number, total: number, urban: number) => api.http.post('/api/v1/communes/07906/household-counts').set(auth(officer))
    .send({ year, total, urban, rural: total - urban, ethnicMinority: 600, source: 'Thống kê xã', recordedOn: `${year}-11-30` }).expect(201);

  beforeAll(async () => {
    api = await startApi({ MIN_POSITION_WAIT_MS: '5000' });
    reporter = await api.token('reporter', ['*']);
    officer = await api.token('commune-officer', ['07906']);
    for (const i of range(0, 108)) {
      await run({ type: 'RegisterHousehold', data: {
        householdId: id(i), registeredOn: '2023-03-01', address: { communeCode: '07906', village: 'Xóm Đồng' }, areaType: i < 20 ? 'urban' : 'rural',
        memberCount: 4, ethnicMinority: i % 3 === 0, policyFamily: false, personal: { headName: `Hộ ${i}` },
      } });
    }
    // 2023: 100 poor. 2024: 10 escape, 6 arise -> 96. 2025: 30 escape, 3 fall back, 2 arise -> 71.
    await decide(2023, range(0, 100), 'poor');
    await decide(2024, range(0, 10), 'escaped');
    await decide(2024, range(100, 106), 'poor');
    await decide(2025, range(10, 40), 'escaped');
    await decide(2025, range(0, 3), 'poor');
    await decide(2025, range(106, 108), 'poor');
    await count(2024, 2300, 400);
    await count(2024, 2400, 400); // a correction: the later count of the year supersedes
    const last = await count(2025, 2450, 410);
    await poverty({ year: 2025, minPosition: last.body.position }).expect(200);
  }, 120_000);
  afterAll(() => api.close());

  it('reports 96 poor of 2,400 (4.00 %) in 2024 and 71 of 2,450 (2.90 %) in 2025: -25 households, -1.10 points, flows that add up', async () => {
    const y2024 = (await poverty({ year: 2024 }).expect(200)).body;
    expect(y2024.poor.all).toMatchObject({ start: 100, escaped: 10, fallenBack: 0, arising: 6, end: 96, denominator: 2400, ratePercent: 4 });
    const { body } = await poverty({ year: 2025 }).expect(200);
    const poor = body.poor.all;
    expect(poor).toMatchObject({ start: 96, escaped: 30, fallenBack: 3, arising: 2, end: 71, denominator: 2450, ratePercent: 2.9 });
    expect(poor.change).toEqual({ households: -25, percentagePoints: -1.1 });
    expect(poor.start + poor.arising + poor.fallenBack + poor.switchedIn + poor.movedIn - poor.escaped - poor.switchedOut - poor.movedOut - poor.dissolved).toBe(poor.end);
    expect(body.poor.urban.end + body.poor.rural.end).toBe(71);
    expect(body).toMatchObject({ area: { level: 'commune', code: '07906', mapping: 'recorded' }, year: 2025, ruleSets: ['2022-2025'], projection: { name: 'poverty-statistics', version: 2 } });
    expect(body.position).toBeGreaterThan(0);
  });

  it('rolls the commune up to its province, as recorded and mapped to today\'s units', async () => {
    for (const mapping of ['recorded', 'current']) {
      const { body } = await api.http.get('/api/v1/statistics/poverty').query({ areaCode: '25', year: 2025, mapping }).set(auth(reporter)).expect(200);
      expect(body.poor.all).toMatchObject({ end: 71, start: 96 });
    }
    const list = await api.http.get('/api/v1/statistics/poverty/list').query({ provinceCode: '25', year: 2025 }).set(auth(reporter)).expect(200);
    expect(list.body.items.map((i: { area: { code: string } }) => i.area.code)).toEqual(['07906']);
  });

  it('gives the same answer later for the same asOfPosition, after more events were written', async () => {
    const before = (await poverty({ year: 2025 }).expect(200)).body;
    await decide(2025, range(40, 45), 'escaped');
    await poverty({ year: 2025, minPosition: before.position + 10 }).expect(200);
    const now = (await poverty({ year: 2025 }).expect(200)).body;
    expect(now.poor.all.end).toBe(66);
    const again = (await poverty({ year: 2025, asOfPosition: before.position }).expect(200)).body;
    expect({ ...again, view: {} }).toEqual({ ...before, view: {} });
    expect(again.view).toEqual({ asOfPosition: before.position });
  });

  it('answers as of an effective date and as known at an instant by replaying the log', async () => {
    const asOf = (await poverty({ year: 2025, asOf: '2025-06-30' }).expect(200)).body;
    expect(asOf.poor.all).toMatchObject({ start: 96, end: 96, escaped: 0 });
    const knownAt = (await poverty({ year: 2025, knownAt: '2000-01-01T00:00:00Z' }).expect(200)).body;
    expect(knownAt.poor.all).toMatchObject({ start: 0, end: 0, denominator: null, ratePercent: null });
  });

  it('refuses unknown filters and malformed values with 400', async () => {
    await poverty({ year: 2025, status: 'poor' }).expect(400);
    await poverty({ year: '2025; drop' }).expect(400);
    await poverty({ year: 2025, asOfPosition: '{"$gt":0}' }).expect(400);
    await poverty({ year: 2025, mapping: 'both' }).expect(400);
    await api.http.get('/api/v1/statistics/poverty').query({ areaCode: '07906x', year: 2025 }).set(auth(reporter)).expect(400);
    await api.http.get('/api/v1/statistics/poverty/list').query({ year: 2025 }).set(auth(reporter)).expect(400);
  });

  it('keeps a commune officer to its own commune', async () => {
    await api.http.get('/api/v1/statistics/poverty').query({ areaCode: '07909', year: 2025 }).set(auth(officer)).expect(403);
    await api.http.get('/api/v1/statistics/poverty').query({ areaCode: '07906', year: 2025 }).set(auth(officer)).expect(200);
  });

  it('exports the annual summary as CSV with a BOM and as XLSX, Vietnamese headings intact', async () => {
    await poverty({ year: 2025, format: 'csv' }).expect(400); // the table itself answers JSON; the file has its own route
    const file = (format: string) => api.http.get('/api/v1/statistics/poverty/export').query({ areaCode: '07906', year: 2024, format }).set(auth(reporter))
      .buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => done(null, Buffer.concat(chunks)));
      });
    const csvFile = await file('csv');
    expect(csvFile.status).toBe(200);
    expect(csvFile.headers['content-disposition']).toContain('tong-hop-ho-ngheo-commune-07906-2024.csv');
    const bytes = csvFile.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('Chỉ tiêu,Đầu năm,Thoát nghèo,Tái nghèo,Phát sinh mới,Biến động khác,Cuối năm,Tổng số hộ,Tỷ lệ %');
    expect(text).toContain('Hộ nghèo,100,10,0,6,0,96,2400,4.00');
    expect(text).toContain('Hộ cận nghèo dân tộc thiểu số');

    const xlsx = await file('xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ExcelJS.Buffer);
    const values: unknown[] = [];
    workbook.worksheets[0].eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    expect(values).toContainEqual(['Chỉ tiêu', 'Đầu năm', 'Thoát nghèo', 'Tái nghèo', 'Phát sinh mới', 'Biến động khác', 'Cuối năm', 'Tổng số hộ', 'Tỷ lệ %']);
    expect(values).toContainEqual(['Hộ nghèo', 100, 10, 0, 6, 0, 96, 2400, 4]);
  });

  it('answers support coverage under the statistics routes as the support route does', async () => {
    const alias = await api.http.get('/api/v1/statistics/support-coverage').query({ areaCode: '07906', kind: 'smartphone', asOf: '2025-12-31' }).set(auth(reporter)).expect(200);
    const original = await api.http.get('/api/v1/support/coverage').query({ communeCode: '07906', kind: 'smartphone', asOf: '2025-12-31' }).set(auth(reporter)).expect(200);
    expect(alias.body).toEqual(original.body);
    expect(alias.body.eligible).toBeGreaterThan(0);
  });
});
