import { isoDate } from '../shared/calendar';
import { DomainError } from '../shared/errors';
import { adminCatalogue } from './admin-catalogue';
import { AdminCatalogueData, AdminUnitData } from './admin-catalogue.data';
import { ADMIN_UNITS_STREAM, isAdminUnitsEvent } from './admin-units.events';

const OLD = { validFrom: '2000-01-01' };
const UNTIL_2025 = { validFrom: '2000-01-01', validTo: '2025-06-30' };
const commune = (code: string, provinceCode: string, validity: { validFrom: string; validTo?: string }): AdminUnitData => ({
  code,
  level: 'commune',
  name: `Xã ${code}`,
  provinceCode,
  ...validity,
});

// Province 01 merges into 02 in 2025; commune 00001 of 01 keeps its code. Communes of 02
// merge twice (00010, 00011 -> 00012 -> 00020); 00030 of province 03 splits in two.
const data: AdminCatalogueData = {
  units: [
    { code: '01', level: 'province', name: 'Tỉnh A', ...UNTIL_2025 },
    { code: '02', level: 'province', name: 'Tỉnh B', ...OLD },
    { code: '03', level: 'province', name: 'Tỉnh C', ...OLD },
    { code: '001', level: 'district', name: 'Huyện A1', provinceCode: '01', ...UNTIL_2025 },
    { code: '002', level: 'district', name: 'Huyện B1', provinceCode: '02', ...UNTIL_2025 },
    { ...commune('00001', '01', OLD), districtCode: '001' },
    commune('00010', '02', { validFrom: '2000-01-01', validTo: '2018-12-31' }),
    commune('00011', '02', { validFrom: '2000-01-01', validTo: '2018-12-31' }),
    commune('00012', '02', { validFrom: '2019-01-01', validTo: '2025-06-30' }),
    commune('00013', '02', UNTIL_2025),
    commune('00020', '02', { validFrom: '2025-07-01' }),
    commune('00030', '03', { validFrom: '2000-01-01', validTo: '2019-12-31' }),
    commune('00031', '03', { validFrom: '2020-01-01' }),
    commune('00032', '03', { validFrom: '2020-01-01' }),
  ],
  reorganisations: [
    { resolution: { number: '1/NQ', date: '2018-11-01' }, kind: 'merge', effectiveOn: '2019-01-01', mapping: [{ from: '00010', to: '00012' }, { from: '00011', to: '00012' }] },
    { resolution: { number: '2/NQ', date: '2019-11-01' }, kind: 'split', effectiveOn: '2020-01-01', mapping: [{ from: '00030', to: '00031' }, { from: '00030', to: '00032' }] },
    { resolution: { number: '202/2025/QH15', date: '2025-06-12' }, kind: 'merge', effectiveOn: '2025-07-01', mapping: [{ from: '01', to: '02' }] },
    { resolution: { number: '203/NQ', date: '2025-06-12' }, kind: 'district-level-abolished', effectiveOn: '2025-07-01', mapping: [], closed: ['001', '002'] },
    { resolution: { number: '204/NQ', date: '2025-06-16' }, kind: 'merge', effectiveOn: '2025-07-01', mapping: [{ from: '00012', to: '00020' }, { from: '00013', to: '00020' }] },
  ],
};

const catalogue = adminCatalogue(data);
const d = isoDate;

describe('units over time', () => {
  it('given a unit valid until 2018-12-31, then it is valid on its last day and not the next', () => {
    expect(catalogue.isValidOn('00010', d('2018-12-31'))).toBe(true);
    expect(catalogue.isValidOn('00010', d('2019-01-01'))).toBe(false);
    expect(catalogue.unitOn('00012', d('2018-12-31'))).toBeUndefined();
    expect(catalogue.unitOn('00012', d('2019-01-01'))).toMatchObject({ level: 'commune', name: 'Xã 00012' });
    expect(catalogue.unit('00010')?.validTo).toBe('2018-12-31');
  });
});

describe('mapToCurrent', () => {
  it('given a merge chain, then an old code leads to the unit of the asked date', () => {
    expect(catalogue.mapToCurrent('00010', d('2018-12-31'))).toEqual(['00010']);
    expect(catalogue.mapToCurrent('00010', d('2019-01-01'))).toEqual(['00012']);
    expect(catalogue.mapToCurrent('00010', d('2026-01-01'))).toEqual(['00020']);
    expect(catalogue.mapToCurrent('00013', d('2026-01-01'))).toEqual(['00020']);
  });

  it('given a split, then the old code leads to every successor', () => {
    expect(catalogue.mapToCurrent('00030', d('2026-01-01'))).toEqual(['00031', '00032']);
  });

  it('given a current unit, then it maps to itself', () => {
    expect(catalogue.mapToCurrent('00020', d('2026-01-01'))).toEqual(['00020']);
  });

  it('given a district, then it maps to nothing after the district level ends: its figures stay historical', () => {
    expect(catalogue.mapToCurrent('001', d('2025-06-30'))).toEqual(['001']);
    expect(catalogue.mapToCurrent('001', d('2025-07-01'))).toEqual([]);
  });

  it('given a merged province, then its code leads to the host province', () => {
    expect(catalogue.mapToCurrent('01', d('2026-01-01'))).toEqual(['02']);
  });

  it('given a code never in the catalogue, then not found', () => {
    expect(() => catalogue.mapToCurrent('99999', d('2026-01-01'))).toThrow(expect.objectContaining({ kind: 'not-found', code: 'UNKNOWN_ADMIN_UNIT' }));
  });
});

describe('provinceOf', () => {
  it('given a province merger, then the commune keeps its code and moves to the host province', () => {
    expect(catalogue.provinceOf('00001', d('2025-06-30'))?.code).toBe('01');
    expect(catalogue.provinceOf('00001', d('2025-07-01'))?.code).toBe('02');
    expect(catalogue.isValidOn('00001', d('2026-01-01'))).toBe(true);
  });

  it('given a commune not valid on the date, or a code that is no commune, then none', () => {
    expect(catalogue.provinceOf('00010', d('2020-01-01'))).toBeUndefined();
    expect(catalogue.provinceOf('001', d('2020-01-01'))).toBeUndefined();
  });
});

describe('an invalid catalogue', () => {
  const problemsOf = (broken: AdminCatalogueData) => {
    try {
      adminCatalogue(broken);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'INVALID_ADMIN_CATALOGUE') return (e.details?.problems as { rule: string; code: string }[]).map((p) => `${p.rule} ${p.code}`);
      throw e;
    }
    throw new Error('expected the catalogue to be refused');
  };
  const withUnits = (...units: AdminUnitData[]) => ({ ...data, units: [...data.units, ...units] });

  it('when a code is reused for another unit, then refused', () => {
    expect(problemsOf(withUnits(commune('00010', '02', { validFrom: '2030-01-01' })))).toEqual(['code-reused 00010']);
  });

  it('when a code has the wrong number of digits for its level, then refused', () => {
    expect(problemsOf(withUnits(commune('0004', '02', OLD)))).toEqual(['code-shape 0004']);
  });

  it('when a unit ends before it starts, or names an unknown province, then refused', () => {
    expect(problemsOf(withUnits(commune('00040', '02', { validFrom: '2020-01-01', validTo: '2019-01-01' })))).toEqual(['bad-validity 00040']);
    expect(problemsOf(withUnits(commune('00041', '09', OLD)))).toEqual(['unknown-parent 00041']);
  });

  it('when a mapping names a missing unit, a unit of another level, or a successor not yet valid, then refused', () => {
    const reorganise = (from: string, to: string, effectiveOn = '2020-01-01') => ({
      ...data,
      reorganisations: [...data.reorganisations, { resolution: { number: '9/NQ', date: '2019-01-01' }, kind: 'merge' as const, effectiveOn, mapping: [{ from, to }] }],
    });
    expect(problemsOf(reorganise('00010', '77777'))).toContain('unknown-unit 77777');
    expect(problemsOf(reorganise('00013', '03'))).toContain('level-mismatch 00013');
    expect(problemsOf(reorganise('00013', '00020', '2020-01-01'))).toEqual(['successor-not-valid 00020', 'predecessor-still-valid 00013']);
  });
});

describe('reorganisation events', () => {
  it('live on the admin-units stream and are told apart by type', () => {
    expect(ADMIN_UNITS_STREAM).toBe('admin-units');
    expect(isAdminUnitsEvent({ type: 'AdminUnitsReorganised.v1' })).toBe(true);
    expect(isAdminUnitsEvent({ type: 'HouseholdRegistered.v1' })).toBe(false);
  });
});
