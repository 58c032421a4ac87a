import { join } from 'node:path';
import { isoDate } from '@pl/domain';
import { UnitDirectory } from '../wiring/unit-directory';
import { headerKey } from './import-columns';
import { isRefusal, prepareRow } from './import-row';
import { householdIdOf } from './import-ids';
import { readCsv } from './read-csv';

const units = UnitDirectory.load({ adminUnitsFile: join(__dirname, '../../../../resources/admin-units/catalogue.json') });
const today = isoDate('2026-01-10');
const HEADER = 'MÃ HỘ;ho ten chu ho;Mã xã;Thôn;Khu vực;Số nhân khẩu;Ngày sinh;Số CCCD;Dân tộc;Ngày đăng ký';

describe('reading a commune list', () => {
  it('folds case, accents and separators out of headers', () => {
    expect(headerKey('Số nhân_khẩu')).toBe(headerKey('so nhan khau'));
    expect(headerKey('Ngày ĐĂNG KÝ')).toBe('ngaydangky');
  });

  it('detects the semicolon, drops the BOM and numbers each row by the line it starts on', () => {
    // Given a row whose village spans two lines inside quotes, and a blank line.
    const table = readCsv(`\uFEFF${HEADER}\r\nA;Hà Văn Sơn;7906;"Xóm\nĐồng";nông thôn;4;;;;\n\nB;Lò Văn Páo;07921;Tổ 3;urban;2;;;;\n`);
    expect(table.rows.map((r) => [r.line, r.cells.householdCode, r.cells.village])).toEqual([[2, 'A', 'Xóm\nĐồng'], [5, 'B', 'Tổ 3']]);
  });

  it('refuses a file whose header lacks a required column', () => {
    expect(() => readCsv('Mã hộ,Thôn\nA,B\n')).toThrow(expect.objectContaining({ code: 'MISSING_COLUMN' }));
  });
});

describe('preparing a row', () => {
  const row = (cells: string) => readCsv(`${HEADER}\n${cells}\n`).rows[0];

  it('pads the commune code, reads dd/mm/yyyy, restores the citizen ID\'s leading zero and marks a minority', () => {
    const prepared = prepareRow(row('A-1;Hà Văn Sơn;7906;Xóm Đồng;Nông thôn;4;14/03/1985;25085000123;Mường;'), units, today);
    if (isRefusal(prepared)) throw new Error(prepared.message);
    expect(prepared.command.data).toMatchObject({
      householdId: 'hh-07906-A-1', registeredOn: '2026-01-10', address: { communeCode: '07906' }, areaType: 'rural', ethnicMinority: true,
      personal: { headCitizenId: '025085000123', headBirthDate: '1985-03-14' },
    });
  });

  it('hashes the same row the same on another day when the registration date is left to default', () => {
    const cells = 'A-1;Hà Văn Sơn;07906;Xóm Đồng;rural;4;;;Kinh;';
    const first = prepareRow(row(cells), units, today);
    const later = prepareRow(row(cells), units, isoDate('2026-03-01'));
    expect(!isRefusal(first) && !isRefusal(later) && first.requestHash === later.requestHash).toBe(true);
  });

  it.each([
    ['a missing value', 'A;;07906;X;rural;4;;;;', 'MISSING_VALUE'],
    ['a bad commune code', 'A;B;79O6;X;rural;4;;;;', 'INVALID_COMMUNE_CODE'],
    ['an unknown commune', 'A;B;99999;X;rural;4;;;;', 'UNKNOWN_COMMUNE'],
    ['a commune closed on the registration date', 'A;B;07900;X;rural;4;;;;2025-09-01', 'COMMUNE_CLOSED'],
    ['a member count that is not a number', 'A;B;07906;X;rural;bốn;;;;', 'INVALID_MEMBER_COUNT'],
    ['an impossible date', 'A;B;07906;X;rural;4;31/02/1980;;;', 'INVALID_DATE'],
    ['a bad citizen ID', 'A;B;07906;X;rural;4;;12345;;', 'INVALID_CITIZEN_ID'],
    ['an unknown area type', 'A;B;07906;X;miền núi;4;;;;', 'INVALID_AREA_TYPE'],
  ])('refuses %s with its code and line', (_what, cells, code) => {
    expect(prepareRow(row(cells), units, today)).toMatchObject({ line: 2, householdCode: cells.split(';')[0], code, message: expect.stringMatching(/^line 2: /) });
  });

  it('keeps two codes apart when sanitizing would make them equal', () => {
    expect(householdIdOf('07906', 'A 1')).not.toBe(householdIdOf('07906', 'A-1'));
    expect(householdIdOf('07906', 'Hộ số 1/2')).toMatch(/^hh-07906-Ho_so_1_2-[0-9a-f]{12}$/);
  });
});
