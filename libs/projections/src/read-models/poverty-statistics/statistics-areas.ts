import { UnitLookup } from '../household-registry/household-registry.projection';
import { areaKeyOf } from './poverty-statistics.document';

/** The unit catalogue as the statistics need it: pure data, injected. */
export interface StatisticsUnits extends UnitLookup {
  /** The (historical) district the catalogue records for a commune, if any. */
  districtOf(communeCode: string): string | undefined;
}

/** A date after every reorganisation: "today's units" without the clock. */
const LATEST = '9999-12-31';

/**
 * Every area key a commune's figures of a year count towards: the commune, its district and its
 * province as recorded (province on 31 December of that year), and the commune it maps to today
 * with today's province. A recorded commune that was split counts towards the first unit it maps
 * to, so a household is never counted twice in a province; districts are never split onto new communes.
 */
export function areaKeysOf(units: StatisticsUnits, communeCode: string, year: number): string[] {
  const keys = [areaKeyOf('commune', communeCode, 'recorded')];
  const district = units.districtOf(communeCode);
  if (district) keys.push(areaKeyOf('district', district, 'recorded'));
  const province = units.provinceOf(communeCode, `${year}-12-31`);
  if (province) keys.push(areaKeyOf('province', province, 'recorded'));
  const current = units.currentUnitsOf(communeCode)[0] ?? communeCode;
  keys.push(areaKeyOf('commune', current, 'current'));
  const currentProvince = units.provinceOf(current, LATEST);
  if (currentProvince) keys.push(areaKeyOf('province', currentProvince, 'current'));
  return keys;
}
