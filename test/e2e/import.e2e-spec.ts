import { Workbook } from 'exceljs';
import { ApiHarness, registration, startApi } from '../support/api-harness';
import { BAD_ROWS, generateList, toCsv } from '../fixtures/imports/household-list';

const ROUTE = '/api/v1/imports/households';
// A household key is written (and synced) per new household, so 10,000 rows take tens of seconds on a busy disk.
const LARGE_IMPORT_MS = 180_000;

interface Refusal { line: number; householdCode: string; code: string; message: string }

describe('importing a commune household list', () => {
  let api: ApiHarness;
  let province: string;
  const list = generateList(10_000);
  const csv = Buffer.from(toCsv(list), 'utf8');

  beforeAll(async () => {
    api = await startApi({ MIN_POSITION_WAIT_MS: '5000' });
    province = await api.token('commune-officer', ['25']);
  });
  afterAll(() => api.close());

  const head = async () => (await api.http.get('/health/ready').expect(200)).body.eventStore.head as number;
  const upload = (token: string, content: Buffer, name: string) =>
    api.http.post(ROUTE).set('authorization', `Bearer ${token}`).attach('file', content, name);
  const timed = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await run();
    console.log(`${what}: ${Math.round(performance.now() - started)} ms`);
    return result;
  };

  it('registers the good rows of a 10,000-row CSV and refuses each bad one with its line and code', async () => {
    // Given a household registered through the API under the id a row of the list derives.
    await api.http.post('/api/v1/households').set('authorization', `Bearer ${province}`)
      .send(registration({ householdId: 'hh-07909-HK-00001', memberCount: 9 })).expect(201);

    const res = await timed('import of 10,000 rows', () => upload(province, csv, 'danh-sach-ho.csv').expect(200));

    const expected = new Map(list.expectedRefusals);
    expected.set(2, 'HOUSEHOLD_ALREADY_REGISTERED');
    const refused = res.body.refused as Refusal[];
    expect(refused.map((r) => [r.line, r.code])).toEqual([...expected].sort(([a], [b]) => a - b));
    expect(refused.every((r) => r.message.startsWith(`line ${r.line}: `))).toBe(true);
    expect(res.body).toMatchObject({ total: 10_000, accepted: 10_000 - BAD_ROWS - 1, alreadyPresent: 0 });
    expect(res.body.maxPosition).toBe(await head());

    // Row 20 wrote its commune as the number 7906.
    const read = await api.http.get(`/api/v1/households/hh-07906-HK-00020?minPosition=${res.body.maxPosition}`)
      .set('authorization', `Bearer ${province}`).expect(200);
    expect(read.body).toMatchObject({
      householdId: 'hh-07906-HK-00020', communeCode: '07906', memberCount: 5, areaType: 'urban', ethnicMinority: true, policyFamily: true,
      personal: { headName: 'Hà Văn Sơn', headCitizenId: '025070000020', headBirthDate: '1970-03-21', ethnicity: 'Mường' },
    });
  }, LARGE_IMPORT_MS);

  it('appends nothing when the same file is imported again, and reports the good rows as already present', async () => {
    const before = await head();
    const res = await timed('re-import of 10,000 rows', () => upload(province, csv, 'danh-sach-ho.csv').expect(200));
    expect(await head()).toBe(before);
    expect(res.body).toMatchObject({ total: 10_000, accepted: 0, alreadyPresent: 10_000 - BAD_ROWS - 1 });
    expect(res.body.refused).toHaveLength(BAD_ROWS + 1);
  }, LARGE_IMPORT_MS);

  it('refuses a row whose household was imported before with different data', async () => {
    const changed = { header: list.header, rows: [list.rows[1].map((cell, i) => (i === 8 ? '7' : cell))] };
    const before = await head();
    const res = await upload(province, Buffer.from(toCsv(changed, ';')), 'sua.csv').expect(200);
    expect(res.body.refused).toEqual([expect.objectContaining({ line: 2, householdCode: 'HK-00002', code: 'HOUSEHOLD_ALREADY_REGISTERED' })]);
    expect(await head()).toBe(before);
  });

  it('imports an XLSX list under a title line, with Vietnamese headers, numbers where codes were typed and dates as dates', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Danh sách');
    sheet.addRow(['DANH SÁCH HỘ GIA ĐÌNH']);
    sheet.addRow([]);
    sheet.addRow(['MÃ HỘ', 'Họ tên chủ hộ', 'Số CCCD', 'Ngày sinh', 'Dân tộc', 'Mã xã', 'Thôn', 'Khu vực', 'Số nhân khẩu', 'DTTS', 'Ngày đăng ký']);
    sheet.addRow(['X-001', 'Đinh Thị Mến', 25185000123, new Date(Date.UTC(1985, 2, 14)), 'Kinh', 7918, 'Bản Mường', 'Nông thôn', 3, 'x', '20/09/2025']);
    sheet.addRow(['X 002', 'Lò Văn Páo', '', '', 'Thái', '07921', 'Tổ 3', 'THÀNH THỊ', 6, '', '']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());

    const res = await upload(province, content, 'danh-sach.xlsx').expect(200);
    expect(res.body).toMatchObject({ total: 2, accepted: 2, refused: [] });
    const first = await api.http.get(`/api/v1/households/hh-07918-X-001?minPosition=${res.body.maxPosition}`).set('authorization', `Bearer ${province}`).expect(200);
    expect(first.body).toMatchObject({
      communeCode: '07918', ethnicMinority: true, areaType: 'rural', memberCount: 3,
      personal: { headName: 'Đinh Thị Mến', headCitizenId: '025185000123', headBirthDate: '1985-03-14', ethnicity: 'Kinh' },
    });
  });

  it('refuses a row outside the caller\'s area and registers the rest', async () => {
    const officer = await api.token('commune-officer', ['07906']);
    const rows = [['A-1', 'Hà Văn Sơn', '', '', '', '07906', 'Xóm Đồng', 'rural', '4', '', ''], ['A-2', 'Bùi Thị Hoa', '', '', '', '07909', 'Xóm Mới', 'rural', '2', '', '']];
    const res = await upload(officer, Buffer.from(toCsv({ header: list.header, rows })), 'a.csv').expect(200);
    expect(res.body).toMatchObject({ total: 2, accepted: 1, refused: [expect.objectContaining({ line: 3, householdCode: 'A-2', code: 'OUTSIDE_AREA' })] });
  });

  it.each([
    ['a file that is neither CSV nor XLSX', Buffer.from('hello'), 'notes.txt', 'UNSUPPORTED_FILE'],
    ['an empty file', Buffer.alloc(0), 'empty.csv', 'EMPTY_FILE'],
    ['a list without a required column', Buffer.from('Mã hộ,Họ tên chủ hộ\nA,B\n'), 'short.csv', 'MISSING_COLUMN'],
  ])('answers 400 for %s and stores nothing', async (_what, content, name, code) => {
    const before = await head();
    const res = await upload(province, content, name).expect(400);
    expect(res.body.code).toBe(code);
    expect(await head()).toBe(before);
  });

  it('refuses a role without household:write', async () => {
    const reporter = await api.token('reporter', ['25']);
    const res = await upload(reporter, csv, 'danh-sach-ho.csv').expect(403);
    expect(res.body.code).toBe('ROLE_NOT_PERMITTED');
  });
});
