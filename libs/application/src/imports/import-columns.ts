/** The columns a commune household list may carry, under the names the service uses. */
export type ImportField =
  | 'householdCode'
  | 'headName'
  | 'citizenId'
  | 'birthDate'
  | 'ethnicity'
  | 'ethnicMinority'
  | 'communeCode'
  | 'village'
  | 'areaType'
  | 'memberCount'
  | 'policyFamily'
  | 'registeredOn';

/** Columns a list cannot do without: a file lacking one is refused as a whole. */
export const REQUIRED_FIELDS: readonly ImportField[] = ['householdCode', 'headName', 'communeCode', 'village', 'areaType', 'memberCount'];

/** Accepted header names per field, Vietnamese first, compared after `headerKey`. */
const HEADER_NAMES: Readonly<Record<ImportField, readonly string[]>> = {
  householdCode: ['Mã hộ', 'householdCode', 'household code'],
  headName: ['Họ tên chủ hộ', 'Họ và tên chủ hộ', 'Chủ hộ', 'headName', 'head name'],
  citizenId: ['Số CCCD', 'CCCD', 'Số định danh', 'citizenId', 'citizen id'],
  birthDate: ['Ngày sinh', 'birthDate', 'birth date'],
  ethnicity: ['Dân tộc', 'ethnicity'],
  ethnicMinority: ['DTTS', 'Dân tộc thiểu số', 'ethnicMinority', 'ethnic minority'],
  communeCode: ['Mã xã', 'communeCode', 'commune code'],
  village: ['Thôn', 'Thôn/Tổ', 'Thôn, bản', 'village'],
  areaType: ['Khu vực', 'areaType', 'area type'],
  memberCount: ['Số nhân khẩu', 'Nhân khẩu', 'memberCount', 'member count'],
  policyFamily: ['Chính sách', 'Gia đình chính sách', 'policyFamily', 'policy family'],
  registeredOn: ['Ngày đăng ký', 'registeredOn', 'registered on'],
};

/**
 * Folds case, diacritics and separators away so "MÃ HỘ", "ma ho" and "Mã_hộ" compare equal:
 * lists are typed by hand in many offices. Đ/đ is not a combining mark, so it is mapped apart.
 */
export function headerKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z0-9]/g, '');
}

const FIELD_BY_KEY: ReadonlyMap<string, ImportField> = new Map(
  (Object.entries(HEADER_NAMES) as [ImportField, readonly string[]][]).flatMap(([field, names]) => names.map((name) => [headerKey(name), field] as const)),
);

/** The field a header cell names, or undefined for a column the import ignores. */
export const fieldOfHeader = (header: string): ImportField | undefined => FIELD_BY_KEY.get(headerKey(header));

/** The first name a field is known by, for messages that point at a column. */
export const columnName = (field: ImportField): string => `${HEADER_NAMES[field][0]}/${field}`;
