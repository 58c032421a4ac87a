import { isIsoDate } from '../shared/calendar';
import { DomainError, invalid } from '../shared/errors';
import { AdminLevel, AdminReorganisation, AdminUnit, ReorganisationKind } from './admin-unit';

/** A unit as the catalogue data file spells it: plain JSON, dates as `YYYY-MM-DD`. */
export type AdminUnitData = Readonly<{
  code: string;
  level: AdminLevel;
  name: string;
  provinceCode?: string;
  districtCode?: string;
  validFrom: string;
  validTo?: string;
}>;

export type AdminReorganisationData = Readonly<{
  resolution: Readonly<{ number: string; date: string }>;
  kind: ReorganisationKind;
  effectiveOn: string;
  mapping: readonly Readonly<{ from: string; to: string }>[];
  closed?: readonly string[];
}>;

/** The shape of the administrative-unit data file. */
export type AdminCatalogueData = Readonly<{ units: readonly AdminUnitData[]; reorganisations: readonly AdminReorganisationData[] }>;

/** One thing wrong with a catalogue, named by a stable rule. */
export type CatalogueProblem = Readonly<{ rule: string; code: string; message: string }>;

const DIGITS: Readonly<Record<AdminLevel, number>> = { province: 2, district: 3, commune: 5 };

/** Checks the shape of each unit and turns the data into typed units; the cross-checks come after. */
export function parseUnits(data: AdminCatalogueData, problems: CatalogueProblem[]): AdminUnit[] {
  const seen = new Set<string>();
  for (const u of data.units) {
    const fail = (rule: string, message: string) => problems.push({ rule, code: u.code, message: `${u.code}: ${message}` });
    // Decision 124/2004/QĐ-TTg: a code names one unit for ever, across all levels.
    if (seen.has(u.code)) fail('code-reused', 'code is used by more than one unit');
    seen.add(u.code);
    if (!new RegExp(`^\\d{${DIGITS[u.level]}}$`).test(u.code)) fail('code-shape', `a ${u.level} code has ${DIGITS[u.level]} digits`);
    if (!isIsoDate(u.validFrom) || (u.validTo !== undefined && !isIsoDate(u.validTo))) fail('bad-date', 'validity dates must be YYYY-MM-DD');
    else if (u.validTo !== undefined && u.validTo < u.validFrom) fail('bad-validity', 'validTo is before validFrom');
    if (u.level !== 'province' && !u.provinceCode) fail('missing-parent', `a ${u.level} names its province`);
  }
  return data.units as AdminUnit[];
}

/** Checks the reorganisation dates and turns them into typed values. */
export function parseReorganisations(data: AdminCatalogueData, problems: CatalogueProblem[]): AdminReorganisation[] {
  for (const r of data.reorganisations) {
    if (!isIsoDate(r.effectiveOn) || !isIsoDate(r.resolution.date)) {
      problems.push({ rule: 'bad-date', code: r.resolution.number, message: `resolution ${r.resolution.number}: dates must be YYYY-MM-DD` });
    }
  }
  return [...data.reorganisations].sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : 0)) as AdminReorganisation[];
}

export function refuseCatalogue(problems: readonly CatalogueProblem[]): DomainError {
  return invalid('INVALID_ADMIN_CATALOGUE', `the administrative unit catalogue is invalid: ${problems.map((p) => p.message).join('; ')}`, {
    problems,
  });
}
