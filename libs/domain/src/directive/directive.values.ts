import { IsoDate } from '../shared/calendar';
import { invalid } from '../shared/errors';

/** Công văn (dispatch), kế hoạch (plan), quyết định (decision), chỉ thị (directive), thông báo (notice). */
export type DirectiveKind = 'cong-van' | 'ke-hoach' | 'quyet-dinh' | 'chi-thi' | 'thong-bao';

/** A body a document is addressed to (Kính gửi, Nơi nhận). */
export type Recipient = Readonly<{ id: string; name: string }>;

/** The issuing body (cơ quan ban hành). */
export type Issuer = Readonly<{ code?: string; name: string }>;

export type ReportingPeriod = 'monthly' | 'half-yearly' | 'yearly' | 'once';

/** The duty to report on implementation: how often, and by which days. */
export type Reporting = Readonly<{ period: ReportingPeriod; dueDates: readonly IsoDate[] }>;

/** A plan's target for a year, e.g. "reduce 43 poor and 29 near-poor households in 2019". */
export type DirectiveTarget = Readonly<{
  year: number;
  reducePoor?: number;
  reduceNearPoor?: number;
  smartphoneCoveragePercent?: number;
  areaCode?: string;
}>;

// Số ký hiệu: a number, an optional year, then symbols joined by "-": 29/KH-UBND, 715/STTTT-TTBCXB,
// 3/TCV-TTYT, 28/2015/QĐ-TTg. Documents often print a space before the slash ("29 /KH-UBND").
const DOCUMENT_NUMBER = /^\d+(\/\d{4})?\/[\p{L}\d]+(-[\p{L}\d]+)*$/u;

/** A document number in its usual shape, with stray spaces around the slashes removed. */
export function documentNumber(value: string, field = 'number'): string {
  const compact = value.trim().replace(/\s*\/\s*/g, '/');
  if (!DOCUMENT_NUMBER.test(compact)) {
    throw invalid('INVALID_DOCUMENT_NUMBER', `${field} must look like 29/KH-UBND (number/SYMBOL-SYMBOL), got "${value}"`, { field, value });
  }
  return compact;
}

export function checkRecipients(recipients: readonly Recipient[], field = 'recipients'): void {
  if (recipients.length === 0) throw invalid('RECIPIENTS_REQUIRED', `${field}: a document is addressed to at least one body`);
  const ids = recipients.map((r) => r.id);
  if (ids.some((id) => !id.trim()) || recipients.some((r) => !r.name.trim()))
    throw invalid('INVALID_RECIPIENT', `${field}: every recipient has an id and a name`);
  if (new Set(ids).size !== ids.length) throw invalid('DUPLICATE_RECIPIENT', `${field}: a recipient is listed twice`);
}

export function checkReporting(reporting: Reporting, issuedOn: IsoDate): void {
  const { period, dueDates } = reporting;
  if (dueDates.length === 0) throw invalid('INVALID_REPORTING', 'a reporting duty has at least one due date');
  if (period === 'once' && dueDates.length !== 1) throw invalid('INVALID_REPORTING', 'a one-off report has exactly one due date');
  if (dueDates.some((d, i) => d < issuedOn || (i > 0 && d <= dueDates[i - 1]))) {
    throw invalid('INVALID_REPORTING', 'due dates come after the issue date, in order, each once');
  }
}

export function checkTargets(targets: readonly DirectiveTarget[]): void {
  const count = (n: number | undefined) => n === undefined || (Number.isInteger(n) && n >= 0);
  for (const t of targets) {
    const percentOk = t.smartphoneCoveragePercent === undefined || (t.smartphoneCoveragePercent >= 0 && t.smartphoneCoveragePercent <= 100);
    if (!Number.isInteger(t.year) || !count(t.reducePoor) || !count(t.reduceNearPoor) || !percentOk) {
      throw invalid('INVALID_TARGET', `target of ${t.year}: a year, whole non-negative reductions and a coverage of 0-100 %`, { target: t });
    }
  }
}
