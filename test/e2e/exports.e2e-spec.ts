import type { IncomingMessage } from 'node:http';
import type { Response } from 'superagent';
import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';
import { ApiHarness, registration, startApi } from '../support/api-harness';

type Csv = { headings: string[]; rows: Record<string, string>[]; raw: Buffer };

/** Registry exports: Vietnamese headings and values, diacritics intact, areas and personal data respected. */
describe('registry exports', () => {
  let api: ApiHarness;
  let officer06: string;
  let reviewer: string;
  let reporter: string;
  let position = 0;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  // The body as bytes: supertest would otherwise decode it as text or leave an XLSX unread.
  const binary = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
    const stream = res as unknown as IncomingMessage;
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => done(null, Buffer.concat(chunks)));
  };
  const exported = (token: string, query: string) =>
    api.http.get(`/api/v1/registry/export?minPosition=${position}&${query}`).set(auth(token)).buffer(true).parse(binary);
  const csv = async (token: string, query = ''): Promise<Csv> => {
    const res = await exported(token, `format=csv${query ? `&${query}` : ''}`).expect(200);
    const raw = res.body as Buffer;
    const records = parse(raw.toString('utf8'), { bom: true }) as string[][];
    const [headings, ...lines] = records;
    return { headings, raw, rows: lines.map((line) => Object.fromEntries(headings.map((h, i) => [h, line[i]]))) };
  };

  beforeAll(async () => {
    api = await startApi({ MIN_POSITION_WAIT_MS: '2000' });
    const writer = await api.token('commune-officer', ['07906', '07909']);
    officer06 = await api.token('commune-officer', ['07906']);
    reviewer = await api.token('reviewer', ['25']);
    reporter = await api.token('reporter', ['25']);
    const register = async (id: string, commune: string, name: string) =>
      (await api.http.post('/api/v1/households').set(auth(writer)).send(registration({
        householdId: id, registeredOn: '2023-02-01', address: { communeCode: commune, village: 'Xóm Đồng Nghẹ' },
        head: { name, ethnicity: 'Mường' },
      })).expect(201)).body.position as number;
    await register('exp-06-a', '07906', 'Hà Văn Sơn');
    await register('exp-06-b', '07906', 'Đinh Thị Hường');
    await register('exp-06-c', '07906', 'Bùi Thị Nguyệt');
    await register('exp-09-a', '07909', 'Quách Văn Đức');
    for (const [id, income, deficient] of [['exp-06-a', 900_000, 3], ['exp-06-b', 1_300_000, 1]] as const) {
      await api.http.post(`/api/v1/households/${id}/assessments`).set(auth(writer)).send({
        reviewYear: 2023, reviewKind: 'periodic', assessedOn: '2023-10-05', incomePerPersonMonthly: income, surveyor: 'Bùi Văn Tám',
        deficientIndicators: ['nutrition', 'latrine', 'housing-area'].slice(0, deficient),
      }).expect(201);
    }
    await api.http.post('/api/v1/recognitions').set(auth(reviewer)).send({
      decision: { number: '77/QĐ-UBND', date: '2023-12-15', issuer: 'UBND xã Giáp Lai' }, reviewYear: 2023, reviewKind: 'periodic', communeCode: '07906',
      entries: [{ householdId: 'exp-06-a', to: 'poor' }, { householdId: 'exp-06-b', to: 'near-poor' }],
    }).expect(200);
    const admin = await api.token('administrator', ['25']);
    const erased = await api.http.post('/api/v1/households/exp-06-c/erasure').set(auth(admin))
      .send({ legalBasis: { number: '12/QĐ-UBND', date: '2026-01-28', issuer: 'UBND xã' }, reason: 'the data subject withdrew consent' }).expect(200);
    position = erased.body.position;
  });
  afterAll(() => api.close());

  it('given a reviewer, when exporting CSV, then a UTF-8 file with BOM, Vietnamese headings, values and names comes back', async () => {
    const res = await exported(reviewer, 'format=csv&communeCode=07906').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="danh-sach-ho-07906-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const file = await csv(reviewer, 'communeCode=07906');
    expect([...file.raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.headings.slice(0, 3)).toEqual(['Mã hộ', 'Họ tên chủ hộ', 'Tỉnh']);
    expect(file.headings).toEqual(expect.arrayContaining(['Xã', 'Thôn', 'Khu vực', 'Số nhân khẩu', 'Dân tộc thiểu số', 'Gia đình chính sách', 'Tình trạng', 'Năm rà soát', 'Quyết định gần nhất']));
    expect(file.rows.map((r) => [r['Mã hộ'], r['Họ tên chủ hộ'], r['Tình trạng'], r['Năm rà soát'], r['Quyết định gần nhất']])).toEqual([
      ['exp-06-a', 'Hà Văn Sơn', 'nghèo', '2023', '77/QĐ-UBND'],
      ['exp-06-b', 'Đinh Thị Hường', 'cận nghèo', '2023', '77/QĐ-UBND'],
      ['exp-06-c', '(đã xóa)', 'chưa trong danh sách', '', ''],
    ]);
    expect(file.rows[0]).toMatchObject({ Thôn: 'Xóm Đồng Nghẹ', 'Khu vực': 'nông thôn', 'Dân tộc thiểu số': 'Có', Xã: '07906', 'Xã hiện nay': '07906' });
  });

  it('given a reviewer, when exporting XLSX, then the workbook reads back with a styled heading row and the same values', async () => {
    const res = await exported(reviewer, 'format=xlsx&status=poor,near-poor').expect(200);
    expect(res.headers['content-disposition']).toMatch(/filename="danh-sach-ho-khu-vuc-.*\.xlsx"/);
    const workbook = new Workbook();
    await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Danh sách hộ');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 2)).toEqual(['Mã hộ', 'Họ tên chủ hộ']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getColumn(2).width).toBeGreaterThan(20);
    const status = header.indexOf('Tình trạng') + 1;
    expect([2, 3].map((r) => [sheet.getRow(r).getCell(1).value, sheet.getRow(r).getCell(2).value, sheet.getRow(r).getCell(status).value])).toEqual([
      ['exp-06-a', 'Hà Văn Sơn', 'nghèo'],
      ['exp-06-b', 'Đinh Thị Hường', 'cận nghèo'],
    ]);
    expect(sheet.actualRowCount).toBe(3);
  });

  it('given a commune officer, then the export holds their commune only, and another commune is refused', async () => {
    expect((await csv(officer06)).rows.map((r) => r['Mã hộ'])).toEqual(['exp-06-a', 'exp-06-b', 'exp-06-c']);
    expect((await exported(officer06, 'format=csv&communeCode=07909').expect(403)).body.toString()).toContain('OUTSIDE_AREA');
  });

  it('given a reporter, then no name column and no name anywhere in the file', async () => {
    const file = await csv(reporter);
    expect(file.headings).not.toContain('Họ tên chủ hộ');
    expect(file.rows.map((r) => r['Mã hộ'])).toEqual(['exp-06-a', 'exp-06-b', 'exp-06-c', 'exp-09-a']);
    for (const name of ['Hà Văn Sơn', 'Đinh Thị Hường', 'Quách Văn Đức']) expect(file.raw.toString('utf8')).not.toContain(name);
  });

  it('refuses an unknown format, an unknown filter and paging parameters', async () => {
    await exported(reviewer, 'format=pdf').expect(400);
    await exported(reviewer, 'format=csv&headName=Son').expect(400);
    await exported(reviewer, 'format=csv&limit=5').expect(400);
  });
});
