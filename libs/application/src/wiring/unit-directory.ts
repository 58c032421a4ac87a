import { readFileSync } from 'node:fs';
import { AdminCatalogue, AdminCatalogueData, IsoDate, adminCatalogue } from '@pl/domain';
import { AppConfig } from '../config/app-config';

/** A date after every reorganisation the catalogue knows: "mapped to today's units" without reading the clock. */
const LATEST = '9999-12-31' as IsoDate;

/** The administrative units, loaded once from the catalogue file, for projections and access checks. */
export class UnitDirectory {
  private constructor(readonly catalogue: AdminCatalogue) {}

  static load(config: Pick<AppConfig, 'adminUnitsFile'>): UnitDirectory {
    let data: AdminCatalogueData;
    try {
      data = JSON.parse(readFileSync(config.adminUnitsFile, 'utf8')) as AdminCatalogueData;
    } catch (error) {
      throw new Error(`cannot read the administrative-unit catalogue ${config.adminUnitsFile} (ADMIN_UNITS_FILE): ${error instanceof Error ? error.message : String(error)}`);
    }
    return new UnitDirectory(adminCatalogue(data));
  }

  static of(data: AdminCatalogueData): UnitDirectory {
    return new UnitDirectory(adminCatalogue(data));
  }

  /** The province of a commune on a date (today's, after mergers, when no date is given). */
  provinceOf(communeCode: string, onDate: string = LATEST): string | undefined {
    const found = this.catalogue.provinceOf(communeCode, onDate as IsoDate)?.code;
    if (found) return found;
    // A commune closed by a merger still belongs to its (possibly merged) province.
    const unit = this.catalogue.unit(communeCode);
    if (unit?.level !== 'commune') return undefined;
    return this.catalogue.mapToCurrent(unit.provinceCode, onDate as IsoDate)[0] ?? unit.provinceCode;
  }

  /** The unit(s) a recorded code leads to after every known reorganisation. */
  currentUnitsOf(code: string): readonly string[] {
    return this.catalogue.mapToCurrent(code, LATEST);
  }

  isCommune(code: string, onDate: string): boolean {
    return this.catalogue.unitOn(code, onDate as IsoDate)?.level === 'commune';
  }
}

export const UNIT_DIRECTORY = Symbol('UnitDirectory');
