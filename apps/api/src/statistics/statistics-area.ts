import { AccessPolicy, Principal, StatisticsArea, UnitDirectory } from '@pl/application';
import { invalid, notFound } from '@pl/domain';
import { AreaMapping } from '@pl/projections';

/** The area a code names (by its length), checked against the caller's areas. */
export function authorizedArea(access: AccessPolicy, units: UnitDirectory, caller: Principal, code: string, mapping: AreaMapping): StatisticsArea {
  if (code.length === 5) {
    access.authorize(caller, 'statistics:read', { communeCode: code });
    return { level: 'commune', code, mapping };
  }
  if (code.length === 2) {
    access.authorize(caller, 'statistics:read', { provinceCode: code });
    return { level: 'province', code, mapping };
  }
  if (mapping === 'current') throw invalid('DISTRICTS_ARE_HISTORICAL', `district ${code}: districts ended on 30 June 2025 and have no current units; ask with mapping=recorded`, { areaCode: code });
  const district = units.catalogue.unit(code);
  if (district?.level !== 'district') throw notFound('UNKNOWN_AREA', `no district ${code} in the unit catalogue`, { areaCode: code });
  access.authorize(caller, 'statistics:read', { provinceCode: district.provinceCode });
  return { level: 'district', code, mapping };
}
