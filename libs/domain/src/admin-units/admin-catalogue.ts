import { IsoDate } from '../shared/calendar';
import { notFound, ruleViolated } from '../shared/errors';
import { AdminReorganisation, AdminUnit, isValidDuring, ProvinceUnit } from './admin-unit';
import { checkReferences } from './admin-catalogue.checks';
import { AdminCatalogueData, CatalogueProblem, parseReorganisations, parseUnits, refuseCatalogue } from './admin-catalogue.data';

/** The administrative units over time, and how old codes lead to today's units. */
export interface AdminCatalogue {
  /** The unit with this code, whatever its dates. */
  unit(code: string): AdminUnit | undefined;
  /** The unit with this code if it is valid on the date. */
  unitOn(code: string, date: IsoDate): AdminUnit | undefined;
  isValidOn(code: string, date: IsoDate): boolean;
  /** The units a code leads to on `asOf`, following merges and splits; empty for a unit closed without successor. */
  mapToCurrent(code: string, asOf: IsoDate): readonly string[];
  /** The province a commune belonged to on the date, after any province merger. */
  provinceOf(communeCode: string, date: IsoDate): ProvinceUnit | undefined;
  readonly reorganisations: readonly AdminReorganisation[];
}

/** Builds a catalogue from its data file, refusing it whole if anything is wrong. */
export function adminCatalogue(data: AdminCatalogueData): AdminCatalogue {
  const problems: CatalogueProblem[] = [];
  const unitList = parseUnits(data, problems);
  const reorganisations = parseReorganisations(data, problems);
  if (problems.length > 0) throw refuseCatalogue(problems);
  const units = new Map<string, AdminUnit>(unitList.map((u) => [u.code, u]));
  const references = checkReferences(units, reorganisations);
  if (references.length > 0) throw refuseCatalogue(references);

  const unitOn = (code: string, date: IsoDate) => {
    const found = units.get(code);
    return found && isValidDuring(found, date) ? found : undefined;
  };

  // A code reached through a reorganisation effective on `since` moves on only through later ones.
  const follow = (code: string, since: IsoDate | '', asOf: IsoDate): string[] => {
    const next = reorganisations.find((r) => r.effectiveOn > since && r.effectiveOn <= asOf && r.mapping.some((m) => m.from === code));
    if (!next) return unitOn(code, asOf) ? [code] : [];
    return next.mapping.filter((m) => m.from === code).flatMap((m) => follow(m.to, next.effectiveOn, asOf));
  };

  const mapToCurrent = (code: string, asOf: IsoDate): readonly string[] => {
    if (!units.has(code)) throw notFound('UNKNOWN_ADMIN_UNIT', `administrative unit ${code} is not in the catalogue`, { code });
    return [...new Set(follow(code, '', asOf))];
  };

  const provinceOf = (communeCode: string, date: IsoDate): ProvinceUnit | undefined => {
    const commune = unitOn(communeCode, date);
    if (commune?.level !== 'commune') return undefined;
    const provinces = mapToCurrent(commune.provinceCode, date);
    // Province splits predate the registry; should one happen, communes must record their new province.
    if (provinces.length > 1) {
      throw ruleViolated('AMBIGUOUS_PROVINCE', `commune ${communeCode} lies in a split province: record its province`, { communeCode, provinces });
    }
    const province = provinces.length === 1 ? unitOn(provinces[0], date) : undefined;
    return province?.level === 'province' ? province : undefined;
  };

  return {
    unit: (code) => units.get(code),
    unitOn,
    isValidOn: (code, date) => unitOn(code, date) !== undefined,
    mapToCurrent,
    provinceOf,
    reorganisations,
  };
}
