import { LineFigures } from '@pl/projections';
import { PovertyStatisticsAnswer } from '@pl/application';

/** Column headings of the annual summary (biểu tổng hợp kết quả rà soát), in the order of the official table. */
export const SUMMARY_HEADINGS = [
  'Chỉ tiêu', 'Đầu năm', 'Thoát nghèo', 'Tái nghèo', 'Phát sinh mới', 'Biến động khác', 'Cuối năm', 'Tổng số hộ', 'Tỷ lệ %',
] as const;

/** One row of the table: a label and its figures (rate empty without a denominator). */
export type SummaryRow = readonly [string, number, number, number, number, number, number, number | null, number | null];

const LEVELS = { commune: 'Xã', district: 'Huyện', province: 'Tỉnh' } as const;

/** Moves between the lists, relocations and dissolutions: kept as one column so each row adds up. */
const otherChanges = (f: LineFigures): number => f.switchedIn + f.movedIn - f.switchedOut - f.movedOut - f.dissolved;

const row = (label: string, f: LineFigures): SummaryRow =>
  [label, f.start, f.escaped, f.fallenBack, f.arising, otherChanges(f), f.end, f.denominator, f.ratePercent];

/** Title lines of the table. */
export function summaryTitle(answer: PovertyStatisticsAnswer): string[] {
  const mapping = answer.area.mapping === 'current' ? 'theo đơn vị hành chính hiện nay' : 'theo đơn vị hành chính khi ghi nhận';
  return [
    `BẢNG TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM ${answer.year}`,
    `Địa bàn: ${LEVELS[answer.area.level]} ${answer.area.code} (${mapping}); vị trí sổ sự kiện ${answer.position}; chuẩn áp dụng: ${answer.ruleSets.join(', ') || 'không có'}`,
  ];
}

/** The rows of the official table: poor and near-poor, urban and rural, and their ethnic-minority households. */
export function summaryRows(answer: PovertyStatisticsAnswer): SummaryRow[] {
  const { poor, nearPoor } = answer;
  return [
    row('Hộ nghèo', poor.all),
    row('- Thành thị', poor.urban),
    row('- Nông thôn', poor.rural),
    row('Hộ nghèo dân tộc thiểu số', poor.ethnicMinority),
    row('Hộ cận nghèo', nearPoor.all),
    row('- Thành thị', nearPoor.urban),
    row('- Nông thôn', nearPoor.rural),
    row('Hộ cận nghèo dân tộc thiểu số', nearPoor.ethnicMinority),
  ];
}

/** The file name of an export: plain ASCII, so every client keeps it. */
export const summaryFileName = (answer: PovertyStatisticsAnswer, ext: 'csv' | 'xlsx'): string =>
  `tong-hop-ho-ngheo-${answer.area.level}-${answer.area.code}-${answer.year}.${ext}`;
