import { IsoDate } from '../shared/calendar';
import { CommuneCode, DistrictCode, ProvinceCode } from '../shared/ids';

/** Cấp hành chính: districts exist only until 30 June 2025 (Resolution 202/2025/QH15). */
export type AdminLevel = 'province' | 'district' | 'commune';

/** The days a unit exists: from `validFrom` to `validTo` inclusive, open-ended while current. */
export type Validity = Readonly<{ validFrom: IsoDate; validTo?: IsoDate }>;

export type ProvinceUnit = Validity & Readonly<{ level: 'province'; code: ProvinceCode; name: string }>;
export type DistrictUnit = Validity & Readonly<{ level: 'district'; code: DistrictCode; name: string; provinceCode: ProvinceCode }>;
/** A commune records the province (and district) it was created under; later province mergers are followed through the reorganisations. */
export type CommuneUnit = Validity &
  Readonly<{ level: 'commune'; code: CommuneCode; name: string; provinceCode: ProvinceCode; districtCode?: DistrictCode }>;

/** An administrative unit with the dates it is valid. */
export type AdminUnit = ProvinceUnit | DistrictUnit | CommuneUnit;

export type ReorganisationKind = 'merge' | 'split' | 'rename' | 'district-level-abolished';

/** One old-to-new code pair; a split has several pairs with the same `from`, a unit that keeps its code may map to itself. */
export type CodeMapping = Readonly<{ from: string; to: string }>;

/** A merge, split or rename decided by a resolution, as the `AdminUnitsReorganised.v1` event carries it. */
export type AdminReorganisation = Readonly<{
  resolution: Readonly<{ number: string; date: IsoDate }>;
  kind: ReorganisationKind;
  effectiveOn: IsoDate;
  mapping: readonly CodeMapping[];
  /** Units that end with no successor, like the districts on 1 July 2025. */
  closed?: readonly string[];
}>;

export const isValidDuring = (unit: Validity, date: IsoDate): boolean =>
  unit.validFrom <= date && (unit.validTo === undefined || date <= unit.validTo);
