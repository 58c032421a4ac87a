import { HouseholdStatus } from '@pl/domain';
import { RegistryItem } from '../households/get-registry-page.query';

/** One registry row as exported: the registry item plus the head's name where the caller may see it. */
export type ExportRow = RegistryItem & { readonly headName?: string };

/** A column of the export: its Vietnamese heading, its width in characters (XLSX) and its value. */
export interface ExportColumn {
  readonly heading: string;
  readonly width: number;
  readonly value: (row: ExportRow) => string | number;
}

/** The statuses as the commune lists name them. */
export const STATUS_LABELS: Readonly<Record<HouseholdStatus, string>> = {
  'not-listed': 'chưa trong danh sách',
  poor: 'nghèo',
  'near-poor': 'cận nghèo',
  escaped: 'thoát nghèo',
};

/** Shown instead of a name whose personal data was erased. */
export const ERASED_LABEL = '(đã xóa)';

const yesNo = (flag: boolean): string => (flag ? 'Có' : 'Không');
const lastReviewYear = (row: ExportRow): number | string => row.reviewYears[row.reviewYears.length - 1] ?? '';

const HEAD_NAME: ExportColumn = { heading: 'Họ tên chủ hộ', width: 26, value: (r) => r.headName ?? '' };

const COLUMNS: readonly ExportColumn[] = [
  { heading: 'Mã hộ', width: 24, value: (r) => r.householdId },
  { heading: 'Tỉnh', width: 6, value: (r) => r.provinceCode ?? '' },
  { heading: 'Xã', width: 8, value: (r) => r.communeCode },
  { heading: 'Xã hiện nay', width: 12, value: (r) => r.currentCommuneCodes.join(', ') },
  { heading: 'Thôn', width: 18, value: (r) => r.village },
  { heading: 'Khu vực', width: 11, value: (r) => (r.areaType === 'urban' ? 'thành thị' : 'nông thôn') },
  { heading: 'Số nhân khẩu', width: 13, value: (r) => r.memberCount },
  { heading: 'Dân tộc thiểu số', width: 16, value: (r) => yesNo(r.ethnicMinority) },
  { heading: 'Gia đình chính sách', width: 19, value: (r) => yesNo(r.policyFamily) },
  { heading: 'Tình trạng', width: 20, value: (r) => STATUS_LABELS[r.status] },
  { heading: 'Năm rà soát', width: 12, value: lastReviewYear },
  { heading: 'Chuẩn nghèo', width: 12, value: (r) => r.lastAssessment?.standardId ?? '' },
  { heading: 'Số chỉ số thiếu hụt', width: 18, value: (r) => r.lastAssessment?.deprivations ?? '' },
  { heading: 'Quyết định gần nhất', width: 20, value: (r) => r.lastDecision?.number ?? '' },
  { heading: 'Ngày quyết định', width: 15, value: (r) => r.lastDecision?.date ?? '' },
  { heading: 'Cơ quan ban hành', width: 24, value: (r) => r.lastDecision?.issuer ?? '' },
  { heading: 'Ngày đăng ký', width: 13, value: (r) => r.registeredOn },
  { heading: 'Ngày giải thể', width: 13, value: (r) => r.dissolvedOn ?? '' },
];

/** The columns of an export; the head's name follows the household code only for roles that may see it. */
export const exportColumns = (withPersonalData: boolean): readonly ExportColumn[] =>
  withPersonalData ? [COLUMNS[0], HEAD_NAME, ...COLUMNS.slice(1)] : COLUMNS;
