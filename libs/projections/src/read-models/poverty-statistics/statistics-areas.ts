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

/**
 * Number of household shards; a household's events always land in the same one. Each event
 * copies its shard, so shards must stay small (about 50 households each at 200,000); a query
 * reads all of them, which stays cheap at this count.
 */
export const SHARD_COUNT = 4096;

/** The shard of a household: FNV-1a of its id, so it is stable across replays and processes. */
export function shardOf(householdId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < householdId.length; i++) {
    hash ^= householdId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `shard:${hash % SHARD_COUNT}`;
}

/** Ids of every shard: what a query reads. */
export const allShards = (): string[] => Array.from({ length: SHARD_COUNT }, (_, i) => `shard:${i}`);

/** Id of the denominator document of an area key. */
export const denominatorId = (areaKey: string): string => `denominator:${areaKey}`;
