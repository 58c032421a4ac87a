import { Brand } from './brand';
import { invalid } from './errors';

/** Identifies a household's stream: `household-<HouseholdId>`. */
export type HouseholdId = Brand<string, 'HouseholdId'>;
/** Mã đơn vị hành chính: province 2 digits, district 3, commune 5 (Decision 124/2004/QĐ-TTg). */
export type ProvinceCode = Brand<string, 'ProvinceCode'>;
export type DistrictCode = Brand<string, 'DistrictCode'>;
export type CommuneCode = Brand<string, 'CommuneCode'>;
export type DirectiveId = Brand<string, 'DirectiveId'>;

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function householdId(value: string): HouseholdId {
  if (!ID.test(value)) throw invalid('INVALID_ID', `household id must be 1-64 letters, digits, "-" or "_", got "${value}"`);
  return value as HouseholdId;
}

export function directiveId(value: string): DirectiveId {
  if (!ID.test(value)) throw invalid('INVALID_ID', `directive id must be 1-64 letters, digits, "-" or "_", got "${value}"`);
  return value as DirectiveId;
}

function code<T>(digits: number, what: string) {
  const shape = new RegExp(`^\\d{${digits}}$`);
  return (value: string): T => {
    if (!shape.test(value)) throw invalid('INVALID_UNIT_CODE', `${what} code must be ${digits} digits, zero-padded, got "${value}"`);
    return value as T;
  };
}

export const provinceCode = code<ProvinceCode>(2, 'province');
export const districtCode = code<DistrictCode>(3, 'district');
export const communeCode = code<CommuneCode>(5, 'commune');
